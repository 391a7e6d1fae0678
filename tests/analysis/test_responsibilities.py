"""Responsibility statements from real sentences of the seed documents, lists, role headings and tables."""

from __future__ import annotations

import pytest

from sosfs_check.analysis.indexed import index_units
from sosfs_check.analysis.responsibilities import extract_responsibilities
from sosfs_check.analysis.terms import WordForms
from sosfs_check.document.model import Locator, TextUnit


def _unit(text: str, section: tuple[str, ...] = ("3 Ansvarsfördelning",), list_item: bool = False,
          index: int = 0, header: str | None = None, row: int | None = None, column: int | None = None) -> TextUnit:
    return TextUnit(block_id=f"b{index:04d}", text=text, section_path=section, section_level=len(section),
                    locator=Locator(section=" › ".join(section), block_index=index, row=row, column=column,
                                    char_end=len(text)),
                    column_header=header, is_list_item=list_item)


def _statements(catalog, *units):
    return [(r.role, r.form, r.duty) for r in extract_responsibilities(index_units(list(units), WordForms.from_catalog(catalog)), catalog)]


# Sentences as the seeds write them: (text, [(role, form, duty start)])
SENTENCES = [
    (("Förvaltningschefen har det yttersta ansvaret för att planera, leda, kontrollera, följa upp, utvärdera och "
     "förbättra verksamheten."), [("förvaltningschef", "yttersta_ansvar", "planera, leda")]),           # 001
    (("Avdelningschef har ett samlat ledningsansvar för att verksamheten bedrivs med god kvalitet. Avdelningschef "
     "ansvarar för att planera, leda, kontrollera, utvärdera, följa och förbättra verksamheten."),
     [("avdelningschef", "yttersta_ansvar", "verksamheten bedrivs"),
      ("avdelningschef", "ansvarar_för", "planera, leda")]),                                             # 001
    (("Socialnämnden ansvarar för att uppföljning och utvärdering sker av både verksamheten och "
     "kvalitetsledningssystemet."), [("nämnd", "ansvarar_för", "uppföljning och utvärdering")]),        # 001
    ("Varje chef ska tillse att det finns ett klimat som uppmuntrar och stödjer denna del av arbetet.",
     [("chef", "ska", "tillse att det finns")]),                                                       # 001
    ("Respektive verksamhet ansvarar för att ta fram, implementera, utveckla och följa upp sina processer.",
     [("Respektive verksamhet", "ansvarar_för", "ta fram")]),                                          # 001, unknown role kept
    ("AMF Trelleborg ansvarar för att genomföra egenkontroller.",
     [("AMF Trelleborg", "ansvarar_för", "genomföra egenkontroller")]),                                # 000
    ("Enhetschef och MAS ansvarar för att avvikelser utreds enl. 3 kap. 2 § i rutinen.",
     [("enhetschef", "ansvarar_för", "avvikelser utreds enl. 3 kap. 2 §"),
      ("mas", "ansvarar_för", "avvikelser utreds enl. 3 kap. 2 §")]),                                 # two roles, abbreviation
    # Common wordings beyond the seeds: the owner after the duty, "ytterst ansvarig", "har till uppgift att".
    ("Det är enhetschefens ansvar att avvikelser utreds.", [("enhetschef", "ansvarar_för", "avvikelser utreds")]),
    ("Ansvaret för egenkontrollen ligger på enhetschefen.", [("enhetschef", "ansvarar_för", "egenkontrollen")]),
    ("Ansvaret för lex Maria vilar hos MAS.", [("mas", "ansvarar_för", "lex Maria")]),
    ("Socialnämnden är ytterst ansvarig för kvaliteten.", [("nämnd", "yttersta_ansvar", "kvaliteten")]),
    ("Avdelningschefen har till uppgift att följa upp kvaliteten.",
     [("avdelningschef", "ansvarar_för", "följa upp kvaliteten")]),
]


@pytest.mark.parametrize("text,expected", SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_sentences(catalog, text, expected):
    found = _statements(catalog, _unit(text))
    assert [(role, form) for role, form, _ in found] == [(role, form) for role, form, _ in expected]
    for (_, _, duty), (_, _, start) in zip(found, expected, strict=True):
        assert duty.startswith(start)


@pytest.mark.parametrize("text", [
    "En förutsättning för att medarbetare ska kunna ta sitt ansvar är att all personal har kunskap.",  # 001
    "Samverkan ska bedrivas mellan socialförvaltningen och andra förvaltningar.",                  # 003: "ska", no role
    "Vi arbetar i team som gemensamt ansvarar för hela processen.",                               # 000: no role subject
    "Det är viktigt att rutinerna följs.",
    "Ansvaret för kvaliteten ligger på oss alla.",                                                # no role named
    "Det är allas ansvar att rapportera brister.",
    # A question word, a thing or a document is no owner, however the sentence is built.
    "Vem som ansvarar för uppföljningen framgår av delegationsordningen.",
    "Vad som ska göras framgår av rutinen.",
    "Ledningssystemet har till uppgift att säkra verksamhetens kvalitet.",
    "En riskanalys ansvarar för att risker upptäcks i tid.",
    "Rutinen har till uppgift att beskriva arbetet steg för steg.",
])
def test_near_misses_give_no_statement(catalog, text):
    assert _statements(catalog, _unit(text)) == []


@pytest.mark.parametrize("owner", ["–", "-", "Genomför loggkontroller.",
                                   ("Ansvarar för behörigheter och loggkontroller i verksamhetssystemet och följer upp "
                                   "dem varje månad.")])
def test_an_ansvar_cell_that_is_a_dash_or_a_sentence_names_no_owner(catalog, owner):
    units = [_unit("Loggkontroll", header="Aktivitet", row=1, column=0, index=5),
             _unit(owner, header="Ansvarig", row=1, column=1, index=5)]
    assert extract_responsibilities(index_units(units, WordForms.from_catalog(catalog)), catalog) == []


def test_an_ansvar_cell_with_a_name_outside_the_lexicon_keeps_it(catalog):
    units = [_unit("Loggkontroll", header="Aktivitet", row=1, column=0, index=5),
             _unit("Systemförvaltaren", header="Ansvarig", row=1, column=1, index=5)]
    result = extract_responsibilities(index_units(units, WordForms.from_catalog(catalog)), catalog)
    assert [(r.role, r.known_role, r.role_label, r.duty) for r in result] == [
        ("Systemförvaltaren", False, "Systemförvaltaren", "Loggkontroll")]


def test_introduction_with_colon_owns_the_following_bullets(catalog):
    found = _statements(
        catalog,
        _unit("Medarbetaren ansvarar för att:", index=1),
        _unit("känna till och arbeta i enlighet med verksamhetens processer", list_item=True, index=2),
        _unit("rapportera avvikelser och tillbud", list_item=True, index=3),
        _unit("Enhetschef ansvarar för att:", list_item=True, index=4),   # a bullet that starts a new list
        _unit("utöva egenkontroll", list_item=True, index=5),
        _unit("Nytt stycke utan ansvar.", index=6),
        _unit("punkt som inte hör till någon", list_item=True, index=7),
    )
    assert found == [("medarbetare", "list_item", "känna till och arbeta i enlighet med verksamhetens processer"),
                     ("medarbetare", "list_item", "rapportera avvikelser och tillbud"),
                     ("enhetschef", "list_item", "utöva egenkontroll")]


def test_semicolon_introduction_and_subjectless_introduction_under_a_role_heading(catalog):
    found = _statements(
        catalog,
        _unit("Förvaltningschefen ansvarar för;", section=("4 Ansvarsfördelning i planeringsfasen",), index=1),
        _unit("att besluta om förvaltningens övergripande verksamhetsplan", list_item=True,
              section=("4 Ansvarsfördelning i planeringsfasen",), index=2),                               # 003
        _unit("Har ett särskilt ansvar för att:", section=("3 Ansvar", "3.4 MAS"), index=3),             # 001
        _unit("rapportera Lex Maria till IVO", list_item=True, section=("3 Ansvar", "3.4 MAS"), index=4),
    )
    assert [(role, form) for role, form, _ in found] == [("förvaltningschef", "list_item"), ("mas", "list_item")]


def test_bullets_directly_under_a_role_heading(catalog):
    section = ("3 Ansvarsfördelning", "3.3 Enhetschef")
    found = _statements(catalog, _unit("ta emot och utreda synpunkter, klagomål och avvikelser", list_item=True,
                                       section=section))
    assert found == [("enhetschef", "list_item", "ta emot och utreda synpunkter, klagomål och avvikelser")]


@pytest.mark.parametrize("header,row", [
    (("Aktivitet", "Frekvens", "Ansvarig"),
     [("Egenkontroll av journalföring", 0), ("2 ggr/år", 1), ("Enhetschef, MAS", 2)]),
    (("Ansvarig", "Aktivitet", "Frekvens"),   # the owner first: activity and frequency come after it
     [("Enhetschef, MAS", 0), ("Egenkontroll av journalföring", 1), ("2 ggr/år", 2)]),
])
def test_ansvar_column_gives_one_statement_per_role_with_the_rows_frequencies(catalog, header, row):
    units = [_unit(text, header=header[column], row=1, column=column, index=5) for text, column in row]
    result = extract_responsibilities(index_units(units, WordForms.from_catalog(catalog)), catalog)
    assert [(r.role, r.form, r.duty) for r in result] == [
        ("enhetschef", "table_column", "Egenkontroll av journalföring"),
        ("mas", "table_column", "Egenkontroll av journalföring")]
    assert [f.normalised for f in result[0].frequencies] == ["2 gånger per år"]


@pytest.mark.parametrize("header,row,expected", [
    # "Roll | Ansvar": the Ansvar column holds the duty, the role stands in its own cell
    (("Roll", "Ansvar"), ["Förvaltningschef", "Säkerställer att enhetschefer har stöd i kvalitetsarbetet."],
     ("förvaltningschef", "Säkerställer att enhetschefer har stöd i kvalitetsarbetet")),
    (("Funktion", "Ansvar och uppgifter"), ["MAS", "Utreder händelser enligt lex Maria och rapporterar till IVO"],
     ("mas", "Utreder händelser enligt lex Maria och rapporterar till IVO")),
    # an Ansvar cell that names its owners keeps them, even beside a cell that is a role
    (("Roll", "Ansvarig"), ["Enhetschef", "MAS"], ("mas", "Enhetschef")),
])
def test_role_and_duty_tables(catalog, header, row, expected):
    units = [_unit(text, header=header[column], row=1, column=column, index=5) for column, text in enumerate(row)]
    result = extract_responsibilities(index_units(units, WordForms.from_catalog(catalog)), catalog)
    assert [(r.role, r.duty) for r in result] == [expected]


@pytest.mark.parametrize("text,expected", [
    ("MAS: rapporterar lex Maria till IVO och informerar nämnden.", [("mas", "role_label")]),
    ("Enhetschef – följer upp avvikelser varje månad", [("enhetschef", "role_label")]),
    ("Observera: rutinen gäller alla.", []),                    # a label that is no role
])
def test_role_label_lines(catalog, text, expected):
    found = extract_responsibilities(
        index_units([_unit(text, section=("3 Ansvarsfördelning SoL/HSL",), list_item=True)], WordForms.from_catalog(catalog)), catalog)
    assert [(r.role, r.form) for r in found] == expected
    if expected:
        assert found[0].duty and not found[0].duty.startswith((":", "–"))
