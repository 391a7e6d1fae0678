"""Match classified passages against a requirement's evidence spec.

For every requirement the matcher collects the passages that name its topic
(a catalog phrase in the passage, or a heading term in its section path plus
an element in the passage) and records which essential elements each own
passage carries. It decides nothing; the assessment stage does.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

from sosfs_check.analysis.passages import Passage, PassageSet
from sosfs_check.analysis.terms import TermIndex
from sosfs_check.catalog.models import Requirement


class PassageMatch(NamedTuple):
    """One passage that speaks to a requirement, and how. Thousands are made per document and none is
    serialised (the assessment quotes a few as Evidence): an immutable named tuple, which is made three
    times faster than a frozen dataclass."""

    passage: Passage
    phrases: Sequence[str]
    heading_terms: Sequence[str]
    elements: Sequence[str]       # names of the requirement's elements found in this passage
    score: float
    near_misses: Sequence[str] = ()  # near-miss terms: the passage speaks of something else
    enumerated_topics: Sequence[str] = ()  # set when the passage names many topics at once
    texts: TermIndex | None = None  # to locate phrases on demand
    index: int = -1               # the passage's position in the document's passage list

    @property
    def span(self) -> tuple[int, int] | None:
        """Characters of the earliest matched phrase in the passage text (only computed for quoted evidence)."""
        if self.texts is None:
            return None
        spans = [span for term in self.phrases if (span := self.texts.span(term, self.index)) is not None]
        return min(spans) if spans else None

    @property
    def effective_kind(self) -> str:
        """The passage's kind for this requirement: a near miss or a word in an enumeration only mentions it."""
        if (self.near_misses or self.enumerated_topics) and self.passage.kind in ("arrangement", "prose"):
            return "mention"
        return self.passage.kind


def match_requirement(requirement: Requirement, passages: PassageSet) -> list[PassageMatch]:
    spec = requirement.evidence
    texts, contexts = passages.texts, passages.contexts
    # Per passage, what it contains: built from each term's hits, so the cost follows the hits, not the
    # number of passages times the number of terms.
    phrases_at = texts.texts_with(spec.phrases)
    headings_at = contexts.texts_with(spec.heading_terms)
    elements_at: dict[int, list[str]] = {}
    for element in spec.elements:
        # An element in any own cell of a table row counts for every cell of the row ("Kvartalsvis" in the
        # Hur ofta column gives the Sammanställning row its regularity).
        found = set().union(*(texts.hits(term) for term in element.terms))
        for index in found | {mate for index in found for mate in passages.row_mates.get(index, ())}:
            elements_at.setdefault(index, []).append(element.name)
    near_misses_at = texts.texts_with(spec.near_miss_terms)
    # A passage without a catalog phrase counts only under a heading on the topic, and then only if it holds
    # one of the requirement's elements (or, for a requirement without elements, is an own arrangement).
    heading_only = headings_at.keys() - phrases_at.keys()
    heading_only &= elements_at.keys() if spec.elements else passages.arrangements
    ranked: list[tuple[float, int, PassageMatch]] = []
    items = passages.items
    for index in phrases_at.keys() | heading_only:
        passage = items[index]
        phrases = phrases_at.get(index, ())
        headings = headings_at.get(index, ())
        elements = elements_at.get(index, ())
        near_misses = near_misses_at.get(index, ())
        score = (len(phrases) + 0.5 * len(headings) + len(elements) + (passage.kind == "arrangement")
                 - len(near_misses))
        ranked.append((-score, index, PassageMatch(passage, phrases, headings, elements, score, near_misses,
                                                   texts=texts, index=index)))
    # Strongest first; among equals, reading order (passage index) keeps the output deterministic.
    ranked.sort(key=_RANK)
    return [match for _, _, match in ranked]


_RANK = itemgetter(0, 1)


def topic(requirement_id: str) -> str:
    """The topic family of a requirement: RISK-2 → RISK, EGEN-AR-5 → EGEN, SAMV-HSL-1 → SAMV."""
    return requirement_id.split("-", 1)[0]


def mark_enumerations(matches: dict[str, list[PassageMatch]], min_topics: int) -> dict[str, list[PassageMatch]]:
    """Flag passages whose catalog phrases belong to at least min_topics topic families.

    "Processer ändras utifrån uppföljning, egenkontroll, utredning av avvikelser och riskanalyser" names
    four topics and arranges none of them: for each it is a word in an enumeration, i.e. a mention.
    """
    topics_of: dict[int, set[str]] = {}  # by passage index
    for requirement_id, found in matches.items():
        family = topic(requirement_id)
        for match in found:
            if match.phrases:
                topics_of.setdefault(match.index, set()).add(family)
    crowded = {index: sorted(topics) for index, topics in topics_of.items() if len(topics) >= min_topics}
    return {requirement_id: [match._replace(enumerated_topics=crowded[match.index])
                             if match.phrases and match.index in crowded else match for match in found]
            for requirement_id, found in matches.items()}
