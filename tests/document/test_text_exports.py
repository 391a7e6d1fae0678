"""Plain text copied out of Word or a PDF: wrapped lines, lost bullets, headings without styles."""

from __future__ import annotations

from pathlib import Path

from sosfs_check.document.reader import read


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


def test_indented_lines_after_a_colon_are_items_whose_bullets_were_lost(tmp_path):
    text = ("4. Ansvar\n"
            "Enhetschefen ansvarar för att:\n\n"
            " rutiner finns och är kända av\n\n"
            "medarbetarna\n\n"
            " avvikelser utreds\n\n"
            "Därefter följer nästa stycke.\n")
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
