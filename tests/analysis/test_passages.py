"""Positive and near-miss Swedish passages for every kind of evidence the matcher weighs."""

from __future__ import annotations

import pytest

from sosfs_check.analysis.indexed import index_units
from sosfs_check.analysis.passages import analyse_passages
from sosfs_check.analysis.terms import WordForms
from sosfs_check.assessment.run import check
from sosfs_check.document.model import Locator, TextUnit
from sosfs_check.matching.matcher import match_requirement


def _unit(text: str, section: tuple[str, ...] = ("4 Kvalitetsarbete",), header: str | None = None,
          list_item: bool = False, index: int = 0) -> TextUnit:
    return TextUnit(block_id=f"b{index:04d}", text=text, section_path=section, section_level=len(section),
                    locator=Locator(section=" › ".join(section), block_index=index,
                                    row=0 if header else None, column=0 if header else None),
                    column_header=header, is_list_item=list_item)


# (passage, column header, expected kind)
KINDS = [
    ("Enhetschefen ansvarar för att riskanalyser genomförs inför varje större förändring.", None, "arrangement"),
    ("Avvikelser rapporteras i verksamhetssystemet och utreds av enhetschef.", None, "arrangement"),
    ("Vårdgivaren eller den som bedriver socialtjänst ska identifiera processer.", None, "regulation"),
    ("Enligt 5 kap. 1 § ska den som bedriver verksamheten fortlöpande bedöma risker.", None, "regulation"),
    ("Enligt 24 a § LSS ska var och en medverka till att verksamheten håller god kvalitet.", None, "regulation"),
    ("Kapitel 3–6 följer kapitlen i SOSFS 2011:9 och tar upp personalens medverkan.", None, "mention"),
    ("Dokumentationskravet enligt SOSFS 2011:9 omfattar alla delar av kvalitetsarbetet.", None, "regulation"),
    ("Riskanalyser genomförs årligen.", "Krav i författningen SOSFS 2011:9", "regulation"),   # the column decides
    ("Ett flöde av arbetsmoment som leder fram till ett resultat.", "Betydelse i detta dokument", "mention"),
    ("Lag om samverkan vid utskrivning från sluten hälso- och sjukvård (2017:612)", None, "regulation"),  # a law
    ("Samverkansskyldigheten finns reglerad i olika lagar och föreskrifter.", None, "regulation"),
    (("Socialstyrelsens föreskrifter och allmänna råd om ledningssystem för systematiskt kvalitetsarbete "
     "(SOSFS 2011:9),"), None, "regulation"),                                  # a title in a list of laws
    ("En process kan beskrivas som en serie aktiviteter som skapar värde.", None, "mention"),  # a definition
    ("Förvaltningen planerar att införa riskanalyser under nästa år.", None, "mention"),       # a plan
    ("Syftet med egenkontroll är att upptäcka brister i tid.", None, "mention"),               # a purpose
    ("Kvalitet handlar om att möta den enskildes behov.", None, "mention"),     # what a word means
    ("Kvaliteten i insatserna är god enligt brukarna.", None, "prose"),
    ("Nämndens enheter registrerar i dag inte i något kvalitetsregister.", None, "mention"),  # denied for now
    ("Socialnämndens verksamheter registrerar inte själva i kvalitetsregister.", None, "mention"),  # denied
    ("Senior alert används av hälso- och sjukvårdsnämndens legitimerade personal.", None, "mention"),  # another body
    ("Enhetschefen ser till att rutinerna följs och att brister inte uppstår.", None, "arrangement"),
    ("Under 2027 vill förvaltningen ta fram en rutin för SIP med regionen.", None, "mention"),  # a wish
    ("Nämnden vill särskilt utveckla samarbetet med skolan.", None, "mention"),
    ("Ta fram en anvisning för hur riskanalyser ska dokumenteras.", None, "mention"),  # a to-do item
    ("Ta emot anmälan och registrera den i verksamhetssystemet samma dag.", None, "arrangement"),  # a routine step
    ("Från och med verksamhetsberättelsen för 2027 ska resultaten redovisas över tid.", None, "mention"),
    ("Avsikten är att en kvalitetsberättelse ska tas fram första gången för verksamhetsåret 2027.", None,
     "mention"),
    ("Förvaltningen ska undersöka om kommunen kan ansluta sig till länets arbete.", None, "mention"),
    ("Nämndens ambition är att samverkan med polisen ska vara ordnad.", None, "mention"),  # an intention
    ("Förvaltningen undersöker varje år hur brukarna upplever hemtjänsten och redovisar det för nämnden.", None,
     "arrangement"),
    ("Enheterna registrerar i dag inte bara fall utan också trycksår i Senior alert.", None, "arrangement"),
    ("Kravet: För varje process ska de aktiviteter som ingår identifieras.", None, "regulation"),  # a quoted label
    ("Av socialtjänstlagen och 24 a § LSS följer att var och en ska medverka till god kvalitet.", None,
     "regulation"),
    ("Kvalitetsrådet pekade ut följande utvecklingsområden för 2026–2027:", None, "mention"),
    ("I årsanalysen pekas nya förbättringsområden för kommande år ut.", None, "prose"),  # no plan: a recurring step
    ("MAS har pekat ut följande processer där samverkan behövs för att förebygga vårdskador:", None, "arrangement"),
    ("Klagomål på hälso- och sjukvården tar vi inte emot i e-tjänsten.", None, "mention"),  # subject after verb
    ("I dag gör vi ingen egen undersökning av medarbetarnas förhållningssätt.", None, "mention"),
    ("Någon särskild kvalitetsberättelse tar nämnden i dag inte fram.", None, "mention"),
    ("Om enheten ännu inte har någon riskanalys gör enhetschefen en inom en månad.", None, "arrangement"),
]


@pytest.mark.parametrize("section,kind", [
    (("13 Utvecklingsområden 2026–2028",), "mention"),   # still to be done
    (("5 Förbättringsområden",), "mention"),
    (("5 Förbättringsarbete",), "arrangement"),         # the organisation's ongoing work
])
def test_a_section_of_things_still_to_do_holds_plans(catalog, section, kind):
    unit = _unit("Förvaltningschefen tar fram en rutin för klagomål och fastställer den i juni.", section=section)
    passage, = analyse_passages(index_units([unit], WordForms.from_catalog(catalog)), catalog.matching).items
    assert passage.kind == kind, passage.signals


@pytest.mark.parametrize("text,header,kind", KINDS, ids=[k[0][:40] for k in KINDS])
def test_passage_kinds(catalog, text, header, kind):
    passage, = analyse_passages(index_units([_unit(text, header=header)], WordForms.from_catalog(catalog)), catalog.matching).items
    assert passage.kind == kind, passage.signals


def test_bullets_inherit_their_introduction(catalog):
    units = [_unit("Egenkontrollen ska innefatta;", index=0),
             _unit("jämförelser av verksamhetens resultat med nationella kvalitetsregister.", list_item=True, index=1),
             _unit("Enligt 5 kap. 2 § ska egenkontroll omfatta:", index=2),
             _unit("granskning av journaler genomförs", list_item=True, index=3)]
    kinds = [p.kind for p in analyse_passages(index_units(units, WordForms.from_catalog(catalog)), catalog.matching)]
    assert kinds == ["arrangement", "arrangement", "regulation", "regulation"]


# (requirement, passage, section, matched?) – phrases, heading context and elements together
MATCHES = [
    ("RISK-2", "Varje risk värderas utifrån sannolikhet och konsekvens i en riskmatris.", ("5 Riskanalys",), True),
    ("RISK-2", "Sannolikheten att målen nås bedöms i budgeten.", ("2 Ekonomi",), False),   # element without topic
    ("EGEN-AR-5", "Enhetschefen gör journalgranskning två gånger per år.", ("6 Egenkontroll",), True),
    ("EGEN-AR-5", "MAS ansvarar för att journaler förs enligt patientdatalagen.", ("3 Ansvar",), False),
    ("KLAG-1", "Klagomål tas emot av enhetschefen och utreds inom två veckor.", ("7 Klagomål",), True),
    ("RISK-1", "Barn som riskerar att fara illa får stöd.", ("3 Verksamhet",), False),    # 'riskerar' is no analysis
    ("SAMV-SOL-3", "Samverkan med Försäkringskassan regleras i en överenskommelse.", ("5 Samverkan",), True),
]


@pytest.mark.parametrize("requirement_id,text,section,matched", MATCHES, ids=[f"{m[0]}-{m[3]}" for m in MATCHES])
def test_requirement_matching(catalog, requirement_id, text, section, matched):
    passages = analyse_passages(index_units([_unit(text, section)], WordForms.from_catalog(catalog)), catalog.matching)
    found = [m for m in match_requirement(catalog[requirement_id], passages) if m.phrases]
    assert bool(found) is matched


def test_a_word_in_an_enumeration_of_many_topics_is_only_a_mention(tmp_path, catalog):
    # Four topics listed close together (egenkontroll, avvikelser, klagomål, riskanalyser).
    text = ("Processer och rutiner ändras utifrån det förbättringsarbete som sker vid egenkontroll, utredning av "
            "avvikelser och klagomål samt riskanalyser.")
    path = tmp_path / "uppräkning.txt"
    path.write_text(f"1 Kvalitetsarbete\n{text}\n", encoding="utf-8")
    finding = check(path).finding("RISK-1")
    assert finding.status == "partial"
    assert "uppräkning" in finding.evidence[0].method
