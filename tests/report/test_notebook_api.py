"""The notebook API: what a quality developer types after `import sosfs_check`, and what comes back."""

from __future__ import annotations

import io

import lxml.html
import pytest

import sosfs_check
from sosfs_check.assessment.model import AssessmentResult
from sosfs_check.errors import OutputExistsError
from tests.report.conftest import CORPUS_DOCUMENT


def test_dir_lists_the_public_api_for_tab_completion():
    assert dir(sosfs_check) == ["SosfsCheckError", "__version__", "check", "compare", "generate", "load_catalog",
                                "read"]
    for name in dir(sosfs_check):
        assert getattr(sosfs_check, name) is not None


@pytest.mark.parametrize("function", [sosfs_check.check, sosfs_check.read, sosfs_check.load_catalog,
                                      sosfs_check.generate, sosfs_check.compare])
def test_public_functions_have_a_docstring_with_an_example(function):
    assert function.__doc__ and ">>> " in function.__doc__


@pytest.mark.parametrize("method", ["finding", "to_json", "to_markdown", "to_html", "to_excel", "to_docx",
                                    "to_dataframe"])
def test_result_methods_have_a_docstring_with_an_example(method):
    assert "result" in (getattr(AssessmentResult, method).__doc__ or "")


def test_check_takes_a_path_bytes_or_a_file_object_alike(corpus_result):
    data = CORPUS_DOCUMENT.read_bytes()
    from_bytes = sosfs_check.check(data, name=CORPUS_DOCUMENT.name)
    from_file = sosfs_check.check(io.BytesIO(data), name=CORPUS_DOCUMENT.name)
    with CORPUS_DOCUMENT.open("rb") as handle:
        from_open_file = sosfs_check.check(handle)  # its name comes from the file object
    for other in (from_bytes, from_file, from_open_file):
        assert other.document.source_name == CORPUS_DOCUMENT.name
        assert other.document.sha256 == corpus_result.document.sha256
        assert [f.status for f in other.findings] == [f.status for f in corpus_result.findings]


def test_bytes_without_a_name_are_read_by_what_they_are():
    text = "# Riskanalys\n\nEnhetschefen ansvarar för att en riskanalys görs varje år.\n".encode()
    assert sosfs_check.check(text).document.format == "text"
    assert sosfs_check.check(CORPUS_DOCUMENT.read_bytes()).document.format == "docx"  # a zip package


def test_an_unknown_requirement_id_raises_a_clear_key_error(corpus_result):
    with pytest.raises(KeyError, match=r"Inget krav med id 'RISK-9'.*RISK-2"):
        corpus_result.finding("RISK-9")
    assert corpus_result.finding("RISK-2").requirement_id == "RISK-2"


def test_the_dataframe_speaks_one_language_in_columns_and_values(corpus_result):
    frame = corpus_result.to_dataframe()
    assert frame.index.name == "krav" and list(frame.index) == [f.requirement_id for f in corpus_result.findings]
    assert list(frame.columns) == ["rubrik", "typ", "kapitel", "paragraf", "område", "status", "motivering", "regel",
                                   "belägg", "avsnitt", "var", "ansvariga", "hur_ofta", "saknade_delar"]
    assert set(frame.status) <= {"täckt", "delvis", "saknas", "ej tillämpligt"}
    assert set(frame.typ) <= {"ska", "bör", "upplysning"}
    assert (frame.status == "saknas").sum() == corpus_result.summary.missing


def test_the_notebook_html_shows_status_as_text_and_colour_reason_evidence_and_paragraph(corpus_result):
    page = lxml.html.fragment_fromstring(corpus_result._repr_html_(), create_parent="div")
    rows = page.xpath("//tbody/tr")
    assert len(rows) == len(corpus_result.findings)
    for row, finding in zip(rows, corpus_result.findings, strict=True):
        cells = [" ".join(cell.text_content().split()) for cell in row]
        assert cells[0] == finding.requirement_id and cells[1] == finding.citation
        status = row[3]
        assert status.text_content() in ("Täckt", "Delvis", "Saknas", "Ej tillämpligt")
        assert "background" in status.get("style", "")
        assert " ".join(finding.reason.split()) in cells[4]
        if finding.evidence:
            assert finding.evidence[0].location in cells[5]


def test_short_reprs_for_result_catalog_and_document(corpus_result):
    assert repr(corpus_result).startswith("<AssessmentResult d1-sjobacka-vard-och-omsorg.docx: ")
    catalog = sosfs_check.load_catalog()
    assert repr(catalog) == (f"<Catalog SOSFS 2011:9, version {catalog.metadata.catalog_version}: {len(catalog)} krav "
                             "(25 ska, 10 bör, 4 upplysning)>")
    assert catalog._repr_html_().count("<tr>") == len(catalog) + 1
    model = sosfs_check.read(CORPUS_DOCUMENT)
    assert repr(model).startswith("<DocumentModel d1-sjobacka-vard-och-omsorg.docx (docx): ")
    outline = lxml.html.fragment_fromstring(model._repr_html_(), create_parent="div").xpath("//li")
    assert len(outline) == len(model.outline())


def test_writing_reports_from_a_notebook_keeps_existing_files(corpus_result, tmp_path):
    target = tmp_path / "granskning.xlsx"
    assert corpus_result.to_excel(target) == target and target.read_bytes()[:2] == b"PK"
    with pytest.raises(OutputExistsError):
        corpus_result.to_excel(target)
    corpus_result.to_excel(target, overwrite=True)
    word = corpus_result.to_docx(tmp_path / "granskning.docx")
    assert word.read_bytes()[:2] == b"PK"
    assert corpus_result.to_markdown().startswith("# Granskning av ledningssystem: d1-sjobacka")
    assert corpus_result.to_html().lstrip().lower().startswith("<!doctype html>")
