"""Typed, strict models of the requirements catalog and its lexicons.

All models forbid unknown fields and are frozen: a catalog is reference data,
loaded once and shared by every later stage.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:
    import pandas as pd

Kind = Literal["ska", "bör", "upplysning"]
AppliesTo = Literal["alla", "vårdgivare", "socialtjänst_lss", "socialtjänst", "lss"]
Activity = Literal["socialtjänst", "lss", "hälso- och sjukvård"]
Verification = Literal["verified", "partly", "unverified"]
Lifecycle = Literal["active", "retired"]

REQUIREMENT_ID = r"^[A-Z]+(-[A-Z0-9]+)*$"


def _compiles(patterns: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in patterns:
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"ogiltigt reguljärt uttryck {pattern!r}: {exc}") from exc
    return patterns


Patterns = Annotated[tuple[str, ...], AfterValidator(_compiles)]
"""Regular expressions from the data files, checked to compile when the catalog loads."""


def _name_who_and_duty(patterns: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in patterns:
        if not {"who", "duty"} <= set(re.compile(pattern).groupindex):
            raise ValueError(f"uttrycket {pattern!r} saknar grupperna (?P<who>…) och (?P<duty>…)")
    return patterns


StatementPatterns = Annotated[tuple[str, ...], AfterValidator(_compiles), AfterValidator(_name_who_and_duty)]
"""Patterns of a whole sentence that name who and what in other places than subject and predicate."""


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(StrictModel):
    """Where the requirement stands in the regulation."""

    regulation: str = "SOSFS 2011:9"
    chapter: int = Field(ge=1, le=8)
    paragraph: str = Field(pattern=r"^\d+( ?[a-z])?$")
    part: str = Field(min_length=1)
    verified: Verification
    note: str | None = None

    @property
    def citation(self) -> str:
        """The citation as Swedish legal text writes it, e.g. '5 kap. 1 §'."""
        return f"{self.chapter} kap. {self.paragraph} §"


class Element(StrictModel):
    """An essential part of a requirement: without it the requirement is only partly met."""

    name: str = Field(min_length=1)
    described: str = Field(min_length=1, description="What the element is, as a reason names it when it is "
                                                    "lacking: 'hur sannolik en händelse är' for sannolikhet.")
    terms: tuple[str, ...] = Field(min_length=1)
    rhythm: bool = Field(False, description="Also met by a recurring frequency in the sentence ('årlig', "
                                            "'varje kvartal'), as the frequency finder reads them.")
    reach: Literal["sentence", "section"] = Field(
        "section", description="Where the element may stand: in the section (or table row) where the topic is "
                               "treated, or only in a sentence naming the topic and the one after it (how complaints "
                               "are received must be said of the complaints, not of what is compiled from them).")
    context: bool = Field(False, description="The element names what the arrangement applies to (LSS, not what is "
                                             "done): a regulation sentence of the passage may carry it too ('Enligt "
                                             "24 b § LSS ska … I vår verksamhet informerar enhetschefen …').")
    parts: tuple[str, ...] = Field(
        (), description="The element's parts: a sentence naming at least min_parts of them meets it as a list does "
                        "('riskanalyser, egenkontroller och avvikelser dokumenteras i …'); one part alone does not.")
    min_parts: int = Field(2, ge=2)
    partly: tuple[str, ...] = Field(
        (), description="Words that say part of the element in the organisation's own text, without meeting it "
                        "('samverkan är en förutsättning för god kvalitet' beside 'pekat ut i vilka processer'): "
                        "beside a denial of the element they leave the requirement partial.")
    together_with: tuple[str, ...] = Field(
        (), description="Words one of which must stand in the same sentence for the terms to count: 'följa' "
                        "meets 'följa processer och rutiner' beside 'rutin', not in 'utför arbetet enligt beslut'.")
    in_heading: bool = Field(False, description="The heading over the text may carry the element: under "
                                                "'Samverkan inom förvaltningen' the text is about internal samverkan.")
    core: bool = Field(True, description="Under missing_without_elements, whether this element's absence makes the "
                                         "requirement missing; an element that is not core (how samverkan is "
                                         "ordered) only leaves it partial.")
    shown_elsewhere: tuple[str, ...] = Field(
        (), description="Words that say the element is shown in another document ('framgår av processkartan', 'se "
                        "bilaga 2'): in a sentence with one of them the terms only touch the element, for "
                        "requirements that ask the document to show it (the activities of a process in order).")


class WeakPhrase(StrictModel):
    """Generic words ("uppföljning", "dokumentera") that name the topic only beside a specific co-word."""

    terms: tuple[str, ...] = Field(min_length=1)
    together_with: tuple[str, ...] = Field(min_length=1)


class EvidenceSpec(StrictModel):
    """What the matcher looks for in a document."""

    phrases: tuple[str, ...] = Field(min_length=1)
    weak_phrases: tuple[WeakPhrase, ...] = ()
    sibling_terms: tuple[str, ...] = Field(
        (), description="Words that frame a passage for a sibling requirement (vårdskada for the socialtjänst "
                        "variant): such a passage does not count unless it also has one of own_terms.")
    own_terms: tuple[str, ...] = ()
    own_framing_governs: bool = Field(
        False, description="When a passage on the topic names the requirement's own activity (own_terms), only "
                           "passages framed for it count: general text does not outweigh what the document says of "
                           "that activity in particular (KLAG-HSL: complaints on health care referred elsewhere).")
    missing_without_elements: bool = Field(
        False, description="The elements are the requirement's core (sannolikhet for RISK-2): when the document's "
                           "own text never names one of them (of those marked core), the requirement is missing, not "
                           "partial.")
    missing_when_denied: bool = Field(
        False, description="The element is the whole duty (choosing where samverkan is needed): when the document "
                           "says it does not exist yet, the requirement is missing, whatever else it arranges on "
                           "the topic (routines for how samverkan works are other requirements).")
    aggregate_topic: bool = Field(
        False, description="The topic is a whole of many parts (the ledningssystem, the routines, the processes): a "
                           "sentence that says one part is lacking ('Det finns ingen rutin för samverkan med "
                           "skolan') does not deny the topic (TopicDenial).")
    elements: tuple[Element, ...] = ()
    heading_terms: tuple[str, ...] = ()
    near_miss_terms: tuple[str, ...] = Field(
        (), description="Terms that show a passage is about something else with the same words (documentation of "
                        "individual cases for a requirement on documenting the quality work): such a passage only "
                        "mentions the topic.")
    roles: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()


class Coverage(StrictModel):
    covered: str = Field(min_length=1)
    partial: str = Field(min_length=1)


class Examples(StrictModel):
    meets: str = Field(min_length=1)
    falls_short: str = Field(min_length=1)


class Requirement(StrictModel):
    id: str = Field(pattern=REQUIREMENT_ID)
    source: Source
    kind: Kind
    applies_to: AppliesTo
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    rationale: str = Field(min_length=1)
    coverage: Coverage
    evidence: EvidenceSpec
    examples: Examples
    related: tuple[str, ...] = ()
    lifecycle: Lifecycle = "active"


def requirement_area(requirement_id: str) -> str:
    """The area a requirement belongs to, the first part of its id: RISK-2 → RISK, EGEN-AR-5 → EGEN."""
    return requirement_id.split("-", 1)[0]


class CatalogMetadata(StrictModel):
    regulation: str
    title: str
    decided: dt.date
    in_force: dt.date
    consolidated_through: tuple[str, ...]
    consolidated_version_date: dt.date
    catalog_version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    catalog_date: dt.date
    open_questions: tuple[str, ...] = ()
    chapters: dict[int, str] = Field(default_factory=dict, description="Chapter number → its heading in Swedish.")
    areas: dict[str, str] = Field(default_factory=dict, description=(
        "Requirement area (the id's first part: RISK in RISK-2) → its name in Swedish, for reports and comparisons."))


class Role(StrictModel):
    id: str = Field(min_length=1)
    label: str
    level: int = Field(ge=1, le=9)
    forms: tuple[str, ...] = Field(min_length=1)
    compound_heads: tuple[str, ...] = ()


class FrequencyLexicon(StrictModel):
    periods: dict[str, float]
    rate_words: dict[str, float]
    numbers: dict[str, int]
    event_words: dict[str, Literal["event", "immediate", "continuous", "regular"]]
    minimum_words: tuple[str, ...]
    maximum_words: tuple[str, ...]
    times_words: tuple[str, ...] = Field(min_length=1)
    rate_separators: tuple[str, ...] = Field(min_length=1)
    within_words: tuple[str, ...] = Field(min_length=1)
    by_words: tuple[str, ...] = Field(min_length=1)
    deadline_units: dict[str, float] = Field(min_length=1)
    months: tuple[str, ...] = Field(min_length=12, max_length=12)
    # How a reader says a rate that is not a whole number of times a year: 0.5 → "vartannat år".
    rate_names: dict[float, str] = Field(default_factory=dict)


class LegalReference(StrictModel):
    id: str = Field(pattern=r"^R\d+[a-z]?$")
    label: str
    status: Literal["current", "stale", "uncertain"]
    stale_since: dt.date | None = None
    replacement: str | None = None
    note: str | None = None
    patterns: Patterns = Field(min_length=1)


class LegalReferenceTable(StrictModel):
    checked_on: dt.date
    references: tuple[LegalReference, ...]


class ScopeRule(StrictModel):
    label: str = Field(min_length=1, description="The activity as a reader names it: 'LSS', 'hälso- och sjukvård'.")
    min_distinct: int = Field(ge=1)
    terms: tuple[str, ...] = Field(min_length=1)
    aliases: tuple[str, ...] = Field((), description="Other names a user may give for the activity (--omfattning).")
    names: tuple[str, ...] = Field((), description="Terms that name the activity itself, for sentences that exclude "
                                                   "it (scope_exclusion).")


class ScopeExclusion(StrictModel):
    """A sentence that says the document does not cover an activity: the activity's name, a covering verb, a
    negation and the document or the organisation ("Ledningssystemet omfattar inte hälso- och sjukvård")."""

    subjects: tuple[str, ...] = Field(min_length=1)
    verbs: tuple[str, ...] = Field(min_length=1)
    negations: tuple[str, ...] = Field(min_length=1)
    headings: tuple[str, ...] = Field(
        (), description="Heading words of a section about what the document covers ('Omfattning'): there the "
                        "sentence needs no subject of its own ('Verksamhet enligt LSS ingår inte.').")
    negation_reach: int = Field(
        2, ge=1, description="The negation follows the verb within this many words ('omfattar därför inte'): "
                             "'ej verkställda beslut … ingår i planen' denies nothing of what is covered.")
    prepositions: tuple[str, ...] = Field(
        (), description="An activity named after one of these is no subject: 'Avvikelser i hälso- och sjukvården "
                        "omfattas inte av denna rutin' is about the avvikelser.")
    subject_opening: int = Field(
        3, ge=1, description="An activity named within this many words of the sentence's start is its subject "
                             "('Verksamhet enligt LSS ingår inte').")
    inverted_subject_reach: int = Field(
        2, ge=0, description="The organisation may stand this many words after the verb, as an inverted subject "
                             "('I kommunen bedriver nämnden ingen …').")
    clause_marks: str = Field(",;", description="Punctuation that ends a clause, like clause_breaks.")
    clause_breaks: tuple[str, ...] = Field(
        (), description="Words that start another clause: the subject and the verb must stand in one clause "
                        "('Enheten tillhör förvaltningen men bedriver inte socialtjänst' is about the enhet).")


def _plain_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Word lists compared with tokens as written: lower case, letters only, no mode marks."""
    marked = [word for word in words if word != word.lower() or not word.isalpha()]
    if marked:
        raise ValueError(f"jämförs med ord som de står, utan märkning och i gemener: {', '.join(marked)}")
    return words


PlainWords = Annotated[tuple[str, ...], AfterValidator(_plain_words)]
"""A word list compared with tokens as written (see _plain_words)."""


class TopicDenial(StrictModel):
    """A sentence that says the requirement's topic itself does not exist ("Egna brukarundersökningar görs i dag
    inte"): the topic opens its clause as subject of a denied verb of existence, or follows a negation closely as
    its object ("tar inte fram någon kvalitetsberättelse"). Beside an arrangement it makes the requirement partial
    (analysis/denials.py). Catalog terms (with mode marks) are looked up in the index; the word lists at the end
    are compared with tokens as written."""

    negations: tuple[str, ...] = Field(min_length=1, description="Words that deny ('inte', 'ingen', 'saknas').")
    verbs: tuple[str, ...] = Field(
        min_length=1, description="Active verbs of doing or having whose negation denies what follows ('tar inte "
                                  "fram någon kvalitetsberättelse'); their subject is the doer, never denied.")
    subject_verbs: tuple[str, ...] = Field(
        min_length=1, description="Verbs of existence and passives whose negation denies their subject too "
                                  "('Brukarundersökningar görs inte'); a negation that is one ('saknas') denies "
                                  "by itself.")
    verb_reach: int = Field(3, ge=1, description="The verb stands at most this many words before the negation "
                                                 "('görs i dag inte').")
    contrasts: tuple[str, ...] = Field(
        (), description="Words that set something against the denial ('görs inte av nämnden utan av regionen'): "
                        "such a sentence denies nothing outright.")
    limiters: tuple[str, ...] = Field(
        (), description="Words that say how far the work has come so far ('hittills', 'än så länge'): an own sentence "
                        "with one says the rest is lacking, as a denial does.")
    subject_opening: int = Field(
        3, ge=1, description="A topic starting within this many words of its clause's start is its subject.")
    object_reach: int = Field(
        4, ge=1, description="A topic starting within this many words after the negation is what it denies "
                             "('inte fram någon särskild kvalitetsberättelse').")
    # Compared with tokens as written (lower case, no mode marks).
    prepositions: PlainWords = Field(
        (), description="A topic after one of these near the start is no subject ('I hemtjänsten görs inga …'); "
                        "right after the negation, one restricts it ('inte på alla enheter').")
    none_words: PlainWords = Field(
        (), description="After a preposition, words that make the negation deny everywhere ('inte i någon av').")
    restrictions: PlainWords = Field(
        (), description="Words right after the negation that limit it rather than deny ('inte alla', 'inte bara').")
    coordinators: PlainWords = Field(
        (), description="A negation after one of these shares the verb of the negation before it ('finns ingen "
                        "rutin och ingen plan').")
    clause_marks: str = Field(",;", description="Punctuation that ends a clause.")
    clause_breaks: PlainWords = Field(
        (), description="Words that start another clause between the topic and the negation.")
    qualifiers: PlainWords = Field(
        (), description="Prepositions that, right after the denied topic, make it one part of the topic ('inga "
                        "samverkansrutiner med skolan'): only that part is denied.")



class ResponsibilityConfig(StrictModel):
    """How responsibility statements are recognised (matching.yaml, `responsibility`)."""

    statement_phrases: dict[Literal["yttersta_ansvar", "ansvarar_för", "ska"], tuple[str, ...]]
    inverted_statements: StatementPatterns = ()
    non_subject_starts: tuple[str, ...]
    subordinators: tuple[str, ...] = ()
    max_subject_words: int = Field(ge=1)
    max_unknown_subject_words: int = Field(ge=1)
    non_roles: tuple[str, ...] = Field((), description="Things that own no duty: a subject outside the role lexicon "
                                                       "that starts with one of these ('Ledningssystemet har till "
                                                       "uppgift att …') is no role.")
    terms: tuple[str, ...] = Field(min_length=1)
    abbreviations: tuple[str, ...] = ()


class TermMatching(StrictModel):
    """How catalog words match the words of a document (matching.yaml, `term_matching`)."""

    suffixes: tuple[str, ...] = Field(min_length=1)
    stem_vowels: str
    linking: tuple[str, ...] = ()
    compound_min_word: int = Field(ge=3)
    compound_min_part: int = Field(ge=2)
    derivations: tuple[str, ...] = Field(
        (), description="Beginnings of the rest of a word that make a derived word, not a compound: 'system' does "
                        "not find 'systematiskt', nor 'rutin' 'rutinerad'.")
    short_words: tuple[str, ...] = ()
    particle_verbs: tuple[str, ...] = Field(
        (), description="Verbs whose particle makes another verb ('följa upp' is not 'följa'): a term ending in the "
                        "verb does not match where the particle follows it, unless the term names the particle too.")


CueKind = Literal["regulation", "negation", "plan", "definition", "delegated", "hedge"]


class StatementConfig(StrictModel):
    """How the kind of a sentence is recognised (matching.yaml, `statements`)."""

    precedence: tuple[CueKind, ...] = Field(min_length=1)
    patterns: dict[CueKind, Patterns]
    arrangement_terms: tuple[str, ...] = Field(min_length=1)
    rule_terms: tuple[str, ...] = Field(
        (), description="Modal verbs that make an own rule of a sentence but do not by themselves end a "
                        "restatement of the regulation.")
    anaphora: tuple[str, ...] = Field(
        (), description="Words that refer back to the sentence before: an own rule with one of them takes up the "
                        "topic the regulation sentence before it named.")
    body_pattern: str = Field(description="What names a body (a nämnd) in a sentence; the one named most often "
                                          "is the document's own.")
    plan_headings: tuple[str, ...] = Field(
        (), description="Words of a heading or column header whose text lists what is still to be done "
                        "(utvecklingsområden): its own sentences are plans.")
    guide_headings: tuple[str, ...] = Field(
        (), description="Words of a heading over a reading guide (läsanvisning): its sentences say what the "
                        "document's chapters are about and arrange nothing.")

    @model_validator(mode="after")
    def _every_kind_ordered(self) -> StatementConfig:
        unordered = sorted(set(self.patterns) - set(self.precedence))
        if unordered:
            raise ValueError(f"precedence saknar {', '.join(unordered)}")
        return self


class MatchingConfig(StrictModel):
    """Signals and thresholds of the matcher (requirements_catalog/matching.yaml)."""

    term_matching: TermMatching
    regulation_column_terms: tuple[str, ...]
    definition_column_terms: tuple[str, ...] = Field(
        (), description="Column headers of a glossary ('Betydelse', 'Förklaring'): their cells define a word and "
                        "arrange nothing.")
    label_column_terms: tuple[str, ...] = Field(
        (), description="Column headers whose cells only name what a row is about ('Område'): context for the row's "
                        "other cells, never an arrangement themselves.")
    statements: StatementConfig
    inflection_exclusions: tuple[str, ...] = ()
    responsibility: ResponsibilityConfig
    scopes: dict[Activity, ScopeRule]
    scope_exclusion: ScopeExclusion
    topic_denial: TopicDenial
    scope_ignored_headings: tuple[str, ...] = Field(
        (), description="Words of a heading whose section only refers or lists (bilaga, referenser): its mentions of "
                        "an activity do not make the document cover it.")
    applies_to: dict[AppliesTo, tuple[Activity, ...]]
    audience_labels: dict[AppliesTo, str]
    enumeration_min_topics: int = Field(ge=2)
    enumeration_max_gap: int = Field(ge=0)
    enumeration_coordinators: PlainWords = Field(
        (), description="Words that join the last item to a list ('och', 'samt'), as written in the text: a generic "
                        "word after one is an item of the list.")
    row_topic_max_requirements: int = Field(ge=1)
    self_assessment_answers: tuple[str, ...] = Field(
        (), description="Cell texts that only answer whether a requirement is met ('Ja', 'Delvis'): a self-assessment "
                        "beside a Krav cell, never an arrangement.")
    self_assessment_denials: tuple[str, ...] = Field(
        (), description="Of those answers, the ones that say the requirement is not met ('Nej'): the row's label "
                        "then names something the organisation says it lacks.")
    min_phrase_units_for_partial: int = Field(ge=1)
    quote_max_chars: int = Field(ge=40)


    @model_validator(mode="after")
    def _every_audience_mapped(self) -> MatchingConfig:
        missing = [value for value in get_args(AppliesTo)
                   if value not in self.applies_to or value not in self.audience_labels]
        if missing:
            raise ValueError(f"applies_to saknar {', '.join(missing)}")
        return self

class Inflections(StrictModel):
    """Other inflections of catalog words written in their base form (generated; see the file's header)."""

    source: str
    forms: dict[str, tuple[str, ...]]


class Catalog(StrictModel):
    """The whole catalog: metadata, requirements in catalog order, and lexicons."""

    metadata: CatalogMetadata
    requirements: tuple[Requirement, ...]
    roles: tuple[Role, ...]
    frequencies: FrequencyLexicon
    legal_references: LegalReferenceTable
    matching: MatchingConfig
    inflections: Inflections = Inflections(source="none", forms={})

    def term_strings(self) -> list[str]:
        """Every term the matcher looks for: requirement evidence, passage signals and scope terms."""
        terms: list[str] = []
        for requirement in self.requirements:
            spec = requirement.evidence
            terms += [*spec.phrases, *spec.heading_terms, *spec.near_miss_terms, *spec.sibling_terms, *spec.own_terms,
                      *(t for e in spec.elements
                        for t in (*e.terms, *e.parts, *e.together_with, *e.partly, *e.shown_elsewhere)),
                      *(t for weak in spec.weak_phrases for t in (*weak.terms, *weak.together_with))]
        config = self.matching
        terms += [*config.term_matching.particle_verbs, *config.regulation_column_terms,
                  *config.label_column_terms, *config.definition_column_terms,
                  *config.statements.arrangement_terms, *config.responsibility.terms,
                  *config.statements.plan_headings, *config.statements.guide_headings]
        terms += [t for rule in config.scopes.values() for t in (*rule.terms, *rule.names)]
        exclusion = config.scope_exclusion
        terms += [*exclusion.subjects, *exclusion.verbs, *exclusion.negations, *exclusion.headings]
        terms += [*config.topic_denial.negations, *config.topic_denial.verbs, *config.topic_denial.subject_verbs,
                  *config.topic_denial.contrasts, *config.topic_denial.limiters]
        return terms

    def __iter__(self) -> Iterator[Requirement]:  # type: ignore[override]
        return iter(self.requirements)

    def __repr__(self) -> str:
        kinds = {kind: sum(1 for r in self.requirements if r.kind == kind) for kind in ("ska", "bör", "upplysning")}
        counted = ", ".join(f"{count} {kind}" for kind, count in kinds.items())
        return f"<Catalog {self.metadata.regulation}, version {self.metadata.catalog_version}: {len(self)} krav ({counted})>"

    def _repr_html_(self) -> str:
        """The requirements as a notebook shows them: id, paragraph, kind and title."""
        from html import escape

        rows = "".join(f"<tr><th scope='row'>{escape(r.id)}</th><td>{escape(r.source.citation)}</td>"
                       f"<td>{escape(r.kind)}</td><td style='text-align:left'>{escape(r.title)}</td></tr>"
                       for r in self.requirements)
        return (f"<p><strong>{escape(self.metadata.regulation)}</strong>, katalog {self.metadata.catalog_version}: "
                f"{len(self)} krav</p><table><thead><tr><th scope='col'>Id</th><th scope='col'>Paragraf</th>"
                f"<th scope='col'>Typ</th><th scope='col'>Rubrik</th></tr></thead><tbody>{rows}</tbody></table>")

    def __len__(self) -> int:
        return len(self.requirements)

    @cached_property
    def by_id(self) -> dict[str, Requirement]:
        """Requirements by id (ids are unique: the loader checks)."""
        return {requirement.id: requirement for requirement in self.requirements}

    def __getitem__(self, requirement_id: str) -> Requirement:
        return self.by_id[requirement_id]

    def get(self, requirement_id: str) -> Requirement | None:
        return self.by_id.get(requirement_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.requirements)

    def role(self, role_id: str) -> Role | None:
        return next((role for role in self.roles if role.id == role_id), None)

    def to_dataframe(self) -> pd.DataFrame:
        """One row per requirement, flat columns (needs pandas)."""
        import pandas as pd

        from sosfs_check.catalog.export import requirement_rows

        return pd.DataFrame(requirement_rows(self)).set_index("id")
