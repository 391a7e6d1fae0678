"""Term matching: words as words (endings, declared compounds, exact acronyms), consecutive words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosfs_check.analysis.terms import TermIndex, WordForms, find_terms, term_words, words


@pytest.fixture(scope="module")
def forms(catalog) -> WordForms:
    return WordForms.from_catalog(catalog)


@pytest.mark.parametrize("text,term,found", [
    ("Riskanalyserna görs årligen.", "riskanalys", True),             # a regular ending
    ("Avvikelsehanteringen beskrivs i rutinen.", "avvikelse", True),    # compound whose first part is the term
    ("Klagomålshanteringen följs upp.", "klagomål", True),              # compound with a linking s
    ("Enhetschefen följer upp rutinen.", "följa upp", True),            # inflected from the stem
    ("Rutinerna granskas varje år.", "granska", True),                  # stem + ending
    ("Två sjuksköterskor deltar.", "sjuksköterska", True),               # stem + plural ending
    ("Synpunkterna togs emot av enheten.", "ta emot", True),            # irregular form from the table
    ("Egenkontrollen görs varje månad.", "kontroll", False),             # never inside a word
    ("Vi följer rutinen och tar upp frågan.", "följa upp", False),       # words must be consecutive
    ("RISKANALYS", "riskanalys", True),                                  # case ignored
    ("Hälso- och sjukvården ansvarar.", "hälso- och sjukvård", True),    # punctuation inside a term
    # Near misses of the old prefix matching: an ending is one of a closed list, acronyms are exact.
    ("Vi ska skapa nya arbetssätt.", "ska", True),
    ("Personalen ska inte skapa oro.", "skapa", True),
    ("Arbetet skapar trygghet.", "ska", False),
    ("Fallskador och trycksår följs upp.", "ska", False),
    ("Kommunen samarbetar med Solna stad.", "=sol", False),
    ("Insatser enligt SoL beviljas.", "=sol", True),
    ("Maskinen servas årligen.", "=mas", False),
    ("MAS ansvarar för lex Maria.", "=mas", True),
    ("Myndighetsutövningen granskas.", "~myndighet", False),
    ("Samverkan sker med andra myndigheter.", "~myndighet", True),
    ("Enligt 24 b § LSS rapporteras missförhållanden.", "24 b §", True),
    ("Det finns 24 boenden i kommunen.", "24 b §", False),
    ("Brukarenkäten skickas ut i mars.", "*enkät", True),
    ("Brukarenkäten skickas ut i mars.", "enkät", False),
    ("Systematiskt kvalitetsarbete.", "*system", False),                 # a head never starts a compound
    ("Avvikelsesystemet används.", "*system", True),
    ("Riskfri hantering.", "risk", False),                               # too short to start a compound
    ("Systematiskt kvalitetsarbete.", "system", False),                  # derived, not compounded
    ("En rutinerad medarbetare.", "rutin", False),
    ("Verksamhetssystemet används.", "verksamhet", True),                 # a compound still is one
    ("Kvalitetshöjande insatser.", "kvalitet", True),
    ("Enhetschefen utreder synpunkten.", "synpunkter", True),            # a noun written in the plural
    ("En avvikelse rapporteras.", "avvikelser", True),
    ("Förr arbetade alla på samma sätt.", "~arbetar", False),           # a verb in the present keeps its tense
    # A particle verb is another verb: following up results is not following routines.
    ("Resultaten följs upp varje kvartal.", "följs", False),
    ("Enhetschefen följer upp att rutinerna används.", "följa", False),
    ("Medarbetarna följer rutinerna.", "följa", True),
    ("Rutinerna följs upp och följs.", "följs", True),                   # the second one is the verb alone
    ("Resultaten följs upp varje kvartal.", "följs upp", True),
    ("Enheten tar fram en plan.", "ta", False),
])
def test_term_matching(forms, text, term, found):
    assert bool(find_terms(text, [term], forms)) is found


def test_hits_give_the_span_of_the_first_occurrence(forms):
    index = TermIndex(["Ingen träff här.", "Enhetschefen följer upp och följer upp igen."], forms)
    assert list(index.hits("följa upp")) == [1]
    assert index.positions("följa upp", 1) == [1, 4]
    start, end = index.span("följa upp", 1)
    assert "Enhetschefen följer upp och följer upp igen."[start:end] == "följer upp"


ALPHABET = "abcdeåäö"
word = st.text(alphabet=ALPHABET, min_size=1, max_size=7)
mark = st.sampled_from(["", "=", "~", "*"])


def _reference(text: str, term: str, forms: WordForms) -> bool:
    """Brute force: some window of consecutive tokens holds a form of each word of the term, in order."""
    tokens = words(text)
    parts = term_words(term)
    return any(all(forms.matches(tokens[i + k], m, w) for k, (m, w) in enumerate(parts))
               for i in range(len(tokens) - len(parts) + 1)) if parts else False


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.lists(word, max_size=8).map(" ".join), min_size=1, max_size=5),
       st.lists(st.tuples(mark, word).map("".join), min_size=1, max_size=2).map(" ".join))
def test_index_agrees_with_brute_force(texts, term):
    forms = WordForms(suffixes=frozenset({"s", "en", "er", "a", "de"}), compound_min_word=3, compound_min_part=2)
    index = TermIndex(texts, forms)
    assert set(index.hits(term)) == {i for i, text in enumerate(texts) if _reference(text, term, forms)}
    for i in index.hits(term):
        start, end = index.span(term, i)
        first = words(re.sub(r"\s+", " ", texts[i][start:end]))[0]
        assert forms.matches(first, *term_words(term)[0])


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


def test_catalog_short_words_are_declared_or_exact(catalog):
    """A short unmarked word with endings is a trap ("sol" finds "solen", "mas" "masen"): each one is either
    declared safe in matching.yaml or marked exact."""
    allowed = set(catalog.matching.term_matching.short_words)
    risky = sorted({(word, term) for term in catalog.term_strings() for mark_, word in term_words(term)
                    if 1 < len(word) <= 3 and not word.isdigit() and mark_ != "=" and word not in allowed})
    assert risky == []
