"""The comparison as Word: written with python-docx, opened again and read back, and converted to PDF by real
LibreOffice — of two small documents built here, three documents of the corpus and, for the coverage matrix, eight.

The document must use Word's heading styles in reading order, real tables with a header row that repeats, show
the largest differences and every requirement with one status column per document, say per area who does what
and how often in each document, and print on A4 pages, the requirement table landscape.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from sosfs_check.comparison.docx import write_comparison_docx
from sosfs_check.comparison.model import Comparison, build_comparison
from sosfs_check.report.texts import report_texts
from tests.comparison.conftest import DATE

SOFFICE = shutil.which("soffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: the Word "
                                                                "comparison is opened by it (CI installs libreoffice)")
TEXTS = report_texts()
LABELS = TEXTS.labels
FACTS = ("requirement", "title", "citation", "kind")  # the status tables' columns before the documents
PORTRAIT, LANDSCAPE = (210, 297), (297, 210)


@pytest.fixture(scope="module", params=["small", "corpus"])
def written(request, tmp_path_factory) -> tuple[Comparison, WordDocument]:
    comparison = request.getfixturevalue(request.param)
    return comparison, _written(comparison, tmp_path_factory.mktemp("docx"))


def _written(comparison: Comparison, directory: Path) -> WordDocument:
    path = directory / "jamforelse.docx"
    write_comparison_docx(comparison, path)
    return docx.Document(str(path))


def _style_names(doc: WordDocument) -> dict[str | None, str]:
    """Style id → style name; a paragraph without a style is Normal."""
    return {None: "Normal", **{style.style_id: style.name for style in doc.styles}}


def _styled(doc: WordDocument, style: str) -> list[str]:
    names = _style_names(doc)
    return [p.text for p in doc.paragraphs if names[p._p.style] == style]


def _tables_after(doc: WordDocument, heading: str) -> list[Table]:
    """The tables between the heading with this text and the next heading of any level."""
    names = _style_names(doc)
    seen, tables = False, []
    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph) and names[item._p.style].startswith("Heading"):
            if seen:
                break
            seen = item.text == heading
        elif isinstance(item, Table) and seen:
            tables.append(item)
    return tables


def _rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _status_rows(comparison: Comparison, rows) -> list[list[str]]:
    return [[row.id, row.title, row.citation, row.kind_label, *(cell.status_label for cell in row.cells),
             str(comparison.covering(row))] for row in rows]


def _sizes(doc: WordDocument) -> list[tuple[int, int]]:
    return [(round(s.page_width.mm), round(s.page_height.mm)) for s in doc.sections]


def test_headings_in_reading_order(written):
    comparison, doc = written
    assert _style_names(doc)[doc.paragraphs[0]._p.style] == "Title"
    assert doc.paragraphs[0].text == comparison.title
    assert _styled(doc, "Heading 1") == [TEXTS.compare[part] for part in ("differences", "areas", "requirements")]
    assert _styled(doc, "Heading 2") == [area.area_name for area in comparison.areas]


def test_title_page_names_the_documents_with_scope_and_coverage(written):
    comparison, doc = written
    assert f"{LABELS['date']}: {DATE}" in [p.text for p in doc.paragraphs[:4]]
    rows = _rows(doc.tables[0])
    assert rows[0] == [TEXTS.compare["name"], LABELS["scope"], TEXTS.batch["coverage"], TEXTS.batch["ska_gaps"]]
    assert [row[:2] for row in rows[1:]] == [[d.name, d.scope] for d in comparison.documents]
    assert [row[3] for row in rows[1:]] == [str(d.ska_gaps) for d in comparison.documents]
    for row, document in zip(rows[1:], comparison.documents, strict=True):
        assert re.fullmatch(r"\d+ %", row[2]) and int(row[2].split()[0]) == round(100 * document.coverage)


def test_differences_table_is_the_largest_differences_with_a_column_per_document(written):
    comparison, doc = written
    assert comparison.largest_differences, "the test needs documents that differ"
    (table,) = _tables_after(doc, TEXTS.compare["differences"])
    rows = _rows(table)
    assert rows[0] == [*(LABELS[key] for key in FACTS), *(d.name for d in comparison.documents),
                       TEXTS.compare["covering"]]
    assert rows[1:] == _status_rows(comparison, comparison.largest_differences)
    assert TEXTS.compare["differences_intro"] in [p.text for p in doc.paragraphs]


def test_requirement_table_has_every_requirement_and_a_status_column_per_document(written):
    comparison, doc = written
    (table,) = _tables_after(doc, TEXTS.compare["requirements"])
    rows = _rows(table)
    assert rows[0] == [*(LABELS[key] for key in FACTS), *(d.name for d in comparison.documents),
                       TEXTS.compare["covering"]]
    assert rows[1:] == _status_rows(comparison, comparison.requirements)
    # Each status in its own fill, the same wherever it stands.
    fills: dict[str, set[str]] = {}
    for row in table.rows[1:]:
        for cell in row.cells[len(FACTS):len(FACTS) + len(comparison.documents)]:
            fills.setdefault(cell.text, set()).add(cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")))
    assert all(len(colours) == 1 for colours in fills.values())
    assert len({colour for colours in fills.values() for colour in colours}) == len(fills) > 1


def test_each_area_says_per_document_who_does_what_and_how_often(written):
    comparison, doc = written
    nothing = TEXTS.compare["nothing"]
    for area in comparison.areas:
        table, *_ = _tables_after(doc, area.area_name)
        rows = table.rows
        assert [cell.text for cell in rows[0].cells] == [LABELS["documents"], TEXTS.compare["duties"],
                                                         TEXTS.compare["rhythms"]]
        assert [row.cells[0].text for row in rows[1:]] == [d.name for d in comparison.documents]
        for row, duties, rhythms in zip(rows[1:], area.duties, area.rhythms, strict=True):
            roles = [run.text for p in row.cells[1].paragraphs for run in p.runs if run.bold]
            assert roles == [duty.role for duty in duties]
            if not duties:
                assert row.cells[1].text == nothing
            said = [p.text for p in row.cells[2].paragraphs]
            assert said == (list(dict.fromkeys(rhythm for rhythm, _ in rhythms)) or [nothing])


def test_small_documents_risk_analysis_and_roles_only_one_has(small, tmp_path):
    doc = _written(small, tmp_path)
    risk = _rows(_tables_after(doc, "Riskanalys")[0])
    assert risk[1] == ["Socialnämnden", "Enhetschef (Enhetschefen)\nen riskanalys görs varje kvartal",
                       "4 gånger per år"]
    assert risk[2] == ["Vård och omsorg", TEXTS.compare["nothing"], TEXTS.compare["nothing"]]
    texts = [p.text for p in doc.paragraphs]
    after = texts[texts.index("Riskanalys"):]
    assert TEXTS.compare["only_in"] in after
    assert "Socialnämnden: Enhetschef" in after


def test_tables_are_styled_with_a_repeating_bold_header(written):
    _, doc = written
    for table in doc.tables:
        assert table.style.name == "Light Grid Accent 1"
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        assert all(run.bold for cell in table.rows[0].cells for p in cell.paragraphs for run in p.runs)


def test_a4_swedish_and_the_requirement_table_landscape(small, corpus, tmp_path):
    two = _written(small, tmp_path)
    three = _written(corpus, tmp_path)  # read into memory: the first file may be overwritten
    assert _sizes(two) == [PORTRAIT, LANDSCAPE]
    # Three documents' differences need the width of a landscape page too.
    assert _sizes(three) == [PORTRAIT, LANDSCAPE, PORTRAIT, LANDSCAPE]
    assert all(round(s.left_margin.mm) == round(s.right_margin.mm) == 20 for s in three.sections)
    assert three.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "sv-SE"
    assert three.core_properties.title == corpus.title
    assert three.core_properties.created.date().isoformat() == DATE


def test_eight_documents_become_a_coverage_matrix_with_short_labels(small_results, tmp_path):
    many = build_comparison(small_results * 4, names=[f"Nämnd {n}" for n in range(1, 9)], date=DATE)
    doc = _written(many, tmp_path)
    assert _styled(doc, "Heading 1") == [TEXTS.compare[part] for part in ("differences", "areas", "matrix")]
    (table,) = _tables_after(doc, TEXTS.compare["matrix"])
    # The legend above the matrix: "T: Täckt · D: Delvis …".
    legend = next(p.text for p in doc.paragraphs if TEXTS.statuses["not_applicable"] in p.text)
    short = dict(pair.split(": ") for pair in legend.split("   ·   "))
    assert sorted(short.values()) == sorted(TEXTS.statuses.values()) and all(len(key) == 1 for key in short)
    rows = _rows(table)
    assert rows[0][len(FACTS):-1] == [d.name for d in many.documents]
    for row, requirement in zip(rows[1:], many.requirements, strict=True):
        labels = row[len(FACTS):-1]
        assert [short[label] for label in labels] == [cell.status_label for cell in requirement.cells]
        assert row[-1] == str(many.covering(requirement))
    for cell in table.rows[0].cells[len(FACTS):-1]:
        assert cell._tc.tcPr.find(qn("w:textDirection")).get(qn("w:val")) == "btLr"
    assert table.rows[0].height.mm > 10, "the upright names need a taller header row"


def test_documents_judged_alike_have_no_differences_table(small_results, tmp_path):
    same = build_comparison([small_results[0]] * 2, date=DATE)
    doc = _written(same, tmp_path)
    assert _tables_after(doc, TEXTS.compare["differences"]) == []
    texts = [p.text for p in doc.paragraphs]
    assert texts[texts.index(TEXTS.compare["differences"]) + 1] == TEXTS.compare["no_differences"]
    assert _sizes(doc) == [PORTRAIT, LANDSCAPE]


@pytest.fixture(scope="session")
def pdf(corpus, tmp_path_factory) -> bytes:
    """The corpus comparison as LibreOffice prints it: converted once per session."""
    assert SOFFICE is not None
    directory = tmp_path_factory.mktemp("libreoffice")
    source = directory / "jamforelse.docx"
    write_comparison_docx(corpus, source)
    completed = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(directory / 'lo-profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(directory), str(source)],
        capture_output=True, text=True, timeout=120, check=False)
    output = directory / "jamforelse.pdf"
    assert completed.returncode == 0 and output.exists(), completed.stdout + completed.stderr
    return output.read_bytes()


@needs_libreoffice
def test_libreoffice_prints_the_comparison_on_a4_pages(pdf):
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf, re.S)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages > 2 and len(boxes) == pages
    sizes = [(round(float(w) / 72 * 25.4), round(float(h) / 72 * 25.4)) for w, h in boxes]
    assert set(sizes) == {PORTRAIT, LANDSCAPE}
    assert sizes[0] == PORTRAIT and sizes[-1] == LANDSCAPE, "the title page upright, the requirements across"
