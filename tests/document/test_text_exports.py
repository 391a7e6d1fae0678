"""Plain text copied out of Word or a PDF: wrapped lines, lost bullets, headings without styles."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosfs_check.document.reader import read
from tests.document.wrapping import wrap_with_hyphens


def _outline_and_blocks(tmp_path: Path, text: str) -> tuple[list[tuple[int, str | None, str]], list[tuple]]:
    path = tmp_path / "export.txt"
    path.write_text(text, encoding="utf-8")
    model = read(path)
    blocks = [(section.heading, block.list_level, block.text)
              for section in model.walk_sections() for block in section.blocks]
    return model.outline(), blocks


def test_lines_wrapped_with_blank_lines_between_them_make_one_paragraph(tmp_path):
    text = ("1. Kvalitetsarbete\n\nUppföljningen av verksamheten görs av enhetschefen varje\n\n"
            "månad och redovisas för nämnden.\n\nNästa stycke börjar här.\n")
    _, blocks = _outline_and_blocks(tmp_path, text)
    assert [b[2] for b in blocks] == [
        "Uppföljningen av verksamheten görs av enhetschefen varje månad och redovisas för nämnden.",
        "Nästa stycke börjar här.",
    ]


def test_a_short_line_standing_alone_is_a_heading_below_the_numbered_one(tmp_path):
    text = ("3. Förbättringsarbete\n"
            "Arbetet beskrivs nedan.\n\n"
            "Händelseanalys\n"
            "Händelseanalyser görs efter allvarliga händelser.\n\n"
            "Synpunkter\n"
            "• Synpunkter tas emot via webben\n"
            "Sista stycket.\n")
    outline, blocks = _outline_and_blocks(tmp_path, text)
    assert outline == [(1, "3", "Förbättringsarbete"), (2, None, "Händelseanalys"), (2, None, "Synpunkter")]
    assert ("Händelseanalys", None, "Händelseanalyser görs efter allvarliga händelser.") in blocks
    assert ("Synpunkter", 0, "Synpunkter tas emot via webben") in blocks


def test_short_lines_after_a_lead_in_are_a_list_not_headings(tmp_path):
    text = ("2. Organisation\n"
            "Förvaltningen har tre avdelningar:\n\n"
            " Äldreomsorg\n\n Funktionshinder\n\n Ekonomiskt bistånd\n\n"
            "Alla avdelningar omfattas.\n")
    outline, blocks = _outline_and_blocks(tmp_path, text)
    assert outline == [(1, "2", "Organisation")]
    assert [b[2] for b in blocks][1:4] == ["Äldreomsorg", "Funktionshinder", "Ekonomiskt bistånd"]


@pytest.mark.parametrize("text", [
    # bullets lost in the export: indented lines after the lead-in are the items
    ("4. Ansvar\n"
     "Enhetschefen ansvarar för att:\n\n"
     " rutiner finns och är kända av\n\n"
     "medarbetarna\n\n"
     " avvikelser utreds\n\n"
     "Därefter följer nästa stycke.\n"),
    # bullets kept: an indented line continues the bullet above it
    ("2 Ansvar\n"
     "Enhetschefen ansvarar för att:\n"
     "• rutiner finns och är\n"
     "  kända av medarbetarna\n"
     "• avvikelser utreds\n"
     "Därefter följer nästa stycke.\n"),
], ids=["bullets-lost", "bullet-continued"])
def test_after_a_lead_in_indented_lines_are_the_items(tmp_path, text):
    _, blocks = _outline_and_blocks(tmp_path, text)
    assert [(b[1], b[2]) for b in blocks] == [
        (None, "Enhetschefen ansvarar för att:"),
        (0, "rutiner finns och är kända av medarbetarna"),
        (0, "avvikelser utreds"),
        (None, "Därefter följer nästa stycke."),
    ]


def test_section_numbers_that_continue_start_headings_and_one_that_goes_back_is_a_list(tmp_path):
    text = ("1. Inledning\nText.\n\n"
            "2. Riskanalys\n"
            "För varje risk ska verksamheten\n"
            "1. Bedöma sannolikheten\n"
            "2. Bedöma konsekvensen\n\n"
            "Rutinen finns i handboken utan punkt\n"
            "3. Egenkontroll\n"
            "Egenkontroll görs årligen.\n")
    outline, blocks = _outline_and_blocks(tmp_path, text)
    assert outline == [(1, "1", "Inledning"), (1, "2", "Riskanalys"), (1, "3", "Egenkontroll")]
    assert ("Riskanalys", 0, "Bedöma sannolikheten") in blocks


def test_words_save_as_text_one_paragraph_per_line(tmp_path):
    text = ("1 Inledning\n"
            "Detta ledningssystem gäller socialnämnden.\n"
            "Nämnden fastställer det varje år.\n"
            "2 Ansvar\n"
            "Enhetschef\n"
            "Enhetschefen ansvarar för att:\n"
            "• rutiner finns\n"
            "• avvikelser utreds\n"
            "Medarbetare rapporterar avvikelser.\n")
    outline, blocks = _outline_and_blocks(tmp_path, text)
    assert outline == [(1, "1", "Inledning"), (1, "2", "Ansvar"), (2, None, "Enhetschef")]
    assert [(b[1], b[2]) for b in blocks] == [
        (None, "Detta ledningssystem gäller socialnämnden."),
        (None, "Nämnden fastställer det varje år."),
        (None, "Enhetschefen ansvarar för att:"),
        (0, "rutiner finns"),
        (0, "avvikelser utreds"),
        (None, "Medarbetare rapporterar avvikelser."),
    ]


def test_a_wrapped_bullet_is_one_item(tmp_path):
    text = ("1 Organisation\n"
            "Förvaltningen har två avdelningar.\n"
            "• Avdelningen för stöd ansvarar för\n"
            "insatser i hemmet\n"
            "•  Avdelningen för boende ansvarar för\n"
            "   Särskilt boende och korttidsboende\n"
            "• Staben ger stöd i\n\n"
            "  Ekonomi och personalfrågor\n"
            "• Nämndens kansli\n"
            " Nästa stycke börjar här.\n")
    _, blocks = _outline_and_blocks(tmp_path, text)
    assert [(b[1], b[2]) for b in blocks] == [
        (None, "Förvaltningen har två avdelningar."),
        (0, "Avdelningen för stöd ansvarar för insatser i hemmet"),
        (0, "Avdelningen för boende ansvarar för Särskilt boende och korttidsboende"),  # a hanging indent
        (0, "Staben ger stöd i Ekonomi och personalfrågor"),
        (0, "Nämndens kansli"),
        (None, "Nästa stycke börjar här."),  # indented less than the bullet's text: not a continuation
    ]


def test_words_hyphenated_at_line_ends_are_joined_and_real_hyphens_kept(tmp_path):
    text = ("1 Kvalitetsarbete\n\n"
            "Nämnden följer upp kvalitetsarbe-\n\ntet inom hälso-\n\noch sjukvård och LSS-\n\nverksamhet.\n\n"
            "• synpunkter från vård-\n  och omsorgsnämnden tas emot via e-\n  tjänsten\n"
            "- egenkontroller görs av verksam-\n  heten\n")
    _, blocks = _outline_and_blocks(tmp_path, text)
    assert [(b[1], b[2]) for b in blocks] == [
        (None, "Nämnden följer upp kvalitetsarbetet inom hälso- och sjukvård och LSS-verksamhet."),
        (0, "synpunkter från vård- och omsorgsnämnden tas emot via e-tjänsten"),
        (0, "egenkontroller görs av verksamheten"),
    ]


# Lower case only: in an export with a blank line after every line, a line in upper case starts a paragraph.
WORDS = ["verksamheten", "uppföljningen", "medarbetarna", "arbetsplatsträffen", "förbättringar", "rutinerna",
         "synpunkterna", "planeringen", "kvalitetsarbetet", "brukarna", "dokumentationen", "ansvaret",
         "hälso- och sjukvården", "vård- och omsorgsnämnden", "e-tjänsten", "kort- eller långsiktiga"]
phrase = st.lists(st.sampled_from(WORDS), min_size=3, max_size=20).map(" ".join)
part = st.one_of(phrase.map(lambda text: ("paragraph", text[0].upper() + text[1:] + ".")),
                 phrase.map(lambda text: ("bullet", text)))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.lists(part, min_size=1, max_size=4), min_size=1, max_size=4), st.integers(15, 60),
       st.lists(st.integers(0, 12), min_size=1, max_size=6), st.booleans())
def test_hyphenated_exports_of_any_width_read_back_every_paragraph_and_bullet(chapters, width, cuts, blank):
    joiner = "\n\n" if blank else "\n"
    lines, expected = [], []
    for number, parts in enumerate(chapters, 1):
        lines.append(f"{number} Kapitel")
        for kind, text in parts:
            wrapped = wrap_with_hyphens(text, width, cuts)
            if kind == "bullet":  # a hanging indent under the bullet's text
                wrapped = ["• " + wrapped[0], *("  " + line for line in wrapped[1:])]
            lines.append(joiner.join(wrapped))
            expected.append((0 if kind == "bullet" else None, text))
    with tempfile.TemporaryDirectory() as folder:
        outline, blocks = _outline_and_blocks(Path(folder), "\n\n".join(lines) + "\n")
    assert outline == [(1, str(number), "Kapitel") for number in range(1, len(chapters) + 1)]
    assert [(b[1], b[2]) for b in blocks] == expected
