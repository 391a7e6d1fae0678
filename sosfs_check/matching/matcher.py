"""Match classified passages against a requirement's evidence spec.

For every requirement the matcher collects the passages that name its topic
(a catalog phrase in the passage, or a heading term in its section path plus
an element in the passage) and records which essential elements each own
passage carries. It decides nothing; the assessment stage does.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from sosfs_check.analysis.passages import Passage
from sosfs_check.analysis.terms import find_terms
from sosfs_check.catalog.models import Requirement


class PassageMatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    passage: Passage
    phrases: list[str]
    heading_terms: list[str]
    elements: list[str]       # names of the requirement's elements found in this passage
    score: float


def match_requirement(requirement: Requirement, passages: list[Passage]) -> list[PassageMatch]:
    spec = requirement.evidence
    matches = []
    for passage in passages:
        text = passage.unit.text
        phrases = find_terms(text, spec.phrases)
        headings = find_terms(passage.context, spec.heading_terms)
        elements = [e.name for e in spec.elements if find_terms(text, e.terms)]
        if not phrases and not (headings and (elements or not spec.elements)):
            continue
        if not phrases and not elements and passage.kind != "arrangement":
            continue
        score = len(phrases) + 0.5 * len(headings) + len(elements) + (1 if passage.kind == "arrangement" else 0)
        matches.append(PassageMatch(passage=passage, phrases=phrases, heading_terms=headings, elements=elements,
                                    score=score))
    matches.sort(key=lambda m: (-m.score, m.passage.unit.locator.block_index))
    return matches
