"""Typed results of the analysis stage."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class AnalysisModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Frequency(AnalysisModel):
    """How often or by when something is done, as written and normalised."""

    text: str = Field(description="The expression as written, e.g. '4-6 ggr/år'.")
    kind: Literal["rate", "deadline", "event", "immediate", "continuous", "regular"]
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
    sentence: str = Field("", description="The sentence the expression stands in: what is done that often.")


ResponsibilityForm = Literal["ansvarar_för", "yttersta_ansvar", "ska", "list_item", "role_label", "table_column"]


class Responsibility(AnalysisModel):
    """One statement of who is responsible for what."""

    role: str = Field(description="Role id from the role lexicon, or the words as written when the role is unknown.")
    role_as_written: str = Field(description="The subject as the document writes it.")
    known_role: bool = Field(description="True when the role was found in the role lexicon.")
    role_label: str = Field("", description="The role's name for reports: the lexicon's label ('Enhetschef') or, "
                                            "for an unknown role, the words as written.")
    duty: str = Field(description="What the role is responsible for, as written.")
    form: ResponsibilityForm = Field(
        description="How it was stated: a sentence, a bullet of an 'X ansvarar för att:' list, a line "
                    "'Roll: uppgift', or an Ansvar column.")
    frequencies: list[Frequency] = Field(default_factory=list, description="How often, where the statement says.")
    block_id: str
    section: str
    location: str


class LegalCitation(AnalysisModel):
    """A citation of a law or regulation."""

    reference_id: str = Field(description="Id in the catalog's table of legal references.")
    text: str = Field(description="The citation as written.")
    label: str
    status: Literal["current", "stale", "uncertain"]
    replacement: str | None = Field(None, description="What replaced a stale reference.")
    stale_since: str | None = Field(None, description="Date the reference went stale (ISO 8601).")
    block_id: str
    section: str
    location: str


class Scope(AnalysisModel):
    """Which activities the document covers; requirements for other activities are not applicable."""

    activities: list[str] = Field(description="socialtjänst, lss and/or hälso- och sjukvård.")
    label: str = Field("", description="The activities as a reader names them: 'socialtjänst och LSS'.")
    detected_from: dict[str, list[str]] = Field(description="Per activity, the terms found in the document's own text.")
    excluded_by: dict[str, str] = Field(default_factory=dict, description=(
        "Per activity the document's own text says it does not cover, that sentence; it wins over detected terms."))
    overridden: bool = Field(False, description="True when the user set the scope (--omfattning).")
    assumed: bool = Field(False, description="True when no activity was recognised and every requirement was "
                                             "assessed as applicable.")
    warning: str | None = Field(None, description="A Swedish warning about the scope, shown in every output.")
