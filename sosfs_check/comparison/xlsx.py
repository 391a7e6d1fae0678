"""The comparison as an Excel workbook, laid out from the Comparison (model.py): sheets a reader filters and sorts.

A summary sheet lists the documents with their counts; "Krav" has one row per requirement and one status column
per document, which for twenty documents is the coverage matrix; the largest differences with each document's
quote; and per area who does what and how often in each document. The column layouts, fills and header rules are
the single-document Excel report's (report/xlsx_report.py), so both kinds of workbook look alike.

This module imports openpyxl at the top: import it only when an Excel comparison is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sosfs_check.comparison.model import AreaRow, Comparison, RequirementRow
from sosfs_check.report.view import STATUSES
from sosfs_check.report.xlsx_report import (
    COUNT_WIDTH,
    CREATOR,
    PERCENT,
    STATUS_FILLS,
    Column,
    colour_status_headers,
    fill,
    header,
    heading,
    lay_out,
    properties,
)

_ID_WIDTH = 12
_TITLE_WIDTH = 40
_DOCUMENT_WIDTH = 16     # a status label under a document's name, which wraps
_QUOTE_WIDTH = 50
_AREA_WIDTH = 28
_ROLE_WIDTH = 26
_TEXT_WIDTH = 60
_NAME_WIDTH = 36
_SHA_WIDTH = 66
# Requirement id and title stay in view while the document columns scroll past.
_FROZEN_REQUIREMENT_COLUMNS = 2


def write_comparison_xlsx(comparison: Comparison, path: Path) -> None:
    """Write the Excel workbook of a comparison of two or more documents to `path`."""
    texts = comparison.texts
    workbook = Workbook()
    summary = workbook.active
    summary.title = texts.sheets["summary"]
    _summary(summary, comparison)
    _requirements(workbook.create_sheet(texts.sheets["requirements"]), comparison)
    _differences(workbook.create_sheet(texts.compare["differences"]), comparison)
    _areas(workbook.create_sheet(texts.compare["areas"]), comparison)
    properties(workbook, comparison.title, ", ".join(document.name for document in comparison.documents),
                comparison.date)
    workbook.properties.creator = CREATOR
    workbook.save(path)


def _summary(sheet: Worksheet, comparison: Comparison) -> None:
    """Title and date, then every document: what it was called, which file, its scope and its counts."""
    texts, labels = comparison.texts, comparison.texts.labels
    sheet.append([comparison.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([labels["date"], comparison.date])
    sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.append([])
    heading(sheet, texts.compare["documents"])
    columns = [Column(texts.compare["name"], _NAME_WIDTH, wrap=True), Column(texts.compare["file"], _NAME_WIDTH, True),
               Column(labels["scope"], _NAME_WIDTH, wrap=True),
               *(Column(texts.statuses[status], COUNT_WIDTH) for status in STATUSES),
               Column(texts.batch["ska_gaps"], COUNT_WIDTH, wrap=True),
               Column(texts.batch["coverage"], COUNT_WIDTH, wrap=True), Column(labels["sha256"], _SHA_WIDTH)]
    header(sheet, [column.header for column in columns])
    first = sheet.max_row
    colour_status_headers(sheet, first, offset=3)
    coverage_column = 1 + [column.header for column in columns].index(texts.batch["coverage"])
    for document in comparison.documents:
        sheet.append([document.name, document.source_name, document.scope,
                      *(document.counts[status] for status in STATUSES), document.ska_gaps, document.coverage,
                      document.sha256])
        sheet.cell(sheet.max_row, coverage_column).number_format = PERCENT
    lay_out(sheet, columns, first)
    sheet.freeze_panes = f"B{first + 1}"
    sheet.append([])
    sheet.append([texts.notes["disclaimer"]])


def _requirements(sheet: Worksheet, comparison: Comparison) -> None:
    """One row per requirement in catalog order: what it is, its status in each document (label and fill), how
    many documents cover it and whether they differ."""
    texts, labels = comparison.texts, comparison.texts.labels
    facts = [Column(labels["requirement"], _ID_WIDTH), Column(labels["title"], _TITLE_WIDTH, wrap=True),
             Column(labels["chapter"], 9), Column(labels["citation"], 14), Column(labels["kind"], 8),
             Column(labels["area"], _AREA_WIDTH, wrap=True)]
    columns = [*facts, *(Column(document.name, _DOCUMENT_WIDTH, wrap=True) for document in comparison.documents),
               Column(texts.compare["covering"], 10, wrap=True), Column(texts.compare["differs"], 12, True)]
    header(sheet, [column.header for column in columns])
    for row in comparison.requirements:
        # Whether the documents differ is a truth value: Excel shows and filters it in the reader's language.
        sheet.append([row.id, row.title, row.chapter, row.citation, row.kind_label, row.area_name,
                      *(cell.status_label for cell in row.cells), comparison.covering(row),
                      texts.compare["yes"] if row.differs else texts.compare["no"]])
        _fill_statuses(sheet, row, len(facts) + 1)
    lay_out(sheet, columns, 1)
    sheet.freeze_panes = f"{get_column_letter(_FROZEN_REQUIREMENT_COLUMNS + 1)}2"


def _differences(sheet: Worksheet, comparison: Comparison) -> None:
    """The largest differences, most different first: each document's status, then each document's quote."""
    texts, labels = comparison.texts, comparison.texts.labels
    if not comparison.largest_differences:
        sheet.append([texts.compare["no_differences"]])
        return
    documents = comparison.documents
    facts = [Column(labels["requirement"], _ID_WIDTH), Column(labels["title"], _TITLE_WIDTH, wrap=True)]
    columns = [*facts, *(Column(document.name, _DOCUMENT_WIDTH, wrap=True) for document in documents),
               *(Column(f"{labels['evidence']}: {document.name}", _QUOTE_WIDTH, wrap=True)
                 for document in documents)]
    header(sheet, [column.header for column in columns])
    for row in comparison.largest_differences:
        sheet.append([row.id, row.title, *(cell.status_label for cell in row.cells),
                      *(cell.quote or None for cell in row.cells)])
        _fill_statuses(sheet, row, len(facts) + 1)
    lay_out(sheet, columns, 1)
    sheet.freeze_panes = f"{get_column_letter(_FROZEN_REQUIREMENT_COLUMNS + 1)}2"


def _areas(sheet: Worksheet, comparison: Comparison) -> None:
    """Per area and document: a row per role with its duties, then a row per rhythm with its passage; a document
    that says nothing about an area gets one row that says so, so the gap shows when filtering by area."""
    texts, labels = comparison.texts, comparison.texts.labels
    if not comparison.areas:
        sheet.append([texts.compare["no_areas"]])
        return
    columns = [Column(labels["area"], _AREA_WIDTH, wrap=True), Column(labels["document"], _NAME_WIDTH, True),
               Column(labels["role"], _ROLE_WIDTH, wrap=True), Column(labels["as_written"], _TEXT_WIDTH, True),
               Column(texts.compare["duties"], _TEXT_WIDTH, wrap=True),
               Column(texts.compare["rhythms"], _ROLE_WIDTH, wrap=True)]
    header(sheet, [column.header for column in columns])
    for area in comparison.areas:
        for position, document in enumerate(comparison.documents):
            for values in _area_rows(area, position, texts.compare["nothing"]):
                sheet.append([area.area_name, document.name, *values])
    lay_out(sheet, columns, 1)
    sheet.freeze_panes = "C2"


def _area_rows(area: AreaRow, position: int, nothing: str) -> list[list[Any]]:
    """Role, as written, duties and rhythm for the document at `position`: one duty per line in a cell."""
    rows: list[list[Any]] = [[duty.role, "\n".join(duty.as_written), "\n".join(duty.duties), None]
                             for duty in area.duties[position]]
    rows += [[None, passage, None, rhythm] for rhythm, passage in area.rhythms[position]]
    return rows or [[nothing, None, None, None]]


def _fill_statuses(sheet: Worksheet, row: RequirementRow, first_column: int) -> None:
    """The document columns of the last row in their status colours (the label is written; the fill repeats it)."""
    for offset, cell in enumerate(row.cells):
        sheet.cell(sheet.max_row, first_column + offset).fill = fill(STATUS_FILLS[cell.status])
