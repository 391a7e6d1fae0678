"""The comparison as Excel: written with openpyxl, read back with openpyxl, checked cell by cell against the
comparison — of two small documents built here and of three documents of the corpus."""

from __future__ import annotations

from collections import Counter

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from sosfs_check.comparison.model import Comparison, build_comparison
from sosfs_check.comparison.xlsx import write_comparison_xlsx
from sosfs_check.report.texts import report_texts
from sosfs_check.report.view import STATUSES
from tests.comparison.conftest import DATE, REQUIREMENT_FACTS

TEXTS = report_texts()
LABELS = TEXTS.labels


@pytest.fixture(scope="module", params=["small", "corpus"])
def written(request, tmp_path_factory) -> tuple[Comparison, Workbook]:
    comparison = request.getfixturevalue(request.param)
    path = tmp_path_factory.mktemp("xlsx") / "jamforelse.xlsx"
    write_comparison_xlsx(comparison, path)
    return comparison, load_workbook(path)


def _rows(sheet: Worksheet, first: int = 1) -> list[list]:
    return [list(values) for values in sheet.iter_rows(min_row=first, values_only=True)]


def fill(sheet: Worksheet, row: int, column: int) -> str:
    return sheet.cell(row, column).fill.start_color.rgb


def test_sheets_in_order_with_valid_titles(written):
    comparison, workbook = written
    assert workbook.sheetnames == [TEXTS.sheets["summary"], TEXTS.sheets["requirements"],
                                   TEXTS.compare["differences"], TEXTS.compare["areas"]]
    assert all(len(title) <= 31 and not set(title) & set("[]:*?/\\") for title in workbook.sheetnames)
    assert workbook.properties.title == comparison.title
    assert workbook.properties.created.date().isoformat() == DATE


def test_one_row_per_requirement_and_a_status_column_per_document(written):
    comparison, workbook = written
    sheet = workbook[TEXTS.sheets["requirements"]]
    rows = _rows(sheet)
    names = [document.name for document in comparison.documents]
    first = len(REQUIREMENT_FACTS)  # index of the first document's column
    assert rows[0] == [*(LABELS[key] for key in REQUIREMENT_FACTS), *names, TEXTS.compare["covering"],
                       TEXTS.compare["differs"]]
    assert [row[0] for row in rows[1:]] == [requirement.id for requirement in comparison.requirements]
    for row, requirement in zip(rows[1:], comparison.requirements, strict=True):
        assert row[:first] == [requirement.id, requirement.title, requirement.chapter, requirement.citation,
                               requirement.kind_label, requirement.area_name]
    for position in range(len(names)):
        column = [row[first + position] for row in rows[1:]]
        assert column == [requirement.cells[position].status_label for requirement in comparison.requirements]
        assert set(column) <= set(TEXTS.statuses.values())


def test_covering_counts_the_covered_labels_and_differing_rows_are_marked(written):
    comparison, workbook = written
    rows = _rows(workbook[TEXTS.sheets["requirements"]])[1:]
    documents = len(comparison.documents)
    first = len(REQUIREMENT_FACTS)
    for row, requirement in zip(rows, comparison.requirements, strict=True):
        statuses = row[first:first + documents]
        covering, differs = row[first + documents:]
        assert covering == statuses.count(TEXTS.statuses["covered"]) == comparison.covering(requirement)
        applicable = set(statuses) - {TEXTS.statuses["not_applicable"]}
        assert differs == ("ja" if requirement.differs else "nej") and requirement.differs is (len(applicable) > 1)
    assert any(row[-1] for row in rows), "the test needs documents that differ"


def test_status_cells_are_filled_one_colour_per_status(written):
    comparison, workbook = written
    sheet = workbook[TEXTS.sheets["requirements"]]
    fills: dict[str, set[str]] = {}
    for number in range(2, sheet.max_row + 1):
        for offset in range(len(comparison.documents)):
            column = len(REQUIREMENT_FACTS) + 1 + offset
            fills.setdefault(sheet.cell(number, column).value, set()).add(fill(sheet, number, column))
    assert all(len(colours) == 1 for colours in fills.values()), fills
    assert len({colour for colours in fills.values() for colour in colours}) == len(fills)


def test_headers_frozen_and_filterable(written):
    comparison, workbook = written
    requirements = workbook[TEXTS.sheets["requirements"]]
    last = get_column_letter(len(REQUIREMENT_FACTS) + len(comparison.documents) + 2)
    assert requirements.freeze_panes == "C2"  # the header row, the requirement and its title
    assert requirements.auto_filter.ref == f"A1:{last}{len(comparison.requirements) + 1}"
    differences = workbook[TEXTS.compare["differences"]]
    assert differences.freeze_panes == "C2"
    last = get_column_letter(2 + 2 * len(comparison.documents))
    assert differences.auto_filter.ref == f"A1:{last}{len(comparison.largest_differences) + 1}"
    areas = workbook[TEXTS.compare["areas"]]
    assert areas.freeze_panes == "C2" and areas.auto_filter.ref == f"A1:F{areas.max_row}"


def test_summary_lists_every_document_with_counts_matching_its_column(written):
    comparison, workbook = written
    sheet = workbook[TEXTS.sheets["summary"]]
    assert sheet["A1"].value == comparison.title and [sheet["A2"].value, sheet["B2"].value] == [LABELS["date"], DATE]
    header = next(n for n in range(1, sheet.max_row + 1) if sheet.cell(n, 1).value == TEXTS.compare["name"])
    rows = _rows(sheet, header)[:len(comparison.documents) + 1]
    assert rows[0] == [TEXTS.compare["name"], TEXTS.compare["file"], LABELS["scope"],
                       *(TEXTS.statuses[status] for status in STATUSES), TEXTS.batch["ska_gaps"],
                       TEXTS.batch["coverage"], LABELS["sha256"]]
    assert sheet.freeze_panes == f"B{header + 1}"
    requirements = _rows(workbook[TEXTS.sheets["requirements"]])[1:]
    coverage = rows[0].index(TEXTS.batch["coverage"])
    for position, (row, document) in enumerate(zip(rows[1:], comparison.documents, strict=True)):
        assert row[:3] == [document.name, document.source_name, document.scope]
        in_column = Counter(requirement[len(REQUIREMENT_FACTS) + position] for requirement in requirements)
        assert row[3:3 + len(STATUSES)] == [in_column[TEXTS.statuses[status]] for status in STATUSES]
        assert row[coverage] == pytest.approx(document.coverage)
        assert sheet.cell(header + 1 + position, coverage + 1).number_format == "0%"
        assert row[-1] == document.sha256


def test_differences_sheet_is_the_largest_differences_with_each_documents_quote(written):
    comparison, workbook = written
    rows = _rows(workbook[TEXTS.compare["differences"]])
    names = [document.name for document in comparison.documents]
    assert rows[0] == [LABELS["requirement"], LABELS["title"], *names,
                       *(f"{LABELS['evidence']}: {name}" for name in names)]
    assert comparison.largest_differences, "the test needs documents that differ"
    assert rows[1:] == [[row.id, row.title, *(cell.status_label for cell in row.cells),
                         *(cell.quote or None for cell in row.cells)] for row in comparison.largest_differences]


def test_areas_sheet_has_each_documents_roles_and_rhythms(small, tmp_path):
    path = tmp_path / "jamforelse.xlsx"
    write_comparison_xlsx(small, path)
    rows = _rows(load_workbook(path)[TEXTS.compare["areas"]])
    assert rows[0] == [LABELS["area"], LABELS["document"], LABELS["role"], LABELS["as_written"],
                       TEXTS.compare["duties"], TEXTS.compare["rhythms"]]
    by_place = {(row[0], row[1]): [] for row in rows[1:]}
    for row in rows[1:]:
        by_place[row[0], row[1]].append(row[2:])
    assert set(by_place) == {(area.area_name, document.name) for area in small.areas for document in small.documents}
    risk = next(area for area in small.areas if area.area_name == "Riskanalys")
    # The risk analysis: the first document's unit manager, quarterly; the second says nothing about it.
    assert by_place["Riskanalys", "Socialnämnden"] == [
        ["Enhetschef", "Enhetschefen", "en riskanalys görs varje kvartal", None],
        [None, "Enhetschefen ansvarar för att en riskanalys görs varje kvartal.", None, "4 gånger per år"]]
    assert risk.duties[1] == () and risk.rhythms[1] == ()
    assert by_place["Riskanalys", "Vård och omsorg"] == [[TEXTS.compare["nothing"], None, None, None]]
    for area in small.areas:
        for position, document in enumerate(small.documents):
            roles = [row[0] for row in by_place[area.area_name, document.name] if row[2] is not None]
            assert roles == [duty.role for duty in area.duties[position]]
            rhythms = [row[3] for row in by_place[area.area_name, document.name] if row[3] is not None]
            assert rhythms == [rhythm for rhythm, _ in area.rhythms[position]]


def test_documents_judged_alike_have_no_differences_sheet_rows(small_results, tmp_path):
    same = build_comparison([small_results[0]] * 2, date=DATE)
    path = tmp_path / "lika.xlsx"
    write_comparison_xlsx(same, path)
    sheet = load_workbook(path)[TEXTS.compare["differences"]]
    assert _rows(sheet) == [[TEXTS.compare["no_differences"]]]
    assert all(row[-1] == TEXTS.compare["no"] for row in _rows(load_workbook(path)[TEXTS.sheets["requirements"]])[1:])
