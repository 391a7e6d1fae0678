"""The comparison as the Word document a nämnd receives, laid out from the Comparison (model.py).

First the documents compared, with their scope and coverage; then the largest differences; then per requirement
area who does what and how often in each document; last every requirement with its status in each document, in
a landscape section. Beyond a handful of documents that table becomes a coverage matrix: short status labels
under the documents' names set upright, and how many documents cover each requirement. Headings, tables, their
repeating header rows and page set-up are the single-document Word report's (report/docx_report.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm
from docx.table import Table, _Cell

from sosfs_check.comparison.model import AreaRow, Comparison, Duty, RequirementRow
from sosfs_check.report.docx_report import (
    LINE_GAP,
    SMALL_FONT,
    STATUS_FILL,
    TABLE_FONT,
    add_fact,
    add_heading,
    add_paragraph,
    add_table,
    new_section,
    set_size,
    set_up,
    shade,
    shortened,
    shortened_duties,
    write_lines,
)
from sosfs_check.report.texts import ReportTexts
from sosfs_check.report.view import STATUSES

# Up to this many documents the differences fit a portrait page with full status labels; the full requirement
# table is always landscape.
PORTRAIT_DOCUMENTS = 2
# Beyond this many documents a status table is the coverage matrix: short labels, names set upright.
MATRIX_AFTER = 6
AS_WRITTEN_CHARS = 60
# Widths of the status tables' columns in millimetres, wide enough for "EGEN-AR-1", "5 kap. 3 a §", "upplysning",
# "Ej tillämpligt" and "Täcks av" at the table font; the title takes what is left, at least _MIN_TITLE.
_ID, _CITATION, _KIND, _COVERING, _MIN_TITLE = 24.0, 21.0, 20.0, 16.0, 40.0
_STATUS_COLUMN = 22.0
_MATRIX_COLUMN = 7.0
# An upright document name needs a header row about this tall per character (bold table font), within a limit.
_UPRIGHT_CHAR = Mm(1.9)
_UPRIGHT_PADDING = Mm(4)
_UPRIGHT_MAX = Mm(80)


def write_comparison_docx(comparison: Comparison, path: Path) -> None:
    """Write the Word document of a comparison of two or more documents to `path`."""
    doc = Document()
    set_up(doc, comparison.title, ", ".join(document.name for document in comparison.documents),
           comparison.title, comparison.date, comparison.regulation)
    _title_page(doc, comparison)
    _differences(doc, comparison)
    _areas(doc, comparison)
    _requirements(doc, comparison)
    doc.save(str(path))


# ---- the parts of the document, in reading order -----------------------------------------------------------


def _title_page(doc: WordDocument, comparison: Comparison) -> None:
    texts, labels = comparison.texts, comparison.texts.labels
    add_heading(doc, comparison.title, 0)
    add_fact(doc.add_paragraph(), labels["date"], comparison.date)
    doc.add_paragraph().add_run(texts.compare["documents"]).bold = True
    add_table(doc, [texts.compare["name"], labels["scope"], texts.batch["coverage"], texts.batch["ska_gaps"]],
           [[document.name, document.scope, _percent(document.coverage, texts), str(document.ska_gaps)]
            for document in comparison.documents],
           [6, 5, 2.6, 2.4])
    add_paragraph(doc, texts.notes["disclaimer"], "Intense Quote")
    doc.add_page_break()


def _differences(doc: WordDocument, comparison: Comparison) -> None:
    """The largest differences, most different first; landscape when the documents do not fit a portrait page."""
    texts = comparison.texts
    landscape = len(comparison.documents) > PORTRAIT_DOCUMENTS and bool(comparison.largest_differences)
    if landscape:
        new_section(doc, landscape=True)
    add_heading(doc, texts.compare["differences"], 1)
    if not comparison.largest_differences:
        doc.add_paragraph(texts.compare["no_differences"])
        return
    doc.add_paragraph(texts.compare["differences_intro"])
    _status_table(doc, comparison, comparison.largest_differences)
    if landscape:
        new_section(doc, landscape=False)


def _areas(doc: WordDocument, comparison: Comparison) -> None:
    """Per area a table with a row per document: each role with its duties, and how often the work is done."""
    texts, labels = comparison.texts, comparison.texts.labels
    add_heading(doc, texts.compare["areas"], 1)
    if not comparison.areas:
        doc.add_paragraph(texts.compare["no_areas"])
        return
    nothing = texts.compare["nothing"]
    for area in comparison.areas:
        add_heading(doc, area.area_name, 2)
        table = add_table(doc, [labels["documents"], texts.compare["duties"], texts.compare["rhythms"]],
                       [[document.name, "", ""] for document in comparison.documents], [3.5, 9, 3.5])
        for position, row in enumerate(table.rows[1:]):
            _write_duties(row.cells[1], area.duties[position], nothing)
            rhythms = list(dict.fromkeys(rhythm for rhythm, _ in area.rhythms[position]))
            write_lines(row.cells[2], rhythms or [nothing])
        _roles_only_in(doc, comparison, area)


def _roles_only_in(doc: WordDocument, comparison: Comparison, area: AreaRow) -> None:
    if not any(area.roles_only_in):
        return
    doc.add_paragraph().add_run(comparison.texts.compare["only_in"]).bold = True
    for document, roles in zip(comparison.documents, area.roles_only_in, strict=True):
        if roles:
            paragraph = add_paragraph(doc, "", "List Bullet")
            add_fact(paragraph, document.name, ", ".join(roles))


def _requirements(doc: WordDocument, comparison: Comparison) -> None:
    """Every requirement with its status in each document, in a landscape section of its own."""
    texts = comparison.texts
    new_section(doc, landscape=True)
    add_heading(doc, texts.compare["matrix" if _is_matrix(comparison) else "requirements"], 1)
    _status_table(doc, comparison, comparison.requirements)


def _status_table(doc: WordDocument, comparison: Comparison, rows: Sequence[RequirementRow]) -> Table:
    """Requirement, title, citation and kind, then a status column per document, then how many cover it. As a
    coverage matrix the status is its short label under a legend, and the documents' names stand upright."""
    texts, labels = comparison.texts, comparison.texts.labels
    matrix = _is_matrix(comparison)
    if matrix:
        _legend(doc, texts)
    names = [document.name for document in comparison.documents]
    facts = [labels["requirement"], labels["title"], labels["citation"], labels["kind"]]
    table = add_table(
        doc, [*facts, *names, texts.compare["covering"]],
        [[row.id, row.title, row.citation, row.kind_label,
          *(_short_label(texts, cell.status) if matrix else cell.status_label for cell in row.cells),
          str(comparison.covering(row))] for row in rows],
        _widths(doc, len(names), matrix))
    first = len(facts)  # the first document's column
    for table_row, row in zip(table.rows[1:], rows, strict=True):
        for offset, cell in enumerate(row.cells):
            shade(table_row.cells[first + offset]._tc.get_or_add_tcPr(), STATUS_FILL[cell.status])
    if matrix:
        for header in table.rows[0].cells[first:first + len(names)]:
            _upright(header)
        # LibreOffice does not grow a row for upright text: the header row is given the height of the longest name.
        header_row = table.rows[0]
        header_row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        header_row.height = Length(min(_UPRIGHT_CHAR * max(len(name) for name in names) + _UPRIGHT_PADDING,
                                       _UPRIGHT_MAX))
    return table


def _widths(doc: WordDocument, documents: int, matrix: bool) -> list[float]:
    """The status table's column widths in millimetres: fixed columns, then the title fills the current section's
    width between its margins."""
    section = doc.sections[-1]
    usable = Length((section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)).mm
    statuses = [_MATRIX_COLUMN if matrix else _STATUS_COLUMN] * documents
    title = max(_MIN_TITLE, usable - _ID - _CITATION - _KIND - sum(statuses) - _COVERING)
    return [_ID, title, _CITATION, _KIND, *statuses, _COVERING]


def _legend(doc: WordDocument, texts: ReportTexts) -> None:
    legend = doc.add_paragraph()
    for position, status in enumerate(STATUSES):
        add_fact(legend, _short_label(texts, status), texts.statuses[status], separated=position > 0)
    set_size(legend, SMALL_FONT)


# ---- cells, labels and page ---------------------------------------------------------------------------------


def _is_matrix(comparison: Comparison) -> bool:
    return len(comparison.documents) > MATRIX_AFTER


def _short_label(texts: ReportTexts, status: str) -> str:
    """The status as one letter (texts.yaml, statuses_short), explained by the legend above the matrix."""
    return texts.statuses_short[status]


def _percent(coverage: float | None, texts: ReportTexts) -> str:
    """Coverage as Swedish writes a percentage ("63 %"); a document with nothing applicable has none."""
    return texts.compare["nothing"] if coverage is None else f"{round(coverage * 100)} %"


def _write_duties(cell: _Cell, duties: Sequence[Duty], nothing: str) -> None:
    """Per role: the role in bold with the document's own words for it when they differ, then its duties one a
    line, shortened as in the single-document matrix."""
    if not duties:
        write_lines(cell, [nothing])
        return
    for position, duty in enumerate(duties):
        paragraph = cell.paragraphs[0] if position == 0 else cell.add_paragraph()
        if position:
            paragraph.paragraph_format.space_before = LINE_GAP  # so each role starts a group of its own
        paragraph.add_run(duty.role).bold = True
        written = [name for name in duty.as_written if name != duty.role]
        if written:
            paragraph.add_run(f" ({shortened('; '.join(written), AS_WRITTEN_CHARS)})").italic = True
        for line in shortened_duties(duty.duties):
            cell.add_paragraph(line)
    for paragraph in cell.paragraphs:
        set_size(paragraph, TABLE_FONT)


def _upright(cell: _Cell) -> None:
    """Set the cell's text bottom to top, so a long document name takes the height of the header, not its width."""
    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    cell._tc.get_or_add_tcPr().append(direction)


