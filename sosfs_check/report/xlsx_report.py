"""The Excel report, laid out from the report view (view.py): sheets a reader can filter and sort.

One document: a summary sheet, the requirements (one row each), the responsibility matrix and the årshjul.
Several documents: a summary sheet listing every document, failed ones with their error, and one requirements
sheet per document. Status is always written as its Swedish label; the fill colour only repeats it.

This module imports openpyxl at the top: import it only when an Excel report is asked for (CLI start-up time).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from sosfs_check.report.view import (
    STATUSES,
    BatchView,
    ReportView,
    RequirementView,
    batch_row,
    build_batch_view,
)

CREATOR = "sosfs_check"

# Excel's own limits on sheet names: 31 characters, none of these, no apostrophe first or last, and "History"
# is reserved. Names are compared without regard to case.
_SHEET_TITLE_MAX = 31
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_RESERVED_SHEET_TITLES = frozenset({"history"})
# A file extension is left out of a sheet title: 31 characters are few.
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")

# The conventional Excel fills for good, neutral and bad; not applicable in grey.
STATUS_FILLS = {"covered": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE", "not_applicable": "EDEDED"}
_HEADER_FILL = "D9E1F2"
PERCENT = "0%"
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


@dataclass(frozen=True)
class Column:
    """One column of a table: its header as shown, its width in characters, and whether its text wraps."""

    header: str
    width: int
    wrap: bool = False


# (texts.yaml label key, width, wrap) for the tables whose headers are all labels.
_REQUIREMENT_LAYOUT = (
    ("requirement", 12, False), ("chapter", 9, False), ("citation", 14, False), ("kind", 8, False),
    ("status", 15, False), ("reason", 60, True), ("evidence", 70, True), ("section", 32, True),
    ("location", 34, True), ("roles", 30, True), ("frequency", 22, True), ("missing_elements", 28, True),
    ("rule", 30, False),
)
_STATUS_COLUMN = 1 + [key for key, _, _ in _REQUIREMENT_LAYOUT].index("status")
_CALENDAR_LAYOUT = (
    ("frequency", 22, True), ("what", 70, True), ("who", 28, True), ("area", 30, True), ("as_written", 24, True),
    ("location", 40, True),
)
_MATRIX_ROLE_WIDTH = 30
_MATRIX_AREA_WIDTH = 40
_LABEL_WIDTH = 30
COUNT_WIDTH = 15


def write_xlsx(views: Sequence[ReportView], path: Path, batch: BatchView | None = None) -> None:
    """Write the Excel report of one document, or of a batch: `views` are the documents that could be checked,
    in the order of the batch's rows; `batch`, when given, also lists the documents that could not."""
    if batch is None and len(views) == 1:
        workbook = _single(views[0])
    else:
        if batch is None:
            if not views:
                raise ValueError("an Excel report needs at least one document")
            batch = build_batch_view([batch_row(view.document, view, None, None) for view in views],
                                     regulation=views[0].regulation, date=views[0].date)
        workbook = _batch(views, batch)
    workbook.properties.creator = CREATOR
    workbook.save(path)


def _single(view: ReportView) -> Workbook:
    texts = view.texts
    workbook = Workbook()
    summary = workbook.active
    summary.title = texts.sheets["summary"]
    _summary(summary, view)
    _requirements(workbook.create_sheet(texts.sheets["requirements"]), view)
    _matrix(workbook.create_sheet(texts.sheets["matrix"]), view)
    _calendar(workbook.create_sheet(texts.sheets["calendar"]), view)
    properties(workbook, view.title, view.subtitle, view.date)
    return workbook


def _batch(views: Sequence[ReportView], batch: BatchView) -> Workbook:
    checked = [row for row in batch.rows if row.error is None]
    if len(checked) != len(views):
        raise ValueError(f"the batch lists {len(checked)} checked documents, but {len(views)} views were given")
    texts = batch.texts
    workbook = Workbook()
    summary = workbook.active
    summary.title = texts.sheets["summary"]
    taken = {summary.title.lower(), *_RESERVED_SHEET_TITLES}
    sheet_of: dict[int, str] = {}  # batch row index → the title of its requirements sheet
    views_in_order = iter(views)
    for index, row in enumerate(batch.rows):
        if row.error is None:
            title = _sheet_title(row.document, taken, fallback=texts.sheets["requirements"])
            _requirements(workbook.create_sheet(title), next(views_in_order))
            sheet_of[index] = title
    _batch_summary(summary, batch, sheet_of)
    properties(workbook, batch.title, batch.intro, batch.date)
    return workbook


def properties(workbook: Workbook, title: str, subject: str, date: str) -> None:
    """Title and subject as the report states them; created on the run's date, so that two reports of one
    result say the same (openpyxl stamps `modified` itself when it saves)."""
    workbook.properties.title = title
    workbook.properties.subject = subject
    if date:
        workbook.properties.created = datetime.fromisoformat(date)


def _sheet_title(name: str, taken: set[str], fallback: str) -> str:
    """A valid sheet title for a document, not yet in `taken` (lower case), which it joins."""
    base = " ".join(_SHEET_TITLE_FORBIDDEN.sub("", _EXTENSION.sub("", name)).split())
    base = base[:_SHEET_TITLE_MAX].strip("' ") or fallback
    title, number = base, 1
    while title.lower() in taken:
        number += 1
        suffix = f" ({number})"
        title = base[:_SHEET_TITLE_MAX - len(suffix)].rstrip("' ") + suffix
    taken.add(title.lower())
    return title


def _summary(sheet: Worksheet, view: ReportView) -> None:
    """Title, what was checked against what, then counts per kind × status and per chapter × kind."""
    texts = view.texts
    labels = texts.labels
    sheet.append([view.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([view.subtitle])
    sheet.append([])
    facts = [(labels["document"], view.document), (labels["sha256"], view.sha256), (labels["scope"], view.scope),
             (labels["tool"], view.tool_version), (labels["catalog"], f"{view.regulation}, {view.catalog_version}"),
             (labels["date"], view.date)]
    for label, value in facts:
        sheet.append([label, value])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    for line in ([view.scope_warning] if view.scope_warning else []) + list(view.scope_excluded):
        sheet.append([None, line])
    sheet.append([])

    status_labels = [texts.statuses[status] for status in STATUSES]
    heading(sheet, texts.headings["summary"])
    header(sheet, [labels["kind"], *status_labels, labels["total"]])
    first = sheet.max_row
    for summary in view.kinds:
        sheet.append([summary.label, *(summary.counts[status] for status in STATUSES), summary.total])
    colour_status_headers(sheet, first)
    sheet.append([])

    heading(sheet, texts.headings["by_chapter"])
    header(sheet, [labels["chapter"], labels["title"], labels["kind"], *status_labels, labels["total"]])
    first = sheet.max_row
    for chapter in view.chapters:
        for kind, counts in chapter.counts.items():
            if any(counts.values()):
                sheet.append([chapter.chapter, chapter.title, texts.kinds[kind],
                              *(counts[status] for status in STATUSES), sum(counts.values())])
    colour_status_headers(sheet, first, offset=3)
    sheet.append([])

    heading(sheet, texts.headings["fidelity"])
    sheet.append([texts.notes["complete"] if view.fidelity.complete else texts.notes["unreadable"]])
    for kind, location, detail in view.fidelity.unreadable:
        sheet.append([None, f"{kind} – {location}: {detail}"])
    for warning in view.fidelity.warnings:
        sheet.append([None, warning])
    sheet.append([])
    sheet.append([texts.notes["disclaimer"]])

    # Column A holds the labels and kinds, B the facts and chapter titles, the rest counts.
    sheet.column_dimensions["A"].width = _LABEL_WIDTH
    sheet.column_dimensions["B"].width = _LABEL_WIDTH
    for column in range(3, 3 + len(STATUSES) + 2):
        sheet.column_dimensions[get_column_letter(column)].width = COUNT_WIDTH


def _batch_summary(sheet: Worksheet, batch: BatchView, sheet_of: dict[int, str]) -> None:
    """Every document of the batch: its counts, ska gaps and coverage, a link to its sheet, or its error."""
    texts = batch.texts
    labels = texts.labels
    sheet.append([batch.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([batch.intro])
    sheet.append([labels["date"], batch.date])
    sheet.append([])
    columns = [Column(labels["documents"], 40, wrap=True),
               *(Column(texts.statuses[status], COUNT_WIDTH) for status in STATUSES),
               Column(texts.batch["ska_gaps"], COUNT_WIDTH, wrap=True),
               Column(texts.batch["coverage"], COUNT_WIDTH, wrap=True), Column(labels["scope"], 40, wrap=True),
               Column(texts.batch["report"], 32), Column(labels["error"], 60, wrap=True)]
    headers = [column.header for column in columns]
    coverage_column = 1 + headers.index(texts.batch["coverage"])
    report_column = 1 + headers.index(texts.batch["report"])
    header(sheet, headers)
    first = sheet.max_row
    colour_status_headers(sheet, first, offset=1)
    for index, row in enumerate(batch.rows):
        if row.error is None:
            values: list[Any] = [row.document, *(row.counts[status] for status in STATUSES), row.ska_gaps,
                                 row.coverage, row.scope, sheet_of[index], None]
        else:
            # Nothing was counted for a failed document: empty cells, not zeros.
            values = [row.document, *(None for _ in STATUSES), None, None, None, None, row.error]
        sheet.append(values)
        sheet.cell(sheet.max_row, coverage_column).number_format = PERCENT
        if index in sheet_of:
            link = sheet.cell(sheet.max_row, report_column)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=_sheet_reference(sheet_of[index]))
            link.style = "Hyperlink"
    lay_out(sheet, columns, first)
    sheet.freeze_panes = f"B{first + 1}"


def _sheet_reference(title: str) -> str:
    """'O''Brien'!A1: a cell on another sheet, the title quoted as formulas quote it."""
    return "'{}'!A1".format(title.replace("'", "''"))


def _requirements(sheet: Worksheet, view: ReportView) -> None:
    """One row per requirement, in catalog order, under a frozen, filterable header."""
    columns = _columns(_REQUIREMENT_LAYOUT, view.texts.labels)
    header(sheet, [column.header for column in columns])
    for requirement in view.requirements:
        sheet.append(_requirement_row(requirement))
        sheet.cell(sheet.max_row, _STATUS_COLUMN).fill = fill(STATUS_FILLS[requirement.status])
    lay_out(sheet, columns, 1)
    sheet.freeze_panes = "A2"


def _requirement_row(requirement: RequirementView) -> list[Any]:
    """The cells of one requirement, in the order of _REQUIREMENT_LAYOUT."""
    return [requirement.id, requirement.chapter, requirement.citation, requirement.kind_label,
            requirement.status_label, requirement.reason, requirement.quote, requirement.section,
            requirement.location, ", ".join(requirement.roles), ", ".join(requirement.frequencies),
            ", ".join(requirement.missing_elements), requirement.rule]


def _matrix(sheet: Worksheet, view: ReportView) -> None:
    """Roles down, areas across; each cell what the document says the role does there, one duty a line."""
    matrix = view.matrix
    if not matrix.roles:
        sheet.append([view.texts.notes["no_matrix"]])
        return
    columns = [Column(view.texts.labels["role"], _MATRIX_ROLE_WIDTH, wrap=True),
               *(Column(area, _MATRIX_AREA_WIDTH, wrap=True) for area in matrix.areas)]
    header(sheet, [column.header for column in columns])
    for role in matrix.roles:
        cells = [matrix.cell(role, area) for area in matrix.areas]
        sheet.append([role, *("\n".join(cell.duties) if cell else None for cell in cells)])
    lay_out(sheet, columns, 1, autofilter=False)
    sheet.freeze_panes = "B2"


def _calendar(sheet: Worksheet, view: ReportView) -> None:
    """The årshjul: what is done how often, by whom, for which areas, as the document words it."""
    if not view.calendar:
        sheet.append([view.texts.notes["no_calendar"]])
        return
    columns = _columns(_CALENDAR_LAYOUT, view.texts.labels)
    header(sheet, [column.header for column in columns])
    for entry in view.calendar:
        sheet.append([entry.how_often, entry.what, entry.who, ", ".join(entry.areas), entry.as_written,
                      entry.location])
    lay_out(sheet, columns, 1)
    sheet.freeze_panes = "A2"


def _columns(layout: Iterable[tuple[str, int, bool]], labels: dict[str, str]) -> list[Column]:
    return [Column(labels[key], width, wrap) for key, width, wrap in layout]


def heading(sheet: Worksheet, text: str) -> None:
    sheet.append([text])
    sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=12)


def header(sheet: Worksheet, labels: Iterable[str]) -> None:
    sheet.append(list(labels))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.fill = fill(_HEADER_FILL)
        cell.alignment = _WRAP


def colour_status_headers(sheet: Worksheet, header_row: int, offset: int = 1) -> None:
    """The status columns' headers in the status colours, so a count reads with its label and its colour."""
    for position, status in enumerate(STATUSES):
        sheet.cell(header_row, offset + 1 + position).fill = fill(STATUS_FILLS[status])


def lay_out(sheet: Worksheet, columns: Sequence[Column], header_row: int, autofilter: bool = True) -> None:
    """Widths, wrapping and top alignment for a table whose header is at `header_row`; the filter over it."""
    for position, column in enumerate(columns, start=1):
        letter = get_column_letter(position)
        sheet.column_dimensions[letter].width = column.width
        for (cell,) in sheet.iter_rows(min_row=header_row + 1, min_col=position, max_col=position):
            cell.alignment = _WRAP if column.wrap else _TOP
    if autofilter:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{sheet.max_row}"


def fill(colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)
