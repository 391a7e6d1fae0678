"""What every report shows, computed once from an AssessmentResult: the renderers (HTML, Word, Excel, Markdown)
only lay it out.

Nothing here judges the document. It orders, counts and words what the assessment decided: binding requirements
(ska) apart from advice (bör) and information, the gaps in order of priority, the responsibility matrix (roles ×
requirement areas, in the document's own words) and the årshjul (what is done how often, by whom).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sosfs_check.assessment.model import AssessmentResult, Finding
from sosfs_check.report.texts import ReportTexts, report_texts

STATUSES = ("covered", "partial", "missing", "not_applicable")
KINDS = ("ska", "bör", "upplysning")
_GAPS = ("missing", "partial")


@dataclass(frozen=True)
class EvidenceView:
    quote: str
    section: str
    location: str
    passage_kind: str  # in Swedish: "egen ordning", "föreskriften återgiven" …
    reason: str


@dataclass(frozen=True)
class RequirementView:
    """One requirement's row: what the catalog says it is, what the check found and where."""

    id: str
    title: str
    kind: str              # ska, bör, upplysning
    kind_label: str
    chapter: int
    chapter_title: str
    citation: str          # "5 kap. 1 §"
    area: str
    area_name: str
    status: str            # covered, partial, missing, not_applicable
    status_label: str      # Täckt, Delvis …
    reason: str
    rule: str
    missing_elements: tuple[str, ...]  # as a reader names them ("hur sannolik en händelse är")
    evidence: tuple[EvidenceView, ...]
    roles: tuple[str, ...]        # who answers for it, as the lexicon names them
    frequencies: tuple[str, ...]  # how often, normalised ("4 gånger per år")

    @property
    def quote(self) -> str:
        return self.evidence[0].quote if self.evidence else ""

    @property
    def section(self) -> str:
        return self.evidence[0].section if self.evidence else ""

    @property
    def location(self) -> str:
        return self.evidence[0].location if self.evidence else ""

    @property
    def is_gap(self) -> bool:
        return self.status in _GAPS


@dataclass(frozen=True)
class KindSummary:
    """Counts per status for one kind of requirement (ska, bör, upplysning)."""

    kind: str
    label: str
    counts: dict[str, int]
    total: int


@dataclass(frozen=True)
class ChapterSummary:
    chapter: int
    title: str
    counts: dict[str, dict[str, int]]  # kind → status → count
    total: int


@dataclass(frozen=True)
class MatrixCell:
    """What one role answers for in one area, in the document's words."""

    duties: tuple[str, ...]
    requirement_ids: tuple[str, ...]


@dataclass(frozen=True)
class ResponsibilityMatrix:
    roles: tuple[str, ...]   # top of the organisation first (order of first appearance in the document)
    areas: tuple[str, ...]   # area names in catalog order
    cells: dict[tuple[str, str], MatrixCell]

    def cell(self, role: str, area: str) -> MatrixCell | None:
        return self.cells.get((role, area))


@dataclass(frozen=True)
class CalendarEntry:
    """One line of the årshjul: how often (or by when) what is done, by whom, for which areas."""

    how_often: str
    kind_label: str
    what: str
    who: str
    areas: tuple[str, ...]
    as_written: str
    location: str
    per_year: float | None


@dataclass(frozen=True)
class StaleReference:
    text: str
    label: str
    replacement: str
    since: str
    location: str


@dataclass(frozen=True)
class FidelityView:
    complete: bool
    counts: dict[str, int]  # what the reader counted, named in Swedish
    unreadable: tuple[tuple[str, str, str], ...]  # (kind in Swedish, location, detail)
    excluded: tuple[tuple[str, str, str], ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ReportView:
    """Everything a report of one document shows, in the order reports show it."""

    texts: ReportTexts
    title: str
    subtitle: str
    document: str
    sha256: str
    scope: str               # "socialtjänst och LSS (upptäckt i dokumentet)"
    scope_warning: str | None
    scope_excluded: tuple[str, ...]
    regulation: str
    tool_version: str
    catalog_version: str
    date: str                # the run's date, YYYY-MM-DD
    kinds: tuple[KindSummary, ...]
    chapters: tuple[ChapterSummary, ...]
    requirements: tuple[RequirementView, ...]
    actions: tuple[RequirementView, ...]
    matrix: ResponsibilityMatrix
    calendar: tuple[CalendarEntry, ...]
    stale_references: tuple[StaleReference, ...]
    fidelity: FidelityView
    statuses: tuple[str, ...] = field(default=STATUSES)

    def headline(self, kind: str) -> str:
        """"25 ska-krav: 18 täckta, 4 delvis, 3 saknas" for one kind."""
        summary = next(s for s in self.kinds if s.kind == kind)
        counts = ", ".join(f"{summary.counts[status]} {self.texts.counted[status]}" for status in self.statuses
                           if summary.counts[status])
        return f"{summary.label}: {summary.total} – {counts}" if counts else f"{summary.label}: {summary.total}"


def build_view(result: AssessmentResult) -> ReportView:
    """The report view of one result (see the module docstring)."""
    texts = report_texts()
    requirements = tuple(_requirement(finding, result, texts) for finding in result.findings)
    scope = result.document.scope
    source = "given" if scope.overridden else "assumed" if scope.assumed else "detected"
    return ReportView(
        texts=texts,
        title=texts.title,
        subtitle=texts.subtitle.format(document=result.document.source_name, regulation=result.catalog.regulation),
        document=result.document.source_name,
        sha256=result.document.sha256,
        scope=f"{scope.label} ({texts.scope_source[source]})" if scope.label else texts.scope_source[source],
        scope_warning=scope.warning,
        scope_excluded=tuple(f"{activity}: »{sentence}«" for activity, sentence in scope.excluded_by.items()),
        regulation=result.catalog.regulation,
        tool_version=result.metadata.tool_version,
        catalog_version=result.catalog.catalog_version,
        date=result.metadata.generated_at[:10],
        kinds=tuple(_kind_summary(kind, requirements, texts) for kind in KINDS
                    if any(r.kind == kind for r in requirements)),
        chapters=_chapters(requirements),
        requirements=requirements,
        actions=_actions(requirements),
        matrix=_matrix(result, requirements),
        calendar=_calendar(result, texts),
        stale_references=tuple(
            StaleReference(text=c.text, label=c.label, replacement=c.replacement or "", since=c.stale_since or "",
                           location=c.location) for c in result.references if c.status == "stale"),
        fidelity=FidelityView(
            complete=result.fidelity.complete,
            counts={texts.fidelity_counts.get(part, part): count for part, count in result.fidelity.counts.items()},
            unreadable=tuple((texts.fidelity_kinds.get(i.kind, i.kind), i.location, i.detail)
                             for i in result.fidelity.unreadable),
            excluded=tuple((texts.fidelity_kinds.get(i.kind, i.kind), i.location, i.detail)
                           for i in result.fidelity.excluded),
            warnings=tuple(result.fidelity.warnings)),
    )


def _requirement(finding: Finding, result: AssessmentResult, texts: ReportTexts) -> RequirementView:
    statements = [result.responsibilities[i] for i in finding.responsibility_refs]
    return RequirementView(
        id=finding.requirement_id, title=finding.title, kind=finding.kind, kind_label=texts.kinds_short[finding.kind],
        chapter=finding.chapter, chapter_title=finding.chapter_title, citation=finding.citation,
        area=finding.area, area_name=finding.area_name or finding.area,
        status=finding.status, status_label=texts.statuses[finding.status], reason=finding.reason,
        rule=finding.rule, missing_elements=tuple(finding.missing_described or finding.missing_elements),
        evidence=tuple(EvidenceView(quote=e.quote, section=e.section, location=e.location,
                                    passage_kind=texts.passage_kinds.get(e.passage_kind, e.passage_kind),
                                    reason=e.reason) for e in finding.evidence),
        roles=tuple(dict.fromkeys(s.role_label or s.role for s in statements)),
        frequencies=tuple(dict.fromkeys(result.frequencies[i].normalised for i in finding.frequency_refs)),
    )


def _kind_summary(kind: str, requirements: tuple[RequirementView, ...], texts: ReportTexts) -> KindSummary:
    of_kind = [r for r in requirements if r.kind == kind]
    return KindSummary(kind=kind, label=texts.kinds[kind], total=len(of_kind),
                       counts={status: sum(1 for r in of_kind if r.status == status) for status in STATUSES})


def _chapters(requirements: tuple[RequirementView, ...]) -> tuple[ChapterSummary, ...]:
    chapters: dict[int, list[RequirementView]] = {}
    for requirement in requirements:
        chapters.setdefault(requirement.chapter, []).append(requirement)
    return tuple(
        ChapterSummary(chapter=chapter, title=members[0].chapter_title, total=len(members),
                       counts={kind: {status: sum(1 for r in members if r.kind == kind and r.status == status)
                                      for status in STATUSES} for kind in KINDS})
        for chapter, members in sorted(chapters.items()))


def _actions(requirements: tuple[RequirementView, ...]) -> tuple[RequirementView, ...]:
    """The gaps, binding requirements first, then advice; within each, missing before partial; then catalog
    order (chapter and §)."""
    order = {requirement.id: position for position, requirement in enumerate(requirements)}
    gaps = [r for r in requirements if r.is_gap]
    return tuple(sorted(gaps, key=lambda r: (KINDS.index(r.kind), _GAPS.index(r.status), order[r.id])))


def _matrix(result: AssessmentResult, requirements: tuple[RequirementView, ...]) -> ResponsibilityMatrix:
    duties: dict[tuple[str, str], dict[str, None]] = {}
    ids: dict[tuple[str, str], dict[str, None]] = {}
    areas = list(dict.fromkeys(r.area_name for r in requirements))
    used_roles: set[str] = set()
    for finding, requirement in zip(result.findings, requirements, strict=True):
        for index in finding.responsibility_refs:
            statement = result.responsibilities[index]
            role = statement.role_label or statement.role
            used_roles.add(role)
            duties.setdefault((role, requirement.area_name), {})[statement.duty] = None
            ids.setdefault((role, requirement.area_name), {})[requirement.id] = None
    # Roles in the order the document first names them: the document's own order, usually top down.
    roles = [role for role in dict.fromkeys(s.role_label or s.role for s in result.responsibilities)
             if role in used_roles]
    return ResponsibilityMatrix(
        roles=tuple(roles), areas=tuple(area for area in areas if any((role, area) in duties for role in roles)),
        cells={key: MatrixCell(duties=tuple(duties[key]), requirement_ids=tuple(ids[key])) for key in duties})


def _calendar(result: AssessmentResult, texts: ReportTexts) -> tuple[CalendarEntry, ...]:
    """Every frequency the document states: with the duty and role where a responsibility statement carries it,
    else with the section it stands in. The most frequent first, then deadlines and events."""
    areas_of: dict[int, dict[str, None]] = {}
    for finding in result.findings:
        for index in finding.frequency_refs:
            areas_of.setdefault(index, {})[finding.area_name or finding.area] = None
    carried: dict[tuple[str, int, int], tuple[str, str]] = {}  # (block, start, end) → (duty, role)
    for statement in result.responsibilities:
        for frequency in statement.frequencies:
            carried.setdefault((frequency.block_id, frequency.char_start, frequency.char_end),
                               (statement.duty, statement.role_label or statement.role))
    entries = []
    for index, frequency in enumerate(result.frequencies):
        duty, role = carried.get((frequency.block_id, frequency.char_start, frequency.char_end),
                                 (frequency.sentence or frequency.section.rsplit(" › ", 1)[-1], ""))
        entries.append(CalendarEntry(
            how_often=frequency.normalised, kind_label=texts.frequency_kinds.get(frequency.kind, frequency.kind),
            what=duty, who=role, areas=tuple(areas_of.get(index, {})), as_written=frequency.text,
            location=frequency.location, per_year=frequency.per_year))
    return tuple(sorted(entries, key=lambda e: (e.per_year is None, -(e.per_year or 0))))


@dataclass(frozen=True)
class BatchRow:
    """One document of a batch: its counts, or the error that stopped it."""

    document: str
    report: str | None       # the report's file name, relative to the batch summary
    error: str | None        # one Swedish line, for a document that could not be checked
    counts: dict[str, int]   # status → count over all requirements
    ska_gaps: int            # ska requirements missing or partial
    ska_missing: int
    coverage: float | None   # covered / applicable (not_applicable left out); None for a failed document
    scope: str


@dataclass(frozen=True)
class BatchView:
    """The summary of a batch: documents × coverage, ska gaps per document."""

    texts: ReportTexts
    title: str
    intro: str
    date: str
    rows: tuple[BatchRow, ...]

    @property
    def failed(self) -> int:
        return sum(1 for row in self.rows if row.error is not None)


def batch_row(document: str, view: ReportView | None, report: str | None, error: str | None) -> BatchRow:
    """One document's line of a batch summary: its counts from its report view, or the error that stopped it."""
    if view is None:
        return BatchRow(document=document, report=None, error=error or "", counts=dict.fromkeys(STATUSES, 0),
                        ska_gaps=0, ska_missing=0, coverage=None, scope="")
    counts = {status: sum(1 for r in view.requirements if r.status == status) for status in STATUSES}
    applicable = len(view.requirements) - counts["not_applicable"]
    ska = [r for r in view.requirements if r.kind == "ska"]
    return BatchRow(document=document, report=report, error=None, counts=counts,
                    ska_gaps=sum(1 for r in ska if r.is_gap), ska_missing=sum(1 for r in ska if r.status == "missing"),
                    coverage=counts["covered"] / applicable if applicable else None, scope=view.scope)


def build_batch_view(rows: Sequence[BatchRow], regulation: str, date: str = "") -> BatchView:
    """The summary of a batch from its rows (batch_row), in input order; `regulation`: what was checked against."""
    texts = report_texts()
    failed = sum(1 for row in rows if row.error is not None)
    return BatchView(texts=texts, title=texts.batch["title"], date=date, rows=tuple(rows),
                     intro=texts.batch["intro"].format(count=len(rows), regulation=regulation, failed=failed))
