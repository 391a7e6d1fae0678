"""Several documents' results side by side: what every comparison report shows, computed once.

Nothing here judges a document: each column is that document's own check result. The comparison orders and
groups: per requirement the status in each document and whether they differ; the largest differences first (one
document covers what another lacks, binding requirements before advice); per requirement area who holds which
duty in each document (normalised role beside the document's wording) and how often the area's work is done
(normalised rhythm beside the passage); stale references and read fidelity per document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sosfs_check.assessment.model import AssessmentResult
from sosfs_check.report.texts import ReportTexts, report_texts
from sosfs_check.report.view import KINDS, STATUSES

_RANK = {"missing": 0, "partial": 1, "covered": 2}  # how far a requirement is met; not_applicable has no rank
LARGEST_DIFFERENCES = 10


@dataclass(frozen=True)
class DocumentColumn:
    """One compared document: its label and what its result says as a whole."""

    name: str
    source_name: str
    sha256: str
    scope: str
    counts: dict[str, int]          # status → count
    ska_gaps: int
    coverage: float | None          # covered / applicable
    stale_references: tuple[str, ...]  # "socialtjänstlagen (2001:453) → Socialtjänstlag (2025:400)"
    unreadable: tuple[str, ...]     # what the reader could not read


@dataclass(frozen=True)
class Cell:
    """One requirement in one document."""

    status: str
    status_label: str
    reason: str
    quote: str
    location: str


@dataclass(frozen=True)
class RequirementRow:
    id: str
    title: str
    kind: str
    kind_label: str
    chapter: int
    citation: str
    area_name: str
    cells: tuple[Cell, ...]         # one per document, in document order
    spread: int                     # 0 when every applicable status is the same, 2 when one covers and one lacks

    @property
    def differs(self) -> bool:
        return self.spread > 0


@dataclass(frozen=True)
class Duty:
    """One role's duties in one area of one document: the normalised role and the document's words."""

    role: str
    as_written: tuple[str, ...]     # the subject as the document writes it
    duties: tuple[str, ...]


@dataclass(frozen=True)
class AreaRow:
    """One requirement area across the documents: who does what, and how often."""

    area_name: str
    duties: tuple[tuple[Duty, ...], ...]           # per document
    rhythms: tuple[tuple[tuple[str, str], ...], ...]  # per document: (normalised rhythm, the passage)
    roles_only_in: tuple[tuple[str, ...], ...]     # per document: roles with duties here that no other has


@dataclass(frozen=True)
class Comparison:
    texts: ReportTexts
    title: str
    date: str
    regulation: str
    documents: tuple[DocumentColumn, ...]
    requirements: tuple[RequirementRow, ...]
    largest_differences: tuple[RequirementRow, ...]
    areas: tuple[AreaRow, ...]

    @property
    def differing(self) -> tuple[RequirementRow, ...]:
        return tuple(row for row in self.requirements if row.differs)

    def covering(self, requirement: RequirementRow) -> int:
        """How many documents cover the requirement (the coverage matrix's last column)."""
        return sum(1 for cell in requirement.cells if cell.status == "covered")


def build_comparison(results: Sequence[AssessmentResult], names: Sequence[str] | None = None,
                     date: str = "") -> Comparison:
    """The comparison of two or more results, labelled by `names` (default: the documents' file names)."""
    from sosfs_check.errors import InvalidArgumentError

    if len(results) < 2:
        raise InvalidArgumentError("jämförelsen behöver minst två dokument")
    if names is not None and len(names) != len(results):
        raise InvalidArgumentError(f"{len(names)} namn men {len(results)} dokument: ange ett --namn per dokument")
    versions = {result.catalog.catalog_version for result in results}
    if len(versions) > 1:
        raise InvalidArgumentError(f"resultaten är granskade mot olika katalogversioner ({', '.join(sorted(versions))})"
                                   "; granska dokumenten igen med samma version")
    texts = report_texts()
    labels = list(names) if names is not None else _labels(results)
    requirements = tuple(_requirement_row(index, results, texts) for index in range(len(results[0].findings)))
    kinds = {kind: position for position, kind in enumerate(KINDS)}
    largest = sorted((row for row in requirements if row.differs),
                     key=lambda row: (-row.spread, kinds[row.kind], requirements.index(row)))
    return Comparison(texts=texts, title=texts.compare["title"], date=date, regulation=results[0].catalog.regulation,
                      documents=tuple(_column(label, result, texts)
                                      for label, result in zip(labels, results, strict=True)),
                      requirements=requirements, largest_differences=tuple(largest[:LARGEST_DIFFERENCES]),
                      areas=_areas(results))


def _labels(results: Sequence[AssessmentResult]) -> list[str]:
    """Each document's file name; the same name twice gets (2), (3) …"""
    labels: list[str] = []
    for result in results:
        name, number = result.document.source_name, 1
        while (name if number == 1 else f"{name} ({number})") in labels:
            number += 1
        labels.append(name if number == 1 else f"{name} ({number})")
    return labels


def _column(name: str, result: AssessmentResult, texts: ReportTexts) -> DocumentColumn:
    findings = result.findings
    counts = {status: sum(1 for f in findings if f.status == status) for status in STATUSES}
    applicable = len(findings) - counts["not_applicable"]
    return DocumentColumn(
        name=name, source_name=result.document.source_name, sha256=result.document.sha256,
        scope=result.document.scope.label,
        counts=counts, ska_gaps=sum(1 for f in findings if f.kind == "ska" and f.status in ("missing", "partial")),
        coverage=counts["covered"] / applicable if applicable else None,
        stale_references=tuple(f"{c.text} → {c.replacement}" for c in result.references if c.status == "stale"),
        unreadable=tuple(f"{texts.fidelity_kinds.get(item.kind, item.kind)} – {item.location}: {item.detail}"
                         for item in result.fidelity.unreadable))


def _requirement_row(index: int, results: Sequence[AssessmentResult], texts: ReportTexts) -> RequirementRow:
    findings = [result.findings[index] for result in results]
    first = findings[0]
    if any(f.requirement_id != first.requirement_id for f in findings):
        raise ValueError("results of one catalog version list the same requirements in the same order")
    ranks = [_RANK[f.status] for f in findings if f.status in _RANK]
    return RequirementRow(
        id=first.requirement_id, title=first.title, kind=first.kind, kind_label=texts.kinds_short[first.kind],
        chapter=first.chapter, citation=first.citation, area_name=first.area_name or first.area,
        cells=tuple(Cell(status=f.status, status_label=texts.statuses[f.status], reason=f.reason,
                         quote=f.evidence[0].quote if f.evidence else "",
                         location=f.evidence[0].location if f.evidence else "") for f in findings),
        spread=max(ranks) - min(ranks) if ranks else 0)


def _areas(results: Sequence[AssessmentResult]) -> tuple[AreaRow, ...]:
    """Per area (in catalog order): each document's duties by role and its rhythms, from the statements that stand
    in its own arrangements on the area's requirements."""
    areas = list(dict.fromkeys(f.area_name or f.area for f in results[0].findings))
    rows = []
    for area in areas:
        duties = tuple(_duties(result, area) for result in results)
        rhythms = tuple(_rhythms(result, area) for result in results)
        roles = [{duty.role for duty in document} for document in duties]
        only = tuple(tuple(sorted(own - set().union(*(other for j, other in enumerate(roles) if j != i))))
                     for i, own in enumerate(roles))
        if any(duties) or any(rhythms):
            rows.append(AreaRow(area_name=area, duties=duties, rhythms=rhythms, roles_only_in=only))
    return tuple(rows)


def _duties(result: AssessmentResult, area: str) -> tuple[Duty, ...]:
    indexes = dict.fromkeys(i for f in result.findings if (f.area_name or f.area) == area for i in f.responsibility_refs)
    by_role: dict[str, tuple[dict[str, None], dict[str, None]]] = {}
    for index in indexes:
        statement = result.responsibilities[index]
        written, duties = by_role.setdefault(statement.role_label or statement.role, ({}, {}))
        written[statement.role_as_written] = None
        duties[statement.duty] = None
    return tuple(Duty(role=role, as_written=tuple(written), duties=tuple(duties))
                 for role, (written, duties) in by_role.items())


def _rhythms(result: AssessmentResult, area: str) -> tuple[tuple[str, str], ...]:
    indexes = dict.fromkeys(i for f in result.findings if (f.area_name or f.area) == area for i in f.frequency_refs)
    found = [result.frequencies[i] for i in indexes]
    ordered = sorted(found, key=lambda f: (f.per_year is None, -(f.per_year or 0)))
    return tuple(dict.fromkeys((f.normalised, f.sentence or f.text) for f in ordered))

