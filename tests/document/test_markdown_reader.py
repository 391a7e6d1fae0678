"""Markdown reads as the .docx it would be rendered to: headings, lists, tables, bold labels, nothing dropped."""

from __future__ import annotations

from pathlib import Path

from sosfs_check.document.model import DocumentModel, Paragraph, Section, Table
from sosfs_check.document.reader import read

PLAN = """Plan för kvalitetsarbetet

Antagen av nämnden.

# 1 Inledning

Planen beskriver hur **nämnden** arbetar med *kvalitet* enligt [föreskrifterna](https://example.se).

## 1.1 Ansvar

**Nämnden**

- fastställer planen
- följer upp arbetet
  - varje tertial
  - i bokslutet

**Enheten**

1. Planerar arbetet
2. Genomför egenkontroller

| Aktivitet | Ansvar |
|---|---|
| Egenkontroll<br>Riskanalys | Enhetschef |
| Uppföljning | Nämnden<br/>Förvaltningschef |

# Bilaga 1 Mall för riskanalys

Mallen används vid varje riskanalys.
"""


def _read(tmp_path: Path, text: str) -> DocumentModel:
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    return read(path)


def _section(model: DocumentModel, heading: str) -> Section:
    return next(section for section in model.walk_sections() if section.heading == heading)


def _paragraphs(section: Section) -> list[tuple[int | None, str | None, str]]:
    return [(b.list_level, b.marker, b.text) for b in section.blocks if isinstance(b, Paragraph)]


def test_headings_with_typed_numbers_and_an_unnumbered_appendix(tmp_path):
    model = _read(tmp_path, PLAN)
    assert model.outline() == [(1, "1", "Inledning"), (2, "1.1", "Ansvar"), (1, None, "Bilaga 1 Mall för riskanalys")]
    assert [s.number_source for s in model.walk_sections()] == [None, "text", "text", None]
    assert [b.text for b in model.sections[0].blocks] == ["Plan för kvalitetsarbetet", "Antagen av nämnden."]
    assert _paragraphs(_section(model, "Inledning")) == [
        (None, None, "Planen beskriver hur nämnden arbetar med kvalitet enligt föreskrifterna.")]


def test_bold_labels_nested_bullets_and_numbered_items(tmp_path):
    section = _section(_read(tmp_path, PLAN), "Ansvar")
    assert _paragraphs(section) == [
        (None, None, "Nämnden"),
        (0, "•", "fastställer planen"), (0, "•", "följer upp arbetet"),
        (1, "o", "varje tertial"), (1, "o", "i bokslutet"),
        (None, None, "Enheten"),
        (0, "1.", "Planerar arbetet"), (0, "2.", "Genomför egenkontroller"),
    ]


def test_pipe_tables_are_tables_with_header_cells_and_paragraphs_per_line(tmp_path):
    model = _read(tmp_path, PLAN)
    [table] = [b for b in _section(model, "Ansvar").blocks if isinstance(b, Table)]
    assert (table.n_rows, table.n_columns, table.header_rows) == (3, 2, 1)
    assert table.header_texts() == ["Aktivitet", "Ansvar"]
    cells = {(c.row, c.column): (c.header, [inner.text for inner in c.blocks]) for c in table.cells if not c.is_header}
    assert cells == {(1, 0): ("Aktivitet", ["Egenkontroll", "Riskanalys"]), (1, 1): ("Ansvar", ["Enhetschef"]),
                     (2, 0): ("Aktivitet", ["Uppföljning"]), (2, 1): ("Ansvar", ["Nämnden", "Förvaltningschef"])}
    units = [(u.text, u.column_header, u.is_heading_cell) for u in model.text_units() if u.locator.row is not None]
    assert units[:3] == [("Aktivitet", None, True), ("Ansvar", None, True), ("Egenkontroll", "Aktivitet", False)]
    assert model.fidelity.counts["tables"] == 1 and model.fidelity.counts["cells"] == 6


def test_numbered_items_are_never_headings(tmp_path):
    for headings in ("", "# 1 Plan\n\n# 2 Arbetet\n\n"):
        model = _read(tmp_path, f"{headings}1. Inledning\n2. Ansvar\n\n3) Uppföljning\n")
        items = [(b.list_level, b.marker, b.text) for s in model.walk_sections() for b in s.blocks]
        assert items == [(0, "1.", "Inledning"), (0, "2.", "Ansvar"), (0, "3)", "Uppföljning")]
        assert all(number in ("1", "2") for _, number, _ in model.outline())


def test_under_markdown_headings_a_typed_number_in_a_paragraph_is_text(tmp_path):
    model = _read(tmp_path, "# 1 Plan\n\n# 2 Arbetet\n\n3.1 Riskanalys\n")
    assert model.outline() == [(1, "1", "Plan"), (1, "2", "Arbetet")]
    assert _paragraphs(_section(model, "Arbetet")) == [(None, None, "3.1 Riskanalys")]


def test_without_headings_a_bold_line_is_a_heading_as_in_word(tmp_path):
    # The .docx reader's rule: with no heading styles, a short bold paragraph is a heading. With two or more
    # `#` headings (test_bold_labels_…) it stays a bold paragraph, as under Word's heading styles.
    model = _read(tmp_path, "**Riskanalys**\n\nRiskerna bedöms varje år.\n\n**Egenkontroll**\n\nKontroller görs.\n")
    assert model.outline() == [(1, None, "Riskanalys"), (1, None, "Egenkontroll")]
    assert [s.heading_signal for s in model.walk_sections()] == ["bold", "bold"]


def test_wrapped_lines_join_and_hyphenated_words_are_put_back_together(tmp_path):
    text = "# 1 Arbetet\n\nEnheten leder kvalitets-\narbetet inom hälso-\noch sjukvård och LSS-\nverksamhet.\n"
    model = _read(tmp_path, text)
    assert _paragraphs(model.sections[0]) == [
        (None, None, "Enheten leder kvalitetsarbetet inom hälso- och sjukvård och LSS-verksamhet.")]


def test_a_hard_line_break_stays_a_line_break_within_the_paragraph(tmp_path):
    model = _read(tmp_path, "Första raden  \nandra raden<br>tredje raden\n")
    assert model.sections[0].blocks[0].text == "Första raden\nandra raden\ntredje raden"


def test_comments_html_and_images_are_reported_never_dropped(tmp_path):
    text = ("# 1 Inledning\n\n<!-- utkast: stäm av med nämnden -->\n\n"
            "Planen <!-- ändras? --> gäller <span class=\"viktigt\">hela</span> förvaltningen.\n\n"
            "![Organisationsschema med nämnd och förvaltning](schema.png)\n\n![](foto.jpg)\n\n"
            "<div>Text i en ruta</div>\n")
    model = _read(tmp_path, text)
    texts = [(b.origin, b.text) for b in model.sections[0].blocks]
    assert texts == [("body", "Planen gäller hela förvaltningen."),
                     ("image_alt_text", "Organisationsschema med nämnd och förvaltning"),
                     ("body", "Text i en ruta")]
    excluded = [(i.kind, i.location, i.detail) for i in model.fidelity.excluded]
    assert excluded == [("comment", "1 Inledning", "HTML-kommentar: utkast: stäm av med nämnden"),
                        ("comment", "1 Inledning", "HTML-kommentar: ändras?")]
    unreadable = [(i.kind, i.detail) for i in model.fidelity.unreadable]
    assert unreadable == [
        ("html", 'HTML-kod som inte tolkades (texten lästes): <span class="viktigt">'),
        ("image", "bild utan alternativtext (foto.jpg); eventuell text i bilden kan inte läsas"),
        ("html", "HTML-kod som inte tolkades (texten lästes): <div>Text i en ruta</div>"),
    ]
    assert model.fidelity.counts["images"] == 2


def test_cells_beyond_the_header_columns_are_read(tmp_path):
    # GitHub's table syntax drops them; the reader reads them as cells without a column header.
    model = _read(tmp_path, "| Roll | Ansvar |\n|---|---|\n| MAS | följer upp | rapporterar till IVO |\n| Enhetschef |\n")
    [table] = model.sections[0].blocks
    assert isinstance(table, Table)
    assert [(c.row, c.column, c.header, c.text) for c in table.cells if c.row > 0] == [
        (1, 0, "Roll", "MAS"), (1, 1, "Ansvar", "följer upp"), (1, 2, None, "rapporterar till IVO"),
        (2, 0, "Roll", "Enhetschef"), (2, 1, "Ansvar", "")]
    assert table.n_columns == 3


def test_lines_nested_deeper_than_the_parser_follows_are_reported(tmp_path):
    text = "".join("  " * depth + f"- nivå {depth}\n" for depth in range(14))
    model = _read(tmp_path, text)
    read_items = [b.text for b in model.sections[0].blocks]
    reported = [i.detail for i in model.fidelity.unreadable if i.kind == "markdown"]
    assert read_items + [d.removeprefix("rad som inte kunde tolkas (för djup nästling): - ") for d in reported] == [
        f"nivå {depth}" for depth in range(14)]
    assert reported
