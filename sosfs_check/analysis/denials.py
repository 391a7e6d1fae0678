"""Where a sentence of the document's own says that something does not exist.

"Egna brukarundersökningar görs i dag inte", "Nämnden tar i dag inte fram någon kvalitetsberättelse", "Det finns
ingen samlad analys av klagomålen", "Ingen brukarundersökning görs": a negation sentence (statements.py) denies
the words that open its clause as the subject of a denied verb of existence, and the words a few places after the
negation as its object. A negation that only restricts ("görs inte på alla enheter", "inte bara") denies nothing,
and neither does a sentence that sets something against the denial ("görs inte av nämnden utan av regionen"). The
matcher asks whether a requirement's topic stands in such a place, and not qualified as one part of it ("inga
skrivna samverkansrutiner med skolan" denies samverkan with the school, not samverkan). An own sentence that says
how far the work has come so far ("har hittills beskrivits för en av huvudprocesserna", "än så länge bara") says
the rest is lacking: all of it counts as denying.
"""

from __future__ import annotations

from typing import NamedTuple

from sosfs_check.analysis.clauses import one_clause
from sosfs_check.analysis.statements import OWN, Sentence
from sosfs_check.analysis.terms import TermIndex
from sosfs_check.catalog.models import TopicDenial


class DenialWords(NamedTuple):
    """Token positions in one text of the rule's negations, verbs and contrast words (TopicDenial)."""

    negations: frozenset[int]
    verbs: frozenset[int]
    subject_verbs: frozenset[int]
    contrasts: frozenset[int]
    limiters: frozenset[int] = frozenset()


class Denial(NamedTuple):
    """Where the negation sentences of one text deny: the token positions of what they deny, and the positions of
    the text's qualifying prepositions ("med", "för"): a denied term followed by one is denied only in part."""

    positions: frozenset[int]
    qualifiers: frozenset[int]


def denial_of(texts: TermIndex, text: str, index: int, sentences: tuple[Sentence, ...], rule: TopicDenial,
              words: DenialWords) -> Denial | None:
    """What the negation sentences of text `index` deny, or None when they deny nothing."""
    denied: set[int] = set()
    for sentence in sentences:
        inside = range(sentence.first_token, sentence.end_token)
        if sentence.kind == "negation" and not any(position in words.contrasts for position in inside):
            denied |= _denied_in(texts, text, index, sentence, rule, words)
        elif sentence.kind in OWN and any(position in words.limiters for position in inside):
            denied.update(inside)  # "har hittills beskrivits för en av processerna": the rest is lacking
    if not denied:
        return None
    tokens = texts.tokens(index)
    return Denial(frozenset(denied), frozenset(p for p, token in enumerate(tokens) if token in rule.qualifiers))


def _denied_in(texts: TermIndex, text: str, index: int, sentence: Sentence, rule: TopicDenial,
               words: DenialWords) -> set[int]:
    tokens = texts.tokens(index)
    end = sentence.end_token
    denied: set[int] = set()
    denying = False  # the last negation denied something: one coordinated with it ("… och ingen plan") does too
    for negation in (p for p in range(sentence.first_token, end) if p in words.negations):
        coordinated = denying and tokens[negation - 1] in rule.coordinators
        of_subject = _verb_before(negation, words.subject_verbs, rule.verb_reach)
        denying = coordinated or of_subject or _verb_before(negation, words.verbs, rule.verb_reach)
        if not denying or _restricts(tokens, negation, end, rule):
            denying = False
            continue
        if of_subject:
            start = _clause_start(texts, text, index, sentence.first_token, negation, rule)
            for position in range(start, min(start + rule.subject_opening, negation)):
                if tokens[position] in rule.prepositions:
                    break  # "I hemtjänsten görs inga …": what follows a preposition is no subject
                denied.add(position)
        denied |= _object_after(texts, text, index, negation, end, rule)
    # "Ingen brukarundersökning görs": the negation opens the sentence and the verb follows what it denies.
    first = sentence.first_token
    if first in words.negations and any(first < verb <= first + rule.object_reach + 1 for verb in words.subject_verbs):
        verb = min(verb for verb in words.subject_verbs if verb > first)
        denied |= {position for position in range(first + 1, verb) if tokens[position] not in rule.prepositions}
    return denied


def _verb_before(negation: int, verbs: frozenset[int], reach: int) -> bool:
    """A verb stands right before the negation ("finns i dag ingen", "görs inte"), or the negation is one
    ("saknas")."""
    return negation in verbs or any(negation - reach <= verb < negation for verb in verbs)


def _restricts(tokens: tuple[str, ...], negation: int, end: int, rule: TopicDenial) -> bool:
    """The negation limits rather than denies: "inte på alla enheter", "inte bara", "inte i hemtjänsten" (but "inte i
    någon av enheterna" denies everywhere)."""
    after = tokens[negation + 1:min(negation + 3, end)]
    if not after:
        return False
    if after[0] in rule.restrictions:
        return True
    return after[0] in rule.prepositions and (len(after) < 2 or after[1] not in rule.none_words)


def _clause_start(texts: TermIndex, text: str, index: int, first: int, negation: int, rule: TopicDenial) -> int:
    """The first token of the clause that holds the negation ("… men brukarundersökningar görs inte alls")."""
    tokens = texts.tokens(index)
    for position in range(negation, first, -1):
        if tokens[position - 1] in rule.clause_breaks or not one_clause(
                texts, text, index, position - 1, position, (), rule.clause_marks):
            return position
    return first


def _object_after(texts: TermIndex, text: str, index: int, negation: int, end: int, rule: TopicDenial) -> set[int]:
    """The words right after the negation, up to a preposition or another clause ("inte fram någon särskild
    kvalitetsberättelse"; "ingår inte i riskanalysen" denies a place or a relation, not a thing)."""
    tokens = texts.tokens(index)
    found: set[int] = set()
    for position in range(negation + 1, min(negation + 1 + rule.object_reach, end)):
        if tokens[position] in rule.prepositions or tokens[position] in rule.clause_breaks or not one_clause(
                texts, text, index, negation, position, rule.clause_breaks, rule.clause_marks):
            break
        found.add(position)
    return found
