"""A table of contents in a text export is left out of the body and reported, as the .docx TOC is."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosfs_check.document.reader import read
from sosfs_check.document.text_toc import find_table_of_contents

BODY = ("1 Inledning\n"
        "Planen gäller hela förvaltningen.\n"
        "2 Ansvar\n"
        "Nämnden ansvarar för planen.\n"
        "2.1 Enheterna\n"
        "Varje enhet följer upp sitt arbete.\n"
        "3 Uppföljning\n"
        "Uppföljningen görs varje år.\n")
OUTLINE = [(1, "1", "Inledning"), (1, "2", "Ansvar"), (2, "2.1", "Enheterna"), (1, "3", "Uppföljning")]
TITLES = ["1 Inledning", "2 Ansvar", "2.1 Enheterna", "3 Uppföljning"]


def _read(tmp_path: Path, text: str, name: str = "export.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read(path)


def _toc(entries: list[str], marker: str | None) -> str:
    return "Plan för kvalitetsarbetet\n\n" + (f"{marker}\n" if marker else "") + "\n".join(entries) + "\n\n"


@pytest.mark.parametrize("marker,entries", [
    ("Innehållsförteckning", ["1 Inledning ........ 3", "2 Ansvar ........ 4", "2.1 Enheterna ....... 4",
                              "3 Uppföljning ........ 6"]),
    ("Innehåll", ["1 Inledning 3", "2 Ansvar 4", "2.1 Enheterna 4", "3 Uppföljning 6"]),
    ("INNEHÅLL:", ["1 Inledning\t3", "2 Ansvar\t4", "2.1 Enheterna\t4", "3 Uppföljning\t6"]),
    ("Innehållsförteckning", ["1 Inledning . . . . . 3", "2 Ansvar . . . . . 4", "2.1 Enheterna . . . 4",
                              "3 Uppföljning . . . . 6"]),
    (None, ["1 Inledning ........ 3", "2 Ansvar ........ 4", "2.1 Enheterna ....... 4", "3 Uppföljning .... 6"]),
    (None, ["1 Inledning 3", "2 Ansvar 4", "2.1 Enheterna 4", "3 Uppföljning 6"]),  # the titles come back
])
def test_a_table_of_contents_is_neither_body_text_nor_headings(tmp_path, marker, entries):
    model = _read(tmp_path, _toc(entries, marker) + BODY)
    assert model.outline() == OUTLINE
    texts = [unit.text for unit in model.text_units()]
    assert texts == ["Plan för kvalitetsarbetet", "Planen gäller hela förvaltningen.", "Nämnden ansvarar för planen.",
                     "Varje enhet följer upp sitt arbete.", "Uppföljningen görs varje år."]
    [toc] = [item for item in model.fidelity.excluded if item.kind == "toc"]
    assert toc.location == "(före första rubriken)"
    assert toc.detail == "innehållsförteckning (4 rader): " + "; ".join(TITLES)
    assert model.fidelity.counts["toc_paragraphs"] == 4


def test_a_title_wrapped_onto_the_next_line_is_one_entry(tmp_path):
    toc = _toc(["1 Inledning ........ 3", "2 Ansvar och", "uppdrag ......... 4", "3 Uppföljning ..... 6"],
               "Innehållsförteckning")
    body = "1 Inledning\nText.\n2 Ansvar och uppdrag\nText.\n3 Uppföljning\nText.\n"
    model = _read(tmp_path, toc + body)
    assert model.outline() == [(1, "1", "Inledning"), (1, "2", "Ansvar och uppdrag"), (1, "3", "Uppföljning")]
    assert "2 Ansvar och uppdrag" in model.fidelity.excluded[0].detail


def test_a_blank_line_after_every_entry_is_still_one_table(tmp_path):
    entries = ["1 Inledning ........ 3", "", "2 Ansvar ........ 4", "", "2.1 Enheterna ....... 4", "",
               "3 Uppföljning ........ 6"]
    model = _read(tmp_path, _toc(entries, "Innehåll") + BODY)
    assert model.outline() == OUTLINE


@pytest.mark.parametrize("text", [
    # Lines that end in a number but are the body: a list of reports, a year, a count.
    "Rapporter under året\n\nTertialrapport 1\nTertialrapport 2\nTertialrapport 3\n\nText om rapporterna.\n",
    "1 Mål\nMålet för 2024\nNämnden har 11 ledamöter och 7\nersättare.\n",
    # A heading "Innehåll" followed by prose, not by entries.
    "Innehåll\n\nDokumentet beskriver hur arbetet går till och vem som gör vad.\n",
])
def test_body_lines_that_end_in_a_number_are_not_a_table_of_contents(text):
    assert find_table_of_contents(text.split("\n")) is None


def test_a_table_of_contents_far_down_the_document_is_not_looked_for():
    filler = [f"Stycke nummer {n} handlar om verksamheten." for n in range(100)]
    lines = [*filler, "Innehåll", "1 Inledning ........ 3", "2 Ansvar ........ 4"]
    assert find_table_of_contents(lines) is None


def test_markdown_table_of_contents_with_links_to_the_headings(tmp_path):
    text = ("# Plan för kvalitetsarbetet\n\n## Innehåll\n\n"
            "- [1 Inledning](#1-inledning)\n- [2 Ansvar](#2-ansvar)\n\n"
            "# 1 Inledning\n\nPlanen gäller hela förvaltningen.\n\n# 2 Ansvar\n\n<!-- ny text -->\n\nNämnden ansvarar.\n")
    model = _read(tmp_path, text, "plan.md")
    assert model.outline() == [(1, None, "Plan för kvalitetsarbetet"), (1, "1", "Inledning"), (1, "2", "Ansvar")]
    # In the order of the document, each where it stands.
    assert [(item.kind, item.location) for item in model.fidelity.excluded] == [
        ("toc", "Plan för kvalitetsarbetet"), ("comment", "2 Ansvar")]


def test_markdown_table_of_contents_with_page_numbers(tmp_path):
    text = ("Innehållsförteckning\n\n1 Inledning ........ 3\n2 Ansvar ........ 4\n\n"
            "# 1 Inledning\n\nText.\n\n# 2 Ansvar\n\nText.\n")
    model = _read(tmp_path, text, "plan.md")
    assert model.outline() == [(1, "1", "Inledning"), (1, "2", "Ansvar")]
    assert [unit.text for unit in model.text_units()] == ["Text.", "Text."]


WORDS = ["Inledning", "Ansvar", "Uppföljning", "Rutiner", "Samverkan", "Risker", "Egenkontroll", "Avvikelser",
         "Klagomål", "Förbättring", "Dokumentation", "Personal"]


@st.composite
def numbered_outlines(draw) -> list[tuple[str, str]]:
    """(number, title) of at least three headings numbered as Word numbers them."""
    headings, counters = [], []
    for _ in range(draw(st.integers(3, 12))):
        level = draw(st.integers(1, min(len(counters) + 1, 3)))
        counters = counters[:level] + [0] * (level - len(counters[:level]))
        counters[-1] += 1
        headings.append((".".join(map(str, counters)), " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1,
                                                                               max_size=3)))))
    return headings


SEPARATORS = {"dots": " ........ ", "spaced dots": " . . . . ", "tab": "\t", "space": " "}


@settings(max_examples=60, deadline=None, derandomize=True)
@given(numbered_outlines(), st.sampled_from(sorted(SEPARATORS)), st.booleans(), st.booleans())
def test_any_table_of_contents_reads_as_the_outline_it_lists(headings, separator, marker, blank_lines):
    entries = [f"{number} {title}{SEPARATORS[separator]}{page}" for page, (number, title) in enumerate(headings, 2)]
    joiner = "\n\n" if blank_lines else "\n"
    toc = ("Innehållsförteckning\n" if marker else "") + joiner.join(entries)
    body = joiner.join(f"{number} {title}\n{title} beskrivs här i en mening." for number, title in headings)
    with tempfile.TemporaryDirectory() as folder:
        model = _read(Path(folder), f"Plan för arbetet\n\n{toc}\n\n{body}\n")
    assert model.outline() == [(number.count(".") + 1, number, title) for number, title in headings]
    assert [item.kind for item in model.fidelity.excluded] == ["toc"]
    assert model.fidelity.counts["toc_paragraphs"] == len(headings)
