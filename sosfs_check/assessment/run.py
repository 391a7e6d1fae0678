"""`check()`: catalog → document → analysis → matching → assessment, in one direction."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from sosfs_check.analysis.frequencies import FrequencyFinder
from sosfs_check.analysis.indexed import index_units
from sosfs_check.analysis.model import Frequency, Responsibility
from sosfs_check.analysis.passages import analyse_passages
from sosfs_check.analysis.references import ReferenceFinder
from sosfs_check.analysis.responsibilities import extract_responsibilities
from sosfs_check.analysis.scope import applies, detect_scope, resolve_scope
from sosfs_check.analysis.terms import WordForms
from sosfs_check.assessment.decide import decide
from sosfs_check.assessment.model import (
    AssessmentResult,
    CatalogInfo,
    ChapterSummary,
    DocumentInfo,
    Finding,
    RunMetadata,
    Summary,
)
from sosfs_check.catalog import Catalog, load_catalog
from sosfs_check.catalog.models import CatalogMetadata, requirement_area
from sosfs_check.document.model import DocumentModel
from sosfs_check.document.reader import Source, read
from sosfs_check.matching.matcher import (
    RequirementMatches,
    mark_enumerations,
    mark_row_topics,
    match_requirement,
    topic_families,
)


def check(source: DocumentModel | Source, *, omfattning: str | Sequence[str] | None = None,
          catalog: Catalog | None = None, name: str | None = None) -> AssessmentResult:
    """Assess a document against every requirement: a path, the file's bytes or a binary file object (`name`
    gives bytes a file name: `check(data, name="plan.docx")`), or an already read DocumentModel.

    >>> result = check("ledningssystem.docx")                      # doctest: +SKIP
    >>> result.finding("RISK-2").status                            # doctest: +SKIP
    'covered'

    `omfattning`: the activities the document covers, when they should not be detected: "socialtjänst",
    "lss", "hälso- och sjukvård" or an alias (SoL, LSS, HSL), as a string or a list; an unknown value raises
    InvalidArgumentError.
    """
    from sosfs_check import __version__

    catalog = catalog or load_catalog()
    override = resolve_scope(omfattning, catalog.matching)
    model = source if isinstance(source, DocumentModel) else read(source, name=name)
    units = list(model.text_units())
    indexed = index_units(units, WordForms.from_catalog(catalog))
    frequencies_per_unit = FrequencyFinder(catalog.frequencies).per_unit(indexed)
    responsibilities = extract_responsibilities(indexed, catalog, frequencies_per_unit)
    passages = analyse_passages(indexed, catalog.matching, responsibilities, frequencies_per_unit)
    scope = detect_scope(passages, catalog.matching, override)
    scope_label = scope.label

    active = [requirement for requirement in catalog.requirements if requirement.lifecycle != "retired"]
    families = topic_families(active, passages)
    matches = mark_row_topics(mark_enumerations({r.id: match_requirement(r, passages, families) for r in active},
                                                catalog.matching.enumeration_min_topics,
                                                catalog.matching.enumeration_max_gap,
                                                catalog.matching.enumeration_coordinators),
                              catalog.matching.row_topic_max_requirements)
    frequencies = [f for found in frequencies_per_unit for f in found]
    meta = catalog.metadata
    findings = [_placed(decide(r, matches[r.id], catalog.matching, applies(r.applies_to, scope, catalog.matching),
                               scope_label), matches[r.id], meta, responsibilities, frequencies)
                for r in active]

    references = ReferenceFinder(catalog.legal_references).find(indexed)
    by_chapter: dict[int, Counter[str]] = {}
    for finding in findings:
        by_chapter.setdefault(finding.chapter, Counter())[finding.status] += 1
    totals = Counter(f.status for f in findings)
    summary = Summary(
        total=len(findings), covered=totals["covered"], partial=totals["partial"], missing=totals["missing"],
        not_applicable=totals["not_applicable"],
        by_chapter=[ChapterSummary(chapter=chapter, **counts) for chapter, counts in sorted(by_chapter.items())],
        stale_references=sum(1 for c in references if c.status == "stale"),
    )
    return AssessmentResult(
        document=DocumentInfo(source_name=model.source_name, sha256=model.sha256, format=model.format,
                              properties=model.properties, scope=scope),
        catalog=CatalogInfo(regulation=meta.regulation, catalog_version=meta.catalog_version,
                            catalog_date=meta.catalog_date.isoformat()),
        summary=summary,
        findings=findings,
        responsibilities=responsibilities,
        frequencies=frequencies,
        references=references,
        fidelity=model.fidelity,
        metadata=RunMetadata(tool_version=__version__,
                             generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()),
    )


def _placed(finding: Finding, found: RequirementMatches, meta: CatalogMetadata,
            responsibilities: Sequence[Responsibility], frequencies: Sequence[Frequency]) -> Finding:
    """The finding with its chapter and area names, and the responsibility and frequency statements that stand in
    the document's own arrangements on its topic (what the responsibility matrix and the årshjul show)."""
    blocks = {evidence.block_id for evidence in finding.evidence if evidence.passage_kind == "arrangement"}
    blocks |= {match.passage.unit.block_id for match in found if match.arranged and (match.phrases or match.row_specific)}
    area = requirement_area(finding.requirement_id)
    return finding.model_copy(update={
        "area": area, "area_name": meta.areas.get(area, ""), "chapter_title": meta.chapters.get(finding.chapter, ""),
        "responsibility_refs": [i for i, statement in enumerate(responsibilities) if statement.block_id in blocks],
        "frequency_refs": [i for i, frequency in enumerate(frequencies) if frequency.block_id in blocks]})
