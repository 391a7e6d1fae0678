"""Typed results of the analysis stage."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class AnalysisModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Frequency(AnalysisModel):
    """How often or by when something is done, as written and normalised."""

    text: str = Field(description="The expression as written, e.g. '4-6 ggr/år'.")
    kind: Literal["rate", "deadline", "event", "continuous", "regular"]
    normalised: str = Field(description="Its meaning in Swedish, e.g. '4–6 gånger per år', 'inom 14 dagar'.")
    per_year: float | None = Field(None, description="Times per year (the lower bound of a range).")
    per_year_max: float | None = Field(None, description="Upper bound of a range such as '4-6 ggr/år'.")
    within_days: float | None = Field(None, description="Deadline in days: 'inom två veckor' = 14.")
    by_date: str | None = Field(None, description="A fixed date: 'senast 1 mars' = '1 mars'.")
    bound: Literal["exact", "minimum", "maximum", "range"] = "exact"
    block_id: str
    section: str
    location: str
    char_start: int = 0
    char_end: int = 0


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

