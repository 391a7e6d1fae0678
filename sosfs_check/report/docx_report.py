"""The Word report a nämnd receives: the ReportView laid out with Word's own building blocks.

Headings use the built-in styles (Title, Heading 1–3, shown as Rubrik 1… in Swedish Word) so the navigation pane
and a table of contents work; tables are real tables with a built-in style and a header row that repeats on every
page. Every word comes from `view.texts` or from the document and catalog; this module only decides layout.
A status is always written out; the colour that may accompany it is never its only carrier.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, Pt
from docx.styles import BabelFish
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from sosfs_check.report.view import KINDS, ReportView, RequirementView

TOOL_NAME = "sosfs-check"  # the program's name, as a user types it
LANGUAGE = "sv-SE"
TABLE_STYLE = "Light Grid Accent 1"
QUOTE_STYLE = "Quote"
A4 = (Mm(210), Mm(297))
MARGIN = Mm(20)
TABLE_FONT = Pt(9)
SMALL_FONT = Pt(8)
LINE_GAP = Pt(4)
CELL_PADDING = Mm(1.2)
# Light fills that keep black text readable, also when printed in grey.
STATUS_FILL = {"covered": "D9EAD3", "partial": "FFF2CC", "missing": "F4CCCC", "not_applicable": "E7E6E6"}
# The responsibility matrix is printed landscape with at most this many areas side by side, so a cell keeps room
# for the duties in the document's words; a cell shows at most so many duties, each cut at a word near the limit.
AREAS_PER_TABLE = 6
DUTIES_PER_CELL = 3
DUTY_CHARS = 90
PROPERTY_CHARS = 250  # Word refuses a core property longer than 255 characters
ELLIPSIS = "…"


def write_docx(view: ReportView, path: Path) -> None:
    """Write the Word report of one document to `path`."""
    doc = Document()
    set_up(doc, view.title, view.subtitle, view.subtitle, view.date, view.regulation)
    _title_page(doc, view)
    _summary(doc, view)
    _actions(doc, view)
    _requirements(doc, view)
    _matrix(doc, view)
    _calendar(doc, view)
    _stale_references(doc, view)
    _fidelity(doc, view)
    doc.save(str(path))


# ---- the parts of the report, in reading order -------------------------------------------------------------


def _title_page(doc: WordDocument, view: ReportView) -> None:
    labels = view.texts.labels
    add_heading(doc, view.title, 0)
    add_paragraph(doc, view.subtitle, "Subtitle")
    add_fact(doc.add_paragraph(), labels["document"], view.document)
    add_fact(doc.add_paragraph(), labels["date"], view.date)
    add_fact(doc.add_paragraph(), labels["scope"], view.scope)
    add_fact(doc.add_paragraph(), labels["tool"], f"{TOOL_NAME} {view.tool_version}")
    add_fact(doc.add_paragraph(), labels["catalog"], f"{view.catalog_version} ({view.regulation})")
    checksum = doc.add_paragraph()
    add_fact(checksum, labels["sha256"], view.sha256)
    set_size(checksum, SMALL_FONT)
    add_paragraph(doc, view.texts.notes["disclaimer"], "Intense Quote")
    doc.add_page_break()


def _summary(doc: WordDocument, view: ReportView) -> None:
    texts, labels, statuses = view.texts, view.texts.labels, view.statuses
    add_heading(doc, texts.headings["summary"], 1)
    if view.scope_warning:
        doc.add_paragraph().add_run(view.scope_warning).bold = True
    for excluded in view.scope_excluded:
        add_paragraph(doc, excluded, "List Bullet")
    for kind in view.kinds:
        add_paragraph(doc, view.headline(kind.kind), "List Bullet")
    add_table(doc, [labels["kind"], *(texts.statuses[status] for status in statuses), labels["total"]],
           [[kind.label, *(str(kind.counts[status]) for status in statuses), str(kind.total)]
            for kind in view.kinds],
           [3.5, *[2.4] * len(statuses), 1.8])
    add_heading(doc, texts.headings["by_chapter"], 2)
    _chapter_table(doc, view)


def _chapter_table(doc: WordDocument, view: ReportView) -> None:
    """A row per chapter and kind, so binding requirements and advice are counted apart; the chapter's cell
    spans its rows."""
    texts, statuses = view.texts, view.statuses
    rows: list[list[str]] = []
    spans: list[int] = []
    for chapter in view.chapters:
        kinds = [kind for kind in KINDS if any(chapter.counts[kind].values())]
        spans.append(len(kinds))
        for position, kind in enumerate(kinds):
            counts = chapter.counts[kind]
            rows.append([f"{chapter.chapter} {chapter.title}" if position == 0 else "", texts.kinds_short[kind],
                         *(str(counts[status]) for status in statuses)])
    table = add_table(doc, [texts.labels["chapter"], texts.labels["kind"], *(texts.statuses[s] for s in statuses)],
                   rows, [5.2, 2.2, *[2.4] * len(statuses)])
    first = 1
    for span in spans:
        # Merging keeps the one non-empty text among the merged cells: the chapter's.
        if span > 1:
            table.cell(first, 0).merge(table.cell(first + span - 1, 0))
        first += span


def _actions(doc: WordDocument, view: ReportView) -> None:
    """The gaps, in a landscape section of their own: eight columns, the reason and location in full."""
    texts, labels = view.texts, view.texts.labels
    if not view.actions:
        add_heading(doc, texts.headings["actions"], 1)
        doc.add_paragraph(texts.notes["no_actions"])
        return
    new_section(doc, landscape=True)
    add_heading(doc, texts.headings["actions"], 1)
    doc.add_paragraph(texts.notes["actions_intro"])
    table = add_table(
        doc,
        [labels["priority"], labels["requirement"], labels["title"], labels["kind"], labels["citation"],
         labels["status"], labels["reason"], labels["location"]],
        [[str(number), r.id, r.title, r.kind_label, r.citation, r.status_label, r.reason, r.location]
         for number, r in enumerate(view.actions, start=1)],
        [2.2, 2.7, 4.3, 1.2, 2.3, 1.9, 5.9, 4.3])
    for row, requirement in zip(table.rows[1:], view.actions, strict=True):
        shade(row.cells[5]._tc.get_or_add_tcPr(), STATUS_FILL[requirement.status])
    new_section(doc, landscape=False)


def _requirements(doc: WordDocument, view: ReportView) -> None:
    texts = view.texts
    add_heading(doc, texts.headings["requirements"], 1)
    for chapter in view.chapters:
        add_heading(doc, f"{texts.labels['chapter']} {chapter.chapter} – {chapter.title}", 2)
        for requirement in view.requirements:
            if requirement.chapter == chapter.chapter:
                _requirement(doc, view, requirement)


def _requirement(doc: WordDocument, view: ReportView, r: RequirementView) -> None:
    labels = view.texts.labels
    add_heading(doc, f"{r.id} {r.title}", 3)
    status = doc.add_paragraph()
    status.add_run(f"{labels['status']}: ").bold = True
    label = status.add_run(r.status_label)
    label.bold = True
    shade(label._r.get_or_add_rPr(), STATUS_FILL[r.status])
    facts = doc.add_paragraph()
    add_fact(facts, labels["kind"], r.kind_label)
    add_fact(facts, labels["citation"], r.citation, separated=True)
    add_fact(facts, labels["area"], r.area_name, separated=True)
    if r.roles:
        add_fact(doc.add_paragraph(), labels["roles"], ", ".join(r.roles))
    if r.frequencies:
        add_fact(doc.add_paragraph(), labels["frequency"], ", ".join(r.frequencies))
    add_fact(doc.add_paragraph(), labels["reason"], r.reason)
    if r.missing_elements:
        add_fact(doc.add_paragraph(), labels["missing_elements"], "")
        for element in r.missing_elements:
            add_paragraph(doc, element, "List Bullet")
    if r.evidence:
        add_fact(doc.add_paragraph(), labels["evidence"], "")
    for evidence in r.evidence:
        add_paragraph(doc, evidence.quote, QUOTE_STYLE)
        where = doc.add_paragraph()
        add_fact(where, labels["location"], f"{evidence.location} ({evidence.passage_kind})")
        if evidence.reason and evidence.reason != r.reason:
            add_fact(where, labels["reason"], evidence.reason, separated=True)
        set_size(where, SMALL_FONT)


def _matrix(doc: WordDocument, view: ReportView) -> None:
    """Roles down, areas across, in a landscape section of its own; more areas continue in a further table."""
    texts, matrix = view.texts, view.matrix
    if not matrix.roles:
        add_heading(doc, texts.headings["matrix"], 1)
        doc.add_paragraph(texts.notes["no_matrix"])
        return
    new_section(doc, landscape=True)
    add_heading(doc, texts.headings["matrix"], 1)
    for start in range(0, len(matrix.areas), AREAS_PER_TABLE):
        areas = matrix.areas[start:start + AREAS_PER_TABLE]
        roles = [role for role in matrix.roles if any(matrix.cell(role, area) for area in areas)]
        table = add_table(doc, [texts.labels["role"], *areas], [[role, *[""] * len(areas)] for role in roles],
                       [4, *[4] * len(areas)])
        for row, role in zip(table.rows[1:], roles, strict=True):
            for column, area in enumerate(areas, start=1):
                cell = matrix.cell(role, area)
                if cell:
                    write_lines(row.cells[column], shortened_duties(cell.duties))
    new_section(doc, landscape=False)


def shortened_duties(duties: Sequence[str]) -> list[str]:
    lines = [shortened(duty, DUTY_CHARS) for duty in duties[:DUTIES_PER_CELL]]
    return [*lines, ELLIPSIS] if len(duties) > DUTIES_PER_CELL else lines


def shortened(text: str, limit: int) -> str:
    """`text` cut at the last word boundary before `limit`, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " " + ELLIPSIS


def _calendar(doc: WordDocument, view: ReportView) -> None:
    texts, labels = view.texts, view.texts.labels
    add_heading(doc, texts.headings["calendar"], 1)
    if not view.calendar:
        doc.add_paragraph(texts.notes["no_calendar"])
        return
    add_table(doc, [labels["frequency"], labels["what"], labels["who"], labels["area"]],
           [[entry.how_often, entry.what, entry.who, ", ".join(entry.areas)] for entry in view.calendar],
           [2.5, 7, 3, 3.5])


def _stale_references(doc: WordDocument, view: ReportView) -> None:
    texts, labels = view.texts, view.texts.labels
    add_heading(doc, texts.headings["references"], 1)
    if not view.stale_references:
        doc.add_paragraph(texts.notes["no_references"])
        return
    add_table(doc, [labels["stale"], labels["replacement"], labels["since"], labels["location"]],
           [[ref.text, ref.replacement, ref.since, ref.location] for ref in view.stale_references],
           [4, 4, 2.4, 6])


def _fidelity(doc: WordDocument, view: ReportView) -> None:
    texts, labels, fidelity = view.texts, view.texts.labels, view.fidelity
    add_heading(doc, texts.headings["fidelity"], 1)
    if fidelity.complete:
        doc.add_paragraph(texts.notes["complete"])
    # The view names what was counted and the kinds of parts left unread in Swedish (texts.yaml).
    add_table(doc, [labels["kind_of_item"], labels["total"]],
           [[name, str(count)] for name, count in fidelity.counts.items()], [6, 2])
    for note, items in (("unreadable", fidelity.unreadable), ("excluded", fidelity.excluded)):
        if items:
            doc.add_paragraph(texts.notes[note])
            add_table(doc, [labels["kind_of_item"], labels["location"], labels["detail"]],
                   [[kind, location, detail] for kind, location, detail in items],
                   [2.5, 4, 9.5])
    for warning in fidelity.warnings:
        add_paragraph(doc, warning, "List Bullet")


# ---- page, styles and tables -------------------------------------------------------------------------------


def set_up(doc: WordDocument, title: str, subject: str, footer_text: str, date: str, keywords: str = "") -> None:
    """A4 with even margins, Swedish as the proofing language, core properties, a footer with the page number.
    Every Word file the tool writes starts so."""
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    doc.styles["Normal"].element.get_or_add_rPr().append(lang)
    properties = doc.core_properties
    properties.title = title
    properties.subject = shortened(subject, PROPERTY_CHARS)  # Word allows 255 characters in a core property
    properties.keywords = keywords
    properties.language = LANGUAGE
    properties.author = properties.last_modified_by = TOOL_NAME
    properties.comments = ""  # in place of the template's "generated by python-docx"
    if date:
        properties.created = properties.modified = datetime.fromisoformat(date)
    properties.revision = 1
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(f"{footer_text}   ")
    page_number(footer)
    set_size(footer, SMALL_FONT)


def new_section(doc: WordDocument, landscape: bool) -> None:
    """Start a new page in the orientation asked for; margins and footer carry over."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)


def add_heading(doc: WordDocument, text: str, level: int) -> Paragraph:
    return add_paragraph(doc, text, "Title" if level == 0 else f"Heading {level}")


def add_paragraph(doc: WordDocument, text: str, style: str) -> Paragraph:
    """`doc.add_paragraph(text, style)`, the style set by its id."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.style = _style_id(doc, style)
    return paragraph


def _style_id(doc: WordDocument, name: str) -> str:
    """The id of the template's style with this name (as Word's English interface shows it). python-docx's own
    lookup by name compares every style with the default style on each call, which made writing a report take
    a second."""
    internal = BabelFish.ui2internal(name)
    ids: list[str] = doc.styles.element.xpath(f"w:style[w:name/@w:val='{internal}']/@w:styleId")
    return ids[0]


def page_number(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def add_table(doc: WordDocument, header: Sequence[str], rows: Sequence[Sequence[str]],
           weights: Sequence[float]) -> Table:
    """A styled table: a bold header row repeated on every page, then `rows`; column widths in proportion to
    `weights` over the width between the current section's margins. An empty paragraph after it keeps the
    next text off its bottom border."""
    table = doc.add_table(rows=0, cols=len(header))
    table._tbl.tblStyle_val = _style_id(doc, TABLE_STYLE)
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    # The style's first-column emphasis would make the first column look like a second header.
    look.set(qn("w:firstColumn"), "0")
    look.set(qn("w:val"), "0420")
    _narrow_cell_margins(table)
    header_row = table.add_row()
    _repeat_as_header(header_row)
    for cell, text in zip(header_row.cells, header, strict=True):
        _write(cell, text, bold=True)
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            _write(cell, text)
    section = doc.sections[-1]
    usable = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    for column, weight in zip(table.columns, weights, strict=True):
        width = Length(int(usable * weight / sum(weights)))
        column.width = width
        for cell in column.cells:
            cell.width = width
    doc.add_paragraph()
    return table


def _narrow_cell_margins(table: Table) -> None:
    """Less padding left and right of the text than Word's default, so a narrow column keeps its words whole."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_PADDING.twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    # The schema puts the cell margins before tblLook, the last of the table's properties.
    table._tbl.tblPr.find(qn("w:tblLook")).addprevious(margins)


def _repeat_as_header(row: _Row) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _write(cell: _Cell, text: str, bold: bool = False) -> None:
    """Write `text` into the empty cell, in the table font."""
    if text:
        run = cell.paragraphs[0].add_run(text)
        run.font.size = TABLE_FONT
        run.bold = bold or None


def write_lines(cell: _Cell, lines: Sequence[str]) -> None:
    """One paragraph per line, a little apart so separate duties read as separate."""
    _write(cell, lines[0])
    for line in lines[1:]:
        cell.paragraphs[-1].paragraph_format.space_after = LINE_GAP
        cell.add_paragraph().add_run(line).font.size = TABLE_FONT


def add_fact(paragraph: Paragraph, label: str, value: str, separated: bool = False) -> None:
    """"Label: value", the label bold; `separated` sets it after an earlier fact on the same line."""
    if separated:
        paragraph.add_run("   ·   ")
    paragraph.add_run(f"{label}: ").bold = True
    if value:
        paragraph.add_run(value)


def set_size(paragraph: Paragraph, size: Length) -> None:
    for run in paragraph.runs:
        run.font.size = size


def shade(properties: BaseOxmlElement, fill: str) -> None:
    """Give a cell or a run (by its tcPr or rPr) a background `fill`."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)
