"""Typed results of the analysis stage."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class AnalysisModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Frequency(AnalysisModel):
    text: str
    kind: Literal["rate", "deadline", "event", "continuous", "regular"]
    per_year: float | None = None
    bound: Literal["exact", "minimum", "maximum", "range"] = "exact"
    block_id: str
    section: str
    location: str


class Responsibility(AnalysisModel):
    role: str                 # role id from the lexicon, or the words as written when unknown
    role_as_written: str
    known_role: bool
    duty: str
    form: Literal["ansvarar_för", "yttersta_ansvar", "ska", "list_item", "table_column"]
    frequencies: list[Frequency] = []
    block_id: str
    section: str
    location: str


class LegalCitation(AnalysisModel):
    reference_id: str
    text: str
    label: str
    status: Literal["current", "stale", "uncertain"]
    replacement: str | None = None
    stale_since: str | None = None
    block_id: str
    section: str
    location: str


class Scope(AnalysisModel):
    activities: list[str]
    detected_from: dict[str, list[str]]
    overridden: bool = False

