"""Term matching: prefixes at word starts, inflections from the catalog's table, consecutive words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosfs_check.analysis.terms import TermIndex, find_terms, words

INFLECTIONS = {"följa": ("följer", "följde", "följs"), "sjuksköterska": ("sjuksköterskor", "sjuksköterskorna")}


@pytest.mark.parametrize("text,term,found", [
    ("Riskanalyserna görs årligen.", "riskanalys", True),           # inflection by prefix
    ("Avvikelsehanteringen beskrivs i rutinen.", "avvikelse", True),  # compound whose first part is the term
    ("Enhetschefen följer upp rutinen.", "följa upp", True),          # irregular inflection via the table
    ("Två sjuksköterskor deltar.", "sjuksköterska", True),             # plural the prefix misses
    ("Egenkontrollen görs varje månad.", "kontroll", False),           # never inside a word
    ("Vi följer rutinen och tar upp frågan.", "följa upp", False),     # words must be consecutive
    ("RISKANALYS", "riskanalys", True),                                # case ignored
    ("Hälso- och sjukvården ansvarar.", "hälso- och sjukvård", True),  # punctuation inside a term
])
def test_term_matching(text, term, found):
    assert bool(find_terms(text, [term], INFLECTIONS)) is found


def test_hits_give_the_span_of_the_first_occurrence():
    index = TermIndex(["Ingen träff här.", "Enhetschefen följer upp och följer upp igen."], INFLECTIONS)
    assert list(index.hits("följa upp")) == [1]
    start, end = index.span("följa upp", 1)
    assert "Enhetschefen följer upp och följer upp igen."[start:end] == "följer upp"


ALPHABET = "abcdeåäö"
word = st.text(alphabet=ALPHABET, min_size=1, max_size=6)


def _reference(text: str, term: str) -> bool:
    """Brute force: some window of consecutive tokens starts with the term's words, one by one."""
    tokens = words(text)
    parts = words(term)
    return any(all(tokens[i + k].startswith(part) for k, part in enumerate(parts))
               for i in range(len(tokens) - len(parts) + 1)) if parts else False


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.lists(word, max_size=8).map(" ".join), min_size=1, max_size=5),
       st.lists(word, min_size=1, max_size=2).map(" ".join))
def test_index_agrees_with_brute_force(texts, term):
    index = TermIndex(texts)
    assert set(index.hits(term)) == {i for i, text in enumerate(texts) if _reference(text, term)}
    for i in index.hits(term):
        start, end = index.span(term, i)
        assert re.sub(r"\s+", " ", texts[i][start:end]).lower().startswith(words(term)[0])


@settings(max_examples=200, derandomize=True)
@given(st.lists(st.text(alphabet=ALPHABET + "AÖ129 .,-", max_size=30), min_size=1, max_size=6),
       st.text(alphabet="abö12", min_size=1, max_size=3))
def test_substring_lookup_agrees_with_brute_force(texts, literal):
    """A run of letters or digits is in a text exactly when one of the text's words contains it."""
    index = TermIndex(texts)
    assert index.texts_with_substring(literal) == {i for i, text in enumerate(texts) if literal in text.lower()}


def test_numbers_match_exactly():
    assert find_terms("Se 5 kap. 1 § SOSFS 2011:9.", ["5 kap 1"]) == ["5 kap 1"]
    assert find_terms("Se 5 kap. 10 § SOSFS 2011:9.", ["5 kap 1"]) == []
