"""Match classified passages against a requirement's evidence spec.

For every requirement the matcher collects the passages that name its topic
(a catalog phrase in the passage, or a heading term in its section path plus
an element in the passage) and records which essential elements each own
passage carries. It decides nothing; the assessment stage does.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from sosfs_check.analysis.passages import Passage, PassageSet
from sosfs_check.catalog.models import Requirement


class PassageMatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    passage: Passage
    phrases: list[str]
    heading_terms: list[str]
    elements: list[str]       # names of the requirement's elements found in this passage
    near_misses: list[str] = []  # near-miss terms found: the passage speaks of something else
    score: float

    @property
    def effective_kind(self) -> str:
        """The passage's kind for this requirement: a near miss only mentions the topic."""
        return "mention" if self.near_misses and self.passage.kind in ("arrangement", "prose") else self.passage.kind


def match_requirement(requirement: Requirement, passages: PassageSet) -> list[PassageMatch]:
    spec = requirement.evidence
    texts, contexts = passages.texts, passages.contexts
    phrase_hits = {term: texts.hits(term) for term in spec.phrases}
    heading_hits = {term: contexts.hits(term) for term in spec.heading_terms}
    element_hits = {e.name: set().union(*(texts.hits(t) for t in e.terms)) for e in spec.elements}
    near_miss_hits = {term: texts.hits(term) for term in spec.near_miss_terms}
    candidates = set().union(*phrase_hits.values(), *heading_hits.values())
    matches = []
    for index in sorted(candidates):
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
        matches.append(PassageMatch(passage=passage, phrases=phrases, heading_terms=headings, elements=elements,
                                    near_misses=near_misses, score=score - len(near_misses)))
    matches.sort(key=lambda m: (-m.score, m.passage.unit.locator.block_index))
    return matches
