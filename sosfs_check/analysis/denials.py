"""Where a sentence of the document's own says that something does not exist.

"Egna brukarundersökningar görs i dag inte", "Nämnden tar i dag inte fram någon kvalitetsberättelse", "Det finns
ingen samlad analys av klagomålen": a negation sentence (statements.py) denies the words that open it as its
subject, in the same clause as the negation, and the words a few places after the negation, as its object. A
sentence that sets something else against the denial ("görs inte av nämnden utan av regionen", "utöver …")
denies nothing outright. The matcher asks whether a requirement's topic stands in such a place, and not
qualified as one part of it ("inga skrivna samverkansrutiner med skolan" denies samverkan with the school, not
samverkan).
"""

from __future__ import annotations

from typing import NamedTuple

from sosfs_check.analysis.clauses import one_clause
from sosfs_check.analysis.statements import Sentence
from sosfs_check.analysis.terms import TermIndex
from sosfs_check.catalog.models import TopicDenial


class Denial(NamedTuple):
    """Where the negation sentences of one text deny: the token positions of what they deny, and of the words that
    qualify a denied thing as one part of something ("med", "för"): a term followed by one is denied only in
    part."""

    positions: frozenset[int]
    qualifiers: frozenset[int]


def denial_of(texts: TermIndex, text: str, index: int, sentences: tuple[Sentence, ...], rule: TopicDenial,
              words: DenialWords) -> Denial | None:
    """What the negation sentences of text `index` deny, or None when they deny nothing."""
    positions = _denied_positions(texts, text, index, sentences, rule, words)
    if not positions:
        return None
    tokens = texts.tokens(index)
    return Denial(positions, frozenset(position for position in range(min(positions), len(tokens))
                                       if tokens[position] in rule.qualifiers))


def _denied_positions(texts: TermIndex, text: str, index: int, sentences: tuple[Sentence, ...],
                      rule: TopicDenial, words: DenialWords) -> frozenset[int]:
    """The token positions of text `index` where a word stands denied."""
    denied: set[int] = set()
    tokens = texts.tokens(index)
    for sentence in sentences:
        if sentence.kind != "negation":
            continue
        inside = range(sentence.first_token, sentence.end_token)
        if any(position in words.contrasts for position in inside):
            continue
        for negation in (position for position in inside if position in words.negations):
            # An existence denied: a verb of being or doing right before the negation ("finns i dag ingen",
            # "görs inte", "tar i dag inte fram"), or a verb that denies by itself ("saknas").
            def before(verbs: frozenset[int], negation: int = negation) -> bool:
                return negation in verbs or any(negation - rule.verb_reach <= verb < negation for verb in verbs)
            of_subject = before(words.subject_verbs)
            if not (of_subject or before(words.verbs)):
                continue
            opening = min(sentence.first_token + rule.subject_opening, negation) if of_subject else 0
            for position in range(sentence.first_token, opening):
                if tokens[position] in rule.prepositions:
                    break  # "I hemtjänsten görs inga …": what follows a preposition is no subject
                if one_clause(texts, text, index, position, negation, rule.clause_breaks, rule.clause_marks):
                    denied.add(position)
            for position in range(negation + 1, min(negation + 1 + rule.object_reach, sentence.end_token)):
                if tokens[position] in rule.prepositions or not one_clause(
                        texts, text, index, negation, position, rule.clause_breaks, rule.clause_marks):
                    break  # "ingår inte i riskanalysen": a place or a relation is denied, not the thing
                denied.add(position)
    return frozenset(denied)


class DenialWords(NamedTuple):
    """Token positions in one text of the rule's negations, verbs (TopicDenial) and contrast words."""

    negations: frozenset[int]
    verbs: frozenset[int]
    subject_verbs: frozenset[int]
    contrasts: frozenset[int]
