"""Which words a sentence of the document's own denies: the thing said not to exist, never a place, a relation
or something set against the denial (analysis.denials)."""

from __future__ import annotations

import pytest

from sosfs_check.analysis.indexed import index_units
from sosfs_check.analysis.passages import analyse_passages
from sosfs_check.analysis.terms import WordForms, words
from sosfs_check.document.model import Locator, TextUnit


def _denied_words(catalog, text: str) -> set[str]:
    unit = TextUnit(block_id="b0", text=text, section_path=("5 Kvalitetsarbete",), section_level=1,
                    locator=Locator(section="5 Kvalitetsarbete", block_index=0))
    passages = analyse_passages(index_units([unit], WordForms.from_catalog(catalog)), catalog.matching)
    tokens = words(text)
    denial = passages.denied.get(0)
    return {tokens[position] for position in denial.positions} if denial else set()


# (sentence, a word it denies, a word it does not deny)
DENIALS = [
    ("Egna brukarundersökningar görs i dag inte i någon av enheterna.", "brukarundersökningar", "enheterna"),
    ("Nämnden tar i dag inte fram någon särskild kvalitetsberättelse.", "kvalitetsberättelse", "nämnden"),
    ("Det finns ännu ingen gemensam rutin för synpunkter från anhöriga.", "rutin", "synpunkter"),
    ("Någon sammanställning av klagomålen görs inte.", "sammanställning", "klagomålen"),
    ("Förvaltningen saknar en samlad plan för kompetensutveckling.", "plan", "förvaltningen"),
    ("En rutin för hantering av hot saknas.", "rutin", "hot"),
    ("Ingen brukarundersökning görs.", "brukarundersökning", "görs"),
    # a second negation shares the verb of the first
    ("Det finns i dag ingen rutin för klagomål och ingen plan för uppföljning.", "plan", "uppföljning"),
    # how far the work has come so far: the rest is lacking
    ("Aktiviteterna har hittills beskrivits för huvudprocessen hemtjänst.", "aktiviteterna", None),
    # the subject of the clause that holds the negation, not of the sentence
    ("Egenkontroller görs varje månad men brukarundersökningar görs inte alls.", "brukarundersökningar",
     "egenkontroller"),
    # denied in one part of the organisation: the thing is still denied, the part is not
    ("I hemtjänsten görs inga journalgranskningar.", "journalgranskningar", "hemtjänsten"),
]

# Sentences that deny no thing: a place or relation, something set against the denial, another clause's subject.
NOTHING_DENIED = [
    "Resultaten ingår inte i verksamhetens riskanalys men används som underlag.",
    "Lex Sarah-rapporter hanteras inte i avvikelsesystemet.",
    "Brukarundersökningar görs inte av enheterna själva utan av SKR varje år.",
    "Utöver det som görs vid förändringar görs inga riskanalyser.",
    # a negation that limits rather than denies
    "Egenkontroller görs inte på alla enheter.",
    "Riskanalyser görs inte bara inför förändringar.",
    "Enheterna rapporterar i dag inte till något nationellt kvalitetsregister.",
]


@pytest.mark.parametrize(("text", "denied", "kept"), DENIALS)
def test_a_negation_denies_its_subject_or_its_object(catalog, text, denied, kept):
    found = _denied_words(catalog, text)
    assert denied in found
    if kept is not None:
        assert kept not in found


@pytest.mark.parametrize("text", NOTHING_DENIED)
def test_a_place_a_relation_or_a_contrast_denies_no_thing(catalog, text):
    assert not _denied_words(catalog, text)


def test_conditions_and_own_arrangements_deny_nothing(catalog):
    assert not _denied_words(catalog, "Om en rutin saknas ska enhetschefen ta fram en inom en månad.")
    assert not _denied_words(catalog, "Enhetschefen ser till att brister inte uppstår.")


def test_word_lists_compared_with_tokens_refuse_mode_marks():
    from pydantic import ValidationError

    from sosfs_check.catalog.models import TopicDenial

    with pytest.raises(ValidationError, match="utan märkning"):
        TopicDenial(negations=("=inte",), verbs=("~gör",), subject_verbs=("~finns",), qualifiers=("=med",))
