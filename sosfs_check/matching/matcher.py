"""Match classified passages against a requirement's evidence spec.

For every requirement the matcher collects the passages that name its topic
(a catalog phrase in the passage, or a heading term in its section path plus
an element in the passage) and records which essential elements each own
passage carries. It decides nothing; the assessment stage does.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sosfs_check.analysis.passages import Passage, PassageSet
from sosfs_check.catalog.models import Requirement


class PassageMatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    passage: Passage
    phrases: list[str]
    heading_terms: list[str]
    elements: list[str]       # names of the requirement's elements found in this passage
    span: tuple[int, int] | None = None  # characters of the first phrase found in the passage text
    near_misses: list[str] = Field(default_factory=list)  # near-miss terms: the passage speaks of something else
    enumerated_topics: list[str] = Field(default_factory=list)  # set when the passage names many topics at once
    score: float

    @property
    def effective_kind(self) -> str:
        """The passage's kind for this requirement: a near miss or a word in an enumeration only mentions it."""
        if (self.near_misses or self.enumerated_topics) and self.passage.kind in ("arrangement", "prose"):
            return "mention"
        return self.passage.kind


def match_requirement(requirement: Requirement, passages: PassageSet) -> list[PassageMatch]:
    spec = requirement.evidence
    texts, contexts = passages.texts, passages.contexts
    phrase_hits = {term: texts.hits(term) for term in spec.phrases}
    heading_hits = {term: contexts.hits(term) for term in spec.heading_terms}
    element_hits = {e.name: set().union(*(texts.hits(t) for t in e.terms)) for e in spec.elements}
    near_miss_hits = {term: texts.hits(term) for term in spec.near_miss_terms}
    candidates = set().union(*phrase_hits.values(), *heading_hits.values())
    ranked: list[tuple[float, int, PassageMatch]] = []
    for index in candidates:
        passage = passages.items[index]
        phrases = [term for term, hits in phrase_hits.items() if index in hits]
        headings = [term for term, hits in heading_hits.items() if index in hits]
        elements = [name for name, hits in element_hits.items() if index in hits]
        if not phrases and not (headings and (elements or not spec.elements)):
            continue
        if not phrases and not elements and passage.kind != "arrangement":
            continue
        score = len(phrases) + 0.5 * len(headings) + len(elements) + (1 if passage.kind == "arrangement" else 0)
        near_misses = [term for term, hits in near_miss_hits.items() if index in hits]
        spans = [phrase_hits[term][index] for term in phrases]
        score -= len(near_misses)
        ranked.append((-score, index, PassageMatch(
            passage=passage, phrases=phrases, heading_terms=headings, elements=elements,
            span=min(spans) if spans else None, near_misses=near_misses, score=score)))
    # Strongest first; among equals, reading order (passage index) keeps the output deterministic.
    return [match for _, _, match in sorted(ranked, key=lambda item: item[:2])]


def topic(requirement_id: str) -> str:
    """The topic family of a requirement: RISK-2 → RISK, EGEN-AR-5 → EGEN, SAMV-HSL-1 → SAMV."""
    return requirement_id.split("-", 1)[0]


def mark_enumerations(matches: dict[str, list[PassageMatch]], min_topics: int) -> dict[str, list[PassageMatch]]:
    """Flag passages whose catalog phrases belong to at least min_topics topic families.

    "Processer ändras utifrån uppföljning, egenkontroll, utredning av avvikelser och riskanalyser" names
    four topics and arranges none of them: for each it is a word in an enumeration, i.e. a mention.
    """
    topics_of: dict[str, set[str]] = {}
    for requirement_id, found in matches.items():
        for match in found:
            if match.phrases:
                topics_of.setdefault(match.passage.unit.block_id, set()).add(topic(requirement_id))
    flagged: dict[str, list[PassageMatch]] = {}
    for requirement_id, found in matches.items():
        flagged[requirement_id] = [
            match.model_copy(update={"enumerated_topics": sorted(topics)})
            if len(topics := topics_of.get(match.passage.unit.block_id, set())) >= min_topics and match.phrases
            else match
            for match in found
        ]
    return flagged
