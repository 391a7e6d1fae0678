"""Classify each passage: the regulation restated, a mere mention, or the organisation's own arrangement."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from sosfs_check.analysis.terms import find_terms
from sosfs_check.catalog.models import MatchingConfig
from sosfs_check.document.model import TextUnit

PassageKind = Literal["regulation", "mention", "arrangement", "prose"]


class Passage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unit: TextUnit
    kind: PassageKind
    context: str  # section path and column header, lower-cased, for heading context
    signals: list[str]


def classify(unit: TextUnit, config: MatchingConfig) -> Passage:
    text = unit.text
    header = (unit.column_header or "").lower()
    context = " ".join(unit.section_path).lower() + " " + header
    if header and find_terms(header, config.regulation_column_terms):
        return Passage(unit=unit, kind="regulation", context=context, signals=[f"kolumn: {unit.column_header}"])
    framing = [p for p in config.regulation_framing if re.search(p, text, re.IGNORECASE)]
    if framing:
        return Passage(unit=unit, kind="regulation", context=context, signals=framing)
    mentions = [p for p in config.mention_patterns if re.search(p, text, re.IGNORECASE)]
    if mentions:
        return Passage(unit=unit, kind="mention", context=context, signals=mentions)
    arrangement = find_terms(text, config.arrangement_terms)
    # A bullet under a responsibility heading is an arrangement even when it has no verb of its own.
    if arrangement or (unit.is_list_item and "ansvar" in context):
        return Passage(unit=unit, kind="arrangement", context=context, signals=arrangement or ["punkt under ansvar"])
    return Passage(unit=unit, kind="prose", context=context, signals=[])
