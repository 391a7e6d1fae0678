"""Legal citations with stale ones flagged, and sentence splitting that respects Swedish abbreviations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosfs_check.analysis.indexed import index_units
from sosfs_check.analysis.references import ReferenceFinder
from sosfs_check.analysis.sentences import sentence_spans
from sosfs_check.catalog.models import LegalReference, LegalReferenceTable
from tests.analysis.test_frequencies import _unit


@pytest.mark.parametrize("text,expected", [
    ("Enligt socialtjänstlagen (2001:453) ska kvaliteten systematiskt utvecklas.", [("R1", "stale")]),
    ("Rapporteringsskyldigheten enligt 14 kap 2-7 §§ SoL gäller all personal.", [("R10", "stale")]),
    ("Ledningssystemet ersätter SOSFS 2006:11.", [("R12", "stale")]),
    ("Hälso- och sjukvårdslagen (2017:30) gäller.", [("R18", "current")]),
    ("Socialtjänstlagen gäller.", []),  # no year: nothing to date
])
def test_citations_and_their_status(catalog, text, expected):
    found = ReferenceFinder(catalog.legal_references).find(index_units([_unit(text)]))
    assert [(c.reference_id, c.status) for c in found] == expected
    for citation in found:
        if citation.status == "stale":
            assert citation.replacement and citation.location


def test_stale_citation_names_its_replacement(catalog):
    citation, = ReferenceFinder(catalog.legal_references).find(index_units([_unit("Se socialtjänstlagen (2001:453).")]))
    assert citation.replacement == "Socialtjänstlag (2025:400)" and citation.stale_since == "2025-07-01"


_CITING = ["Enligt socialtjänstlagen (2001:453) gäller detta.", "Se 14 kap 2-7 §§ SoL och SOSFS 2011:9.",
           "Lex Maria, 3 kap. 5 § PSL.", "Inget lagrum här.", "HSL 2017:30", "", "2001:453", "SoL"]


@settings(max_examples=100, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_CITING), max_size=8))
def test_one_scan_over_a_document_finds_what_each_passage_alone_does(catalog, texts):
    finder = ReferenceFinder(catalog.legal_references)
    units = [_unit(text).model_copy(update={"block_id": f"b{i:04d}"}) for i, text in enumerate(texts)]
    assert finder.find(index_units(units)) == [c for unit in units for c in finder.find(index_units([unit]))]


def test_a_pattern_that_could_run_into_the_next_passage_stays_in_its_own():
    table = LegalReferenceTable(checked_on="2026-01-01", references=[
        LegalReference(id="R1", label="Kapitel", status="current", patterns=[r"kap[^§]*§"])])
    units = [_unit("3 kap. utan paragraf"), _unit("5 § här"), _unit("4 kap. 2 § och 6 kap. 1 §")]
    found = ReferenceFinder(table).find(index_units(units))
    assert [c.text for c in found] == ["kap. 2 §", "kap. 1 §"]


@pytest.mark.parametrize("text,expected", [
    ("Nämnden beslutar. Enhetschefen följer upp.", ["Nämnden beslutar.", "Enhetschefen följer upp."]),
    ("Avvikelser utreds bl.a. av MAS enl. 3 kap. 2 § SOSFS 2011:9. Sedan återkopplas.",
     ["Avvikelser utreds bl.a. av MAS enl. 3 kap. 2 § SOSFS 2011:9.", "Sedan återkopplas."]),
    ("Det gäller t.ex. Lex Sarah.", ["Det gäller t.ex. Lex Sarah."]),
    ("Ingen punkt alls", ["Ingen punkt alls"]),
])
def test_sentence_spans(catalog, text, expected):
    spans = sentence_spans(text, catalog.matching.responsibility.abbreviations)
    assert [text[start:end] for start, end in spans] == expected


_WORDS = st.sampled_from(["nämnden", "rutinen", "avvikelser", "bl.a.", "t.ex.", "enl.", "3 kap.", "2 §", "följs",
                          "upp", "årligen", "och", "MAS"])
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=8).map(lambda ws: "Enhetschefen " + " ".join(ws) + ".")


@settings(max_examples=200, derandomize=True)
@given(st.lists(_SENTENCE, min_size=1, max_size=5))
def test_sentences_join_and_split_back_whatever_abbreviations_they_hold(catalog, sentences):
    text = " ".join(sentences)
    spans = sentence_spans(text, catalog.matching.responsibility.abbreviations)
    assert [text[start:end] for start, end in spans] == sentences
