"""The Excel report: written with openpyxl, read back with openpyxl, checked cell by cell against the view."""

from __future__ import annotations

import dataclasses
import re

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from sosfs_check import check
from sosfs_check.report.view import STATUSES, batch_row, build_batch_view, build_view
from sosfs_check.report.xlsx_report import write_xlsx
from tests.report.conftest import CORPUS_DOCUMENT

SMALL_DOCUMENT = """\
# Ledningssystem för systematiskt kvalitetsarbete – Socialnämnden

## 1 Ansvar

Socialnämnden ansvarar för att det finns ett ledningssystem för systematiskt kvalitetsarbete inom
socialtjänsten och verksamhet enligt LSS.

### 1.1 Riskanalys

Enhetschefen ansvarar för att en riskanalys görs varje kvartal. Riskanalysen bedömer sannolikheten för att en
händelse inträffar och vilka konsekvenser den kan få.

### 1.2 Egenkontroll

| Vad | Vem | Hur ofta |
| --- | --- | --- |
| Egenkontroll av journaler | Enhetschef | 2 gånger per år |
| Sammanställning av avvikelser | Kvalitetsutvecklare | varje månad |

## 2 Lagar

Arbetet följer socialtjänstlagen (2001:453) och lagen om stöd och service till vissa funktionshindrade.
"""

REQUIREMENT_KEYS = ("requirement", "chapter", "citation", "kind", "status", "reason", "evidence", "section",
                    "location", "roles", "frequency", "missing_elements", "rule")
CALENDAR_KEYS = ("frequency", "what", "who", "area", "as_written", "location")
FORBIDDEN_IN_SHEET_TITLES = re.compile(r"[\[\]:*?/\\]")


@pytest.fixture(scope="module")
def small_view(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "liten-socialnamnd.md"
    path.write_text(SMALL_DOCUMENT, encoding="utf-8")
    return build_view(check(path))


@pytest.fixture(scope="module")
def corpus_view():
    return build_view(check(CORPUS_DOCUMENT))


@pytest.fixture(params=["small", "corpus"])
def view(request, small_view, corpus_view):
    return small_view if request.param == "small" else corpus_view


@pytest.fixture
def workbook(view, tmp_path):
    path = tmp_path / "rapport.xlsx"
    write_xlsx([view], path)
    return load_workbook(path)


def rows(sheet, first=1):
    return [list(values) for values in sheet.iter_rows(min_row=first, values_only=True)]


def row_of(sheet, value, column=1):
    """The number of the first row whose cell in `column` holds `value`."""
    return next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, column).value == value)


def joined(values, separator=", "):
    """A list cell as written: None for an empty list (openpyxl reads an empty string back as None)."""
    return separator.join(values) or None


def test_small_document_covers_every_status(small_view):
    """The fixture exercises every status colour and label, and the matrix and calendar sheets."""
    assert {r.status for r in small_view.requirements} == set(STATUSES)
    assert small_view.matrix.roles and small_view.calendar


def test_sheets_are_named_from_the_texts(workbook, view):
    sheets = view.texts.sheets
    assert workbook.sheetnames == [sheets["summary"], sheets["requirements"], sheets["matrix"], sheets["calendar"]]


def test_requirements_sheet_has_one_row_per_requirement_equal_to_the_view(workbook, view):
    sheet = workbook[view.texts.sheets["requirements"]]
    header, *body = rows(sheet)
    assert header == [view.texts.labels[key] for key in REQUIREMENT_KEYS]
    assert len(body) == len(view.requirements)
    for cells, requirement in zip(body, view.requirements, strict=True):
        assert cells == [requirement.id, requirement.chapter, requirement.citation, requirement.kind_label,
                         requirement.status_label, requirement.reason, requirement.quote or None,
                         requirement.section or None, requirement.location or None, joined(requirement.roles),
                         joined(requirement.frequencies), joined(requirement.missing_elements), requirement.rule]
        assert isinstance(cells[1], int)  # the chapter is a number, not text


def test_requirements_sheet_status_is_a_label_with_a_fill_per_status(workbook, view):
    sheet = workbook[view.texts.sheets["requirements"]]
    status_column = REQUIREMENT_KEYS.index("status") + 1
    fills: dict[str, set[str]] = {}
    for row, requirement in enumerate(view.requirements, start=2):
        cell = sheet.cell(row, status_column)
        assert cell.value == view.texts.statuses[requirement.status]
        assert cell.fill.fill_type == "solid"
        fills.setdefault(requirement.status, set()).add(cell.fill.fgColor.rgb)
    assert all(len(colours) == 1 for colours in fills.values())  # one colour per status …
    assert len({colour for colours in fills.values() for colour in colours}) == len(fills)  # … each its own


def test_requirements_sheet_is_frozen_filtered_and_laid_out(workbook, view):
    sheet = workbook[view.texts.sheets["requirements"]]
    last_column = get_column_letter(len(REQUIREMENT_KEYS))
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{last_column}{len(view.requirements) + 1}"
    assert all(cell.font.b for cell in sheet[1])
    widths = {key: sheet.column_dimensions[get_column_letter(n)].width
              for n, key in enumerate(REQUIREMENT_KEYS, start=1)}
    assert all(width and width >= 8 for width in widths.values())
    assert widths["reason"] > widths["requirement"] and widths["evidence"] > widths["kind"]
    for key in ("reason", "evidence"):
        assert all(cell.alignment.wrap_text for (cell,) in sheet.iter_rows(
            min_row=2, min_col=REQUIREMENT_KEYS.index(key) + 1, max_col=REQUIREMENT_KEYS.index(key) + 1))


def test_summary_sheet_states_what_was_checked(workbook, view):
    sheet = workbook[view.texts.sheets["summary"]]
    labels = view.texts.labels
    assert sheet["A1"].value == view.title and sheet["A1"].font.b
    assert sheet["A2"].value == view.subtitle
    facts = {sheet.cell(row, 1).value: sheet.cell(row, 2).value for row in range(3, sheet.max_row + 1)}
    assert facts[labels["document"]] == view.document
    assert facts[labels["sha256"]] == view.sha256
    assert facts[labels["scope"]] == view.scope
    assert facts[labels["date"]] == view.date
    assert view.tool_version in facts[labels["tool"]]
    assert view.catalog_version in facts[labels["catalog"]]


def test_summary_counts_equal_the_results_counts_per_kind_and_status(workbook, view):
    sheet = workbook[view.texts.sheets["summary"]]
    texts = view.texts
    header_row = row_of(sheet, texts.labels["kind"])
    header = [cell.value for cell in sheet[header_row]]
    assert header[:len(STATUSES) + 2] == [texts.labels["kind"], *(texts.statuses[s] for s in STATUSES),
                                          texts.labels["total"]]
    shown = {}
    for row in range(header_row + 1, header_row + 1 + len(view.kinds)):
        values = [sheet.cell(row, column).value for column in range(1, len(STATUSES) + 3)]
        shown[values[0]] = values[1:]
    assert shown == {kind.label: [*(kind.counts[s] for s in STATUSES), kind.total] for kind in view.kinds}
    # Counted from the requirements themselves, not only copied from the summary.
    for kind in view.kinds:
        counts = shown[kind.label]
        assert counts == [*(sum(1 for r in view.requirements if r.kind == kind.kind and r.status == s)
                            for s in STATUSES), sum(1 for r in view.requirements if r.kind == kind.kind)]
        assert all(isinstance(n, int) for n in counts)


def test_summary_counts_per_chapter_keep_ska_apart_from_bor(workbook, view):
    sheet = workbook[view.texts.sheets["summary"]]
    texts = view.texts
    header_row = row_of(sheet, texts.labels["chapter"])
    assert [cell.value for cell in sheet[header_row]] == [
        texts.labels["chapter"], texts.labels["title"], texts.labels["kind"],
        *(texts.statuses[s] for s in STATUSES), texts.labels["total"]]
    shown = {}
    row = header_row + 1
    while isinstance(sheet.cell(row, 1).value, int):
        values = [sheet.cell(row, column).value for column in range(1, len(STATUSES) + 5)]
        shown[(values[0], values[2])] = (values[1], values[3:])
        row += 1
    expected = {}
    for chapter in view.chapters:
        for kind, counts in chapter.counts.items():
            members = [r for r in view.requirements if r.chapter == chapter.chapter and r.kind == kind]
            if members:
                expected[(chapter.chapter, texts.kinds[kind])] = (
                    chapter.title, [*(counts[s] for s in STATUSES), len(members)])
    assert shown == expected


def test_matrix_sheet_holds_the_duties_as_written(workbook, view):
    sheet = workbook[view.texts.sheets["matrix"]]
    matrix = view.matrix
    header, *body = rows(sheet)
    assert header == [view.texts.labels["role"], *matrix.areas]
    assert [cells[0] for cells in body] == list(matrix.roles)
    for cells, role in zip(body, matrix.roles, strict=True):
        for value, area in zip(cells[1:], matrix.areas, strict=True):
            cell = matrix.cell(role, area)
            assert value == ("\n".join(cell.duties) if cell else None)
    assert sheet.freeze_panes == "B2"


def test_calendar_sheet_lists_every_entry(workbook, view):
    sheet = workbook[view.texts.sheets["calendar"]]
    header, *body = rows(sheet)
    assert header == [view.texts.labels[key] for key in CALENDAR_KEYS]
    assert body == [[entry.how_often, entry.what, entry.who or None, joined(entry.areas), entry.as_written,
                     entry.location] for entry in view.calendar]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:F{len(view.calendar) + 1}"


def test_workbook_properties(workbook, view):
    assert workbook.properties.title == view.title
    assert workbook.properties.creator == "sosfs_check"
    assert workbook.properties.created.date().isoformat() == view.date


def test_a_document_without_roles_or_times_says_so(tmp_path):
    path = tmp_path / "tunn.md"
    path.write_text("# Kvalitet\n\nVi arbetar med kvalitet.\n", encoding="utf-8")
    view = build_view(check(path))
    assert not view.matrix.roles and not view.calendar
    write_xlsx([view], tmp_path / "tunn.xlsx")
    workbook = load_workbook(tmp_path / "tunn.xlsx")
    assert rows(workbook[view.texts.sheets["matrix"]]) == [[view.texts.notes["no_matrix"]]]
    assert rows(workbook[view.texts.sheets["calendar"]]) == [[view.texts.notes["no_calendar"]]]


def test_the_same_view_gives_the_same_cells(small_view, tmp_path):
    write_xlsx([small_view], tmp_path / "a.xlsx")
    write_xlsx([small_view], tmp_path / "b.xlsx")
    first, second = load_workbook(tmp_path / "a.xlsx"), load_workbook(tmp_path / "b.xlsx")
    assert first.sheetnames == second.sheetnames
    for name in first.sheetnames:
        assert rows(first[name]) == rows(second[name])


# Two names that agree in their first 31 characters and hold characters Excel forbids in sheet titles.
LONG_NAMES = ("Socialnämnden [Ekdala]: ledningssystem för kvalitet? – 2024.docx",
              "Socialnämnden [Ekdala]: ledningssystem för kvalitet? – 2025.docx")
FAILED = ("trasig/fil.docx", "Filen kunde inte läsas: den är inte ett Word-dokument.")


@pytest.fixture
def batch_workbook(small_view, corpus_view, tmp_path):
    views = [dataclasses.replace(small_view, document=LONG_NAMES[0]),
             dataclasses.replace(corpus_view, document=LONG_NAMES[1])]
    batch = build_batch_view([batch_row(LONG_NAMES[0], views[0], "a.html", None),
                              batch_row(FAILED[0], None, None, FAILED[1]),
                              batch_row(LONG_NAMES[1], views[1], "b.html", None)], corpus_view.regulation,
                             date=corpus_view.date)
    path = tmp_path / "batch.xlsx"
    write_xlsx(views, path, batch)
    return load_workbook(path), views, batch


def test_batch_has_a_summary_and_one_requirements_sheet_per_checked_document(batch_workbook):
    workbook, views, batch = batch_workbook
    texts = batch.texts
    assert len(workbook.sheetnames) == 3 and workbook.sheetnames[0] == texts.sheets["summary"]
    titles = workbook.sheetnames[1:]
    # Forbidden characters left out, cut to 31 characters, the second made unique within the same limit.
    assert titles == ["Socialnämnden Ekdala ledningssy", "Socialnämnden Ekdala lednin (2)"]
    assert all(len(title) <= 31 and not FORBIDDEN_IN_SHEET_TITLES.search(title) for title in titles)
    for title, view in zip(titles, views, strict=True):
        header, *body = rows(workbook[title])
        assert header == [texts.labels[key] for key in REQUIREMENT_KEYS]
        assert [cells[0] for cells in body] == [r.id for r in view.requirements]
        assert [cells[4] for cells in body] == [r.status_label for r in view.requirements]
        assert workbook[title].freeze_panes == "A2"
    assert workbook.properties.title == batch.title


def test_batch_summary_lists_every_document_and_the_error_of_the_failed_one(batch_workbook):
    workbook, views, batch = batch_workbook
    texts = batch.texts
    sheet = workbook[texts.sheets["summary"]]
    assert sheet["A1"].value == batch.title and sheet["A2"].value == batch.intro
    header_row = row_of(sheet, texts.labels["documents"])
    header, *body = rows(sheet, header_row)
    assert header == [texts.labels["documents"], *(texts.statuses[s] for s in STATUSES), texts.batch["ska_gaps"],
                      texts.batch["coverage"], texts.labels["scope"], texts.batch["report"], texts.labels["error"]]
    assert [cells[0] for cells in body] == [LONG_NAMES[0], FAILED[0], LONG_NAMES[1]]
    column = {label: position for position, label in enumerate(header)}
    failed = body[1]
    assert failed[column[texts.labels["error"]]] == FAILED[1]
    assert all(failed[column[texts.statuses[s]]] is None for s in STATUSES)  # not counted, not zero
    checked = [cells for cells in body if cells[column[texts.labels["error"]]] is None]
    titles = workbook.sheetnames[1:]
    for cells, view, title, line in zip(checked, views, titles, (header_row + 1, header_row + 3), strict=True):
        assert [cells[column[texts.statuses[s]]] for s in STATUSES] == [
            sum(1 for r in view.requirements if r.status == s) for s in STATUSES]
        assert cells[column[texts.batch["ska_gaps"]]] == sum(
            1 for r in view.requirements if r.kind == "ska" and r.is_gap)
        coverage = sheet.cell(line, column[texts.batch["coverage"]] + 1)
        applicable = [r for r in view.requirements if r.status != "not_applicable"]
        assert coverage.value == pytest.approx(sum(r.status == "covered" for r in applicable) / len(applicable))
        assert "%" in coverage.number_format
        link = sheet.cell(line, column[texts.batch["report"]] + 1)
        assert link.value == title
        assert link.hyperlink.location == f"'{title}'!A1"
    assert sheet.auto_filter.ref == f"A{header_row}:J{header_row + 3}"


@pytest.mark.parametrize("names", [
    ("History.docx", "'Plan'.docx", "???.docx"),
    ("plan.docx", "PLAN.md", "plan.txt"),
])
def test_batch_sheet_titles_avoid_what_excel_refuses(small_view, tmp_path, names):
    """A reserved title, apostrophes at the ends, nothing left after the forbidden characters, and names
    that differ only in case or extension."""
    views = [dataclasses.replace(small_view, document=name) for name in names]
    write_xlsx(views, tmp_path / "batch.xlsx")  # without a batch view: one is made from the views
    workbook = load_workbook(tmp_path / "batch.xlsx")
    titles = workbook.sheetnames[1:]
    assert len(titles) == 3 and len({title.lower() for title in workbook.sheetnames}) == 3 + 1
    for title in titles:
        assert title.lower() != "history" and title.strip("'") == title and title
        assert len(title) <= 31 and not FORBIDDEN_IN_SHEET_TITLES.search(title)
    summary = workbook[small_view.texts.sheets["summary"]]
    header_row = row_of(summary, small_view.texts.labels["documents"])
    assert [cells[0] for cells in rows(summary, header_row + 1)] == list(names)
