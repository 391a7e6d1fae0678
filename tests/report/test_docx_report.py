"""The Word report as Word and LibreOffice read it: every file is written, opened again with python-docx and
read back, and one is converted to PDF by real LibreOffice.

A report must use Word's own heading styles and real tables (style, repeating header row), list the gaps in the
view's order with their status in words, give every requirement a heading of its own, count what the result
counts, quote the evidence with its location, be A4 and Swedish, and open in LibreOffice as a paged document.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from sosfs_check import check
from sosfs_check.assessment.model import AssessmentResult
from sosfs_check.report.docx_report import write_docx
from sosfs_check.report.texts import report_texts
from sosfs_check.report.view import MatrixCell, ReportView, ResponsibilityMatrix, build_view

SOFFICE = shutil.which("soffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: the Word "
                                                                "report is opened by it (CI installs libreoffice)")
TEXTS = report_texts()
MAIN_PARTS = ("summary", "actions", "requirements", "matrix", "calendar", "references", "fidelity")

# A short ledningssystem: a responsibility with a frequency, a table, a stale reference, an image without
# alternative text (unreadable) and a comment (left out on purpose).
BUILT_DOCUMENT = """\
# Ledningssystem för systematiskt kvalitetsarbete

## 1 Ansvar

Nämnden ansvarar för att det finns ett ledningssystem för verksamheten.

Verksamheten följer socialtjänstlagen (2001:453) och SOSFS 2011:9.

### 1.1 Riskanalys

Enhetschefen ansvarar för att en riskanalys görs varje kvartal. Riskanalysen beskriver vilka händelser som \
kan inträffa och vilka konsekvenser de kan få.

### 1.2 Egenkontroll

| Vad | Vem | När |
|---|---|---|
| Egenkontroll av journaler | Enhetschef | varje månad |
| Sammanställning av avvikelser | Förvaltningschef | två gånger per år |

![](organisation.png)

<!-- utkast, ej fastställt -->
"""


@pytest.fixture(scope="module")
def built_result(tmp_path_factory) -> AssessmentResult:
    path = tmp_path_factory.mktemp("built") / "ledningssystem.md"
    path.write_text(BUILT_DOCUMENT, encoding="utf-8")
    return check(path)



@pytest.fixture(scope="module", params=["built", "corpus"])
def result(request) -> AssessmentResult:
    return request.getfixturevalue(f"{request.param}_result")


def _written(view: ReportView, directory: Path) -> WordDocument:
    path = directory / "rapport.docx"
    write_docx(view, path)
    return docx.Document(str(path))


@pytest.fixture(scope="module")
def report(result, tmp_path_factory) -> tuple[ReportView, WordDocument]:
    view = build_view(result)
    return view, _written(view, tmp_path_factory.mktemp("docx"))


def _style_names(doc: WordDocument) -> dict[str | None, str]:
    """Style id → style name; a paragraph without a style is Normal. Looked up once: python-docx resolves a
    paragraph's style anew on every access."""
    return {None: "Normal", **{style.style_id: style.name for style in doc.styles}}


def _styled(doc: WordDocument, style: str) -> list[str]:
    names = _style_names(doc)
    return [p.text for p in doc.paragraphs if names[p._p.style] == style]


def _table_after(doc: WordDocument, heading: str) -> Table:
    """The first table after the heading with this text."""
    names = _style_names(doc)
    seen = False
    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph) and names[item._p.style].startswith("Heading"):
            seen = seen or item.text == heading
        elif isinstance(item, Table) and seen:
            return item
    raise AssertionError(f"no table after {heading!r}")


def _rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_title_and_main_parts_are_word_headings(report):
    view, doc = report
    assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == view.title
    assert _styled(doc, "Subtitle") == [view.subtitle]
    assert _styled(doc, "Heading 1") == [TEXTS.headings[part] for part in MAIN_PARTS]
    assert _styled(doc, "Heading 2") == [TEXTS.headings["by_chapter"]] + [
        f"{TEXTS.labels['chapter']} {chapter.chapter} – {chapter.title}" for chapter in view.chapters]
    title_page = " ".join(p.text for p in doc.paragraphs[:12])
    for fact in (view.document, view.date, view.scope, view.tool_version, view.catalog_version, view.sha256,
                 TEXTS.notes["disclaimer"]):
        assert fact in title_page


def test_every_requirement_has_a_heading_3_in_catalog_order(report, result):
    _, doc = report
    assert _styled(doc, "Heading 3") == [f"{f.requirement_id} {f.title}" for f in result.findings]


def test_action_list_rows_are_the_gaps_in_priority_order(report):
    view, doc = report
    assert view.actions, "the test needs a document with gaps"
    rows = _rows(_table_after(doc, TEXTS.headings["actions"]))
    labels = TEXTS.labels
    assert rows[0] == [labels["priority"], labels["requirement"], labels["title"], labels["kind"],
                       labels["citation"], labels["status"], labels["reason"], labels["location"]]
    assert [(row[0], row[1], row[5]) for row in rows[1:]] == [
        (str(number), r.id, r.status_label) for number, r in enumerate(view.actions, start=1)]
    assert [(row[3], row[4], row[6]) for row in rows[1:]] == [(r.kind_label, r.citation, r.reason)
                                                              for r in view.actions]
    # Binding requirements before advice, missing before partial: the order the view gives.
    kinds = [row[3] for row in rows[1:]]
    assert kinds == sorted(kinds, key=lambda kind: ["ska", "bör", "upplysning"].index(kind))


def test_status_is_written_and_coloured(report):
    view, doc = report
    rows = _table_after(doc, TEXTS.headings["actions"]).rows[1:]
    fills = {row.cells[5].text: row.cells[5]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for row in rows}
    assert set(fills) == {r.status_label for r in view.actions}
    assert len(set(fills.values())) == len(fills), "each status its own colour"
    statuses = [p.text for p in doc.paragraphs if p.text.startswith(f"{TEXTS.labels['status']}: ")]
    assert statuses == [f"{TEXTS.labels['status']}: {r.status_label}" for r in view.requirements]


def test_summary_tables_count_what_the_result_counts(report, result):
    view, doc = report
    by_kind = Counter((f.kind, f.status) for f in result.findings)
    rows = _rows(_table_after(doc, TEXTS.headings["summary"]))
    assert rows[0] == [TEXTS.labels["kind"], *(TEXTS.statuses[s] for s in view.statuses), TEXTS.labels["total"]]
    kinds = [kind for kind in ("ska", "bör", "upplysning") if any(f.kind == kind for f in result.findings)]
    assert rows[1:] == [[TEXTS.kinds[kind], *(str(by_kind[kind, s]) for s in view.statuses),
                         str(sum(1 for f in result.findings if f.kind == kind))] for kind in kinds]

    by_chapter = Counter((f.chapter, f.kind, f.status) for f in result.findings)
    chapter_rows = _rows(_table_after(doc, TEXTS.headings["by_chapter"]))[1:]
    counted = {(int(row[0].split()[0]), row[1]): [int(n) for n in row[2:]] for row in chapter_rows}
    assert counted == {(chapter, TEXTS.kinds_short[kind]): [by_chapter[chapter, kind, s] for s in view.statuses]
                       for chapter, kind, _ in by_chapter}


def test_tables_are_styled_with_a_repeating_header(report):
    _, doc = report
    assert len(doc.tables) >= 5
    for table in doc.tables:
        assert table.style.name == "Light Grid Accent 1"
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        assert all(run.bold for cell in table.rows[0].cells for p in cell.paragraphs for run in p.runs)


def test_a4_swedish_and_titled(report):
    view, doc = report
    # Word keeps sizes in twentieths of a point: A4 is 210 × 297 mm to a tenth of a millimetre.
    assert all(round(s.left_margin.mm) == round(s.right_margin.mm) == 20 for s in doc.sections)
    # The action list and the matrix are printed landscape, the rest portrait.
    assert [(round(s.page_width.mm), round(s.page_height.mm)) for s in doc.sections] == [
        (210, 297), (297, 210), (210, 297), (297, 210), (210, 297)]
    lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "sv-SE"
    assert doc.core_properties.title == view.title
    assert doc.core_properties.subject == view.subtitle
    assert doc.core_properties.language == "sv-SE"
    assert doc.core_properties.author == "sosfs-check" and doc.core_properties.comments == ""


def test_evidence_is_quoted_with_its_location(report):
    view, doc = report
    assert _styled(doc, "Quote") == [e.quote for r in view.requirements for e in r.evidence]
    texts = [p.text for p in doc.paragraphs]
    for requirement in view.requirements:
        for evidence in requirement.evidence:
            at = texts.index(evidence.quote)
            assert texts[at + 1].startswith(
                f"{TEXTS.labels['location']}: {evidence.location} ({evidence.passage_kind})")
    gaps = [r for r in view.requirements if r.missing_elements]
    bullets = _styled(doc, "List Bullet")
    for requirement in gaps:
        assert all(element in bullets for element in requirement.missing_elements)


def test_matrix_calendar_references_and_fidelity_of_the_built_document(built_result, tmp_path):
    view = build_view(built_result)
    doc = _written(view, tmp_path)
    matrix = _rows(_table_after(doc, TEXTS.headings["matrix"]))
    assert matrix[0] == [TEXTS.labels["role"], *view.matrix.areas]
    assert {row[0]: row[1:] for row in matrix[1:]} == {
        "Nämnd": ["det finns ett ledningssystem för verksamheten", ""],
        "Enhetschef": ["", "en riskanalys görs varje kvartal"]}
    calendar = _rows(_table_after(doc, TEXTS.headings["calendar"]))
    assert calendar[1:] == [[e.how_often, e.what, e.who, ", ".join(e.areas)] for e in view.calendar]
    assert ["4 gånger per år", "en riskanalys görs varje kvartal", "Enhetschef", "Riskanalys"] in calendar
    references = _rows(_table_after(doc, TEXTS.headings["references"]))
    assert references[1:] == [["socialtjänstlagen (2001:453)", "Socialtjänstlag (2025:400)", "2025-07-01",
                               "avsnitt 1 Ansvar, andra stycket"]]
    texts = [p.text for p in doc.paragraphs]
    assert TEXTS.notes["unreadable"] in texts and TEXTS.notes["excluded"] in texts
    details = [row[2] for table in doc.tables[-2:] for row in _rows(table)[1:]]
    assert any("organisation.png" in detail for detail in details)
    assert any("utkast, ej fastställt" in detail for detail in details)


def test_long_duties_are_shortened_at_a_word(built_result, tmp_path):
    view = build_view(built_result)
    duty = "se till att " + " ".join(["avvikelser rapporteras och utreds"] * 8)
    many = tuple(f"uppgift {n}" for n in range(5))
    matrix = ResponsibilityMatrix(roles=("Enhetschef",), areas=("Riskanalys", "Egenkontroll"), cells={
        ("Enhetschef", "Riskanalys"): MatrixCell(duties=(duty,), requirement_ids=("RISK-1",)),
        ("Enhetschef", "Egenkontroll"): MatrixCell(duties=many, requirement_ids=("EGEN-1",))})
    doc = _written(replace(view, matrix=matrix), tmp_path)
    row = _table_after(doc, TEXTS.headings["matrix"]).rows[1]
    shortened = row.cells[1].text
    assert shortened.endswith(" …") and len(shortened) < len(duty)
    assert duty.startswith(shortened.removesuffix(" …")) and duty[len(shortened) - 2] == " "
    assert [p.text for p in row.cells[2].paragraphs] == [*many[:3], "…"]


def test_empty_parts_say_so(built_result, tmp_path):
    view = build_view(built_result)
    empty = replace(view, actions=(), calendar=(), stale_references=(),
                    matrix=ResponsibilityMatrix(roles=(), areas=(), cells={}))
    doc = _written(empty, tmp_path)
    texts = [p.text for p in doc.paragraphs]
    for note in ("no_actions", "no_matrix", "no_calendar", "no_references"):
        assert TEXTS.notes[note] in texts
    assert _styled(doc, "Heading 1") == [TEXTS.headings[part] for part in MAIN_PARTS]
    assert len(doc.sections) == 1, "no landscape section without a table to hold"


def test_scope_warning_and_excluded_activities_open_the_summary(built_result, tmp_path):
    view = build_view(built_result)
    warned = replace(view, scope_warning="Omfattningen kunde inte avgöras säkert.",
                     scope_excluded=("LSS: »Verksamheten omfattar inte LSS.«",))
    doc = _written(warned, tmp_path)
    texts = [p.text for p in doc.paragraphs]
    summary = texts.index(TEXTS.headings["summary"])
    assert texts[summary + 1:summary + 3] == [warned.scope_warning, *warned.scope_excluded]
    assert doc.paragraphs[summary + 1].runs[0].bold


@pytest.fixture(scope="module")
def converted(corpus_result, tmp_path_factory) -> tuple[bytes, str]:
    """The corpus report as LibreOffice prints it (PDF) and reads it (plain text)."""
    assert SOFFICE is not None
    directory = tmp_path_factory.mktemp("libreoffice")
    source = directory / "rapport.docx"
    write_docx(build_view(corpus_result), source)
    outputs = {}
    for target, suffix in (("pdf", "pdf"), ("txt:Text (encoded):UTF8", "txt")):
        completed = subprocess.run(
            [SOFFICE, f"-env:UserInstallation={(directory / 'lo-profile').as_uri()}", "--headless",
             "--convert-to", target, "--outdir", str(directory), str(source)],
            capture_output=True, text=True, timeout=120, check=False)
        output = directory / f"rapport.{suffix}"
        assert completed.returncode == 0 and output.exists(), completed.stdout + completed.stderr
        outputs[suffix] = output.read_bytes()
    return outputs["pdf"], outputs["txt"].decode("utf-8-sig")


@needs_libreoffice
def test_libreoffice_prints_the_report_on_a4_pages(converted):
    pdf, _ = converted
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf, re.S)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages > 1 and len(boxes) == pages
    sizes = {(round(float(w) / 72 * 25.4), round(float(h) / 72 * 25.4)) for w, h in boxes}
    assert sizes == {(210, 297), (297, 210)}


@needs_libreoffice
def test_libreoffice_reads_the_report_text(converted, corpus_result):
    _, text = converted
    assert TEXTS.headings["actions"] in text and TEXTS.headings["requirements"] in text
    for finding in corpus_result.findings:
        assert f"{finding.requirement_id} {finding.title}" in text
