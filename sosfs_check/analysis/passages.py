"""Classify each passage: the regulation restated, a mere mention, or the organisation's own arrangement."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from sosfs_check.analysis.terms import TermIndex
from sosfs_check.catalog.models import MatchingConfig
from sosfs_check.document.model import TextUnit

PassageKind = Literal["regulation", "mention", "arrangement", "prose"]


class Passage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unit: TextUnit
    kind: PassageKind
    context: str  # section path and column header, lower-cased, for heading context
    signals: list[str]


class PassageSet:
    """A document's passages in reading order, with term indexes over their texts and their contexts."""

    def __init__(self, passages: list[Passage], texts: TermIndex, contexts: TermIndex) -> None:
        self.items = passages
        self.texts = texts
        self.contexts = contexts

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def analyse_passages(units: Sequence[TextUnit], config: MatchingConfig,
                     inflections: Mapping[str, Sequence[str]] | None = None) -> PassageSet:
    texts = TermIndex([unit.text for unit in units], inflections)
    contexts = [_context(unit) for unit in units]
    headers = TermIndex([(unit.column_header or "") for unit in units], inflections)
    passages = [_classify(unit, index, context, texts, headers, config)
                for index, (unit, context) in enumerate(zip(units, contexts, strict=True))]
    return PassageSet(passages, texts, TermIndex(contexts, inflections))


@lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _context(unit: TextUnit) -> str:
    return (" ".join(unit.section_path) + " " + (unit.column_header or "")).lower()


def _classify(unit: TextUnit, index: int, context: str, texts: TermIndex, headers: TermIndex,
              config: MatchingConfig) -> Passage:
    text = unit.text
    if headers.terms_in(index, config.regulation_column_terms):
        return Passage(unit=unit, kind="regulation", context=context, signals=[f"kolumn: {unit.column_header}"])
    framing = [p.pattern for p in _compiled(config.regulation_framing) if p.search(text)]
    if framing:
        return Passage(unit=unit, kind="regulation", context=context, signals=framing)
    mentions = [p.pattern for p in _compiled(config.mention_patterns) if p.search(text)]
    if mentions:
        return Passage(unit=unit, kind="mention", context=context, signals=mentions)
    arrangement = texts.terms_in(index, config.arrangement_terms)
    # A bullet under a responsibility heading is an arrangement even when it has no verb of its own.
    if arrangement or (unit.is_list_item and "ansvar" in context):
        return Passage(unit=unit, kind="arrangement", context=context, signals=arrangement or ["punkt under ansvar"])
    return Passage(unit=unit, kind="prose", context=context, signals=[])
