"""Real Word features read once, in order, with what was excluded reported."""

import pytest

from devtools.docx_factory import SHAPES, Heading, Item, Outline, Para, TableNode, write_docx
from sosfs_check.document.model import Table
from sosfs_check.document.reader import read

OUTLINE = Outline(title="Test", footer="Sidfot 1", nodes=[
    Heading(1, "1", "Inledning"), Para("Första stycket om kvalitet."), Para("Andra stycket om ledning."),
    Para("Tredje stycket."), Para("Fjärde stycket."),
    Heading(2, "1.1", "Ansvar"), Item("Enhetschefen följer upp"), Item("underpunkt", 1), Item("numrerad", 0, True),
    Heading(1, "2", "Riskanalys"),
    TableNode([["Krav", "Mål", "Metod"], ["a", "b", "c"], ["d", "e", "f"]]),
])


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shapes")
    return {shape: read(write_docx(OUTLINE, shape, folder / f"{shape}.docx")) for shape in SHAPES}


def test_every_shape_gives_the_same_outline(documents):
    expected = [(1, "1", "Inledning"), (2, "1.1", "Ansvar"), (1, "2", "Riskanalys")]
    for shape, model in documents.items():
        assert model.outline() == expected, shape


def test_lists_keep_level_and_displayed_marker(documents):
    items = [(u.text) for u in documents["styled"].text_units() if u.is_list_item]
    assert items == ["Enhetschefen följer upp", "underpunkt", "numrerad"]
    section = documents["styled"].sections[0].subsections[0]
    markers = [(b.list_level, b.marker) for b in section.blocks]
    assert markers == [(0, "•"), (1, "o"), (0, "1.")]


def test_table_header_is_context_for_cells(documents):
    table = next(b for s in documents["styled"].walk_sections() for b in s.blocks if isinstance(b, Table))
    body = [c for c in table.cells if not c.is_header]
    assert [c.header for c in body[:3]] == ["Krav", "Mål", "Metod"]


def test_features_text_box_insertion_deletion_toc_header(documents):
    model = documents["features"]
    text = model.plain_text()
    assert text.count("Faktaruta: ledningssystemet revideras årligen") == 1  # Choice read, Fallback not
    assert "Tillagt vid revidering." in text
    assert "Struken mening" not in text
    assert "Sidfot 1" not in text
    kinds = {item.kind for item in model.fidelity.excluded}
    assert {"toc", "deleted_text", "footer", "header"} <= kinds
    assert model.fidelity.counts["content_controls"] >= 2
    # Text under the content controls is kept.
    assert "Första stycket om kvalitet." in text and "Andra stycket om ledning." in text


def test_merged_cell_appears_once_with_span(documents):
    table = next(b for s in documents["features"].walk_sections() for b in s.blocks if isinstance(b, Table))
    last_row = [c for c in table.cells if c.row == 2]
    assert len(last_row) == 2 and last_row[0].column_span == 2
