"""`check()`: catalog → document → analysis → matching → assessment, in one direction."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from sosfs_check.analysis.frequencies import FrequencyFinder
from sosfs_check.analysis.indexed import index_units
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
    RunMetadata,
    Summary,
)
from sosfs_check.catalog import Catalog, load_catalog
from sosfs_check.document.model import DocumentModel
from sosfs_check.matching.matcher import mark_enumerations, mark_row_topics, match_requirement, topic_families


def check(source: DocumentModel | Path | str, *, omfattning: str | Sequence[str] | None = None,
          catalog: Catalog | None = None) -> AssessmentResult:
    """Assess a document (a path or an already read DocumentModel) against every requirement.

    `omfattning`: the activities the document covers, when they should not be detected: "socialtjänst",
    "lss", "hälso- och sjukvård" or an alias (SoL, LSS, HSL), as a string or a list; an unknown value raises
    InvalidArgumentError.
    """
    from sosfs_check import __version__
    from sosfs_check.document.reader import read

    catalog = catalog or load_catalog()
    override = resolve_scope(omfattning, catalog.matching)
    model = source if isinstance(source, DocumentModel) else read(source)
    units = list(model.text_units())
    indexed = index_units(units, WordForms.from_catalog(catalog))
    frequencies_per_unit = FrequencyFinder(catalog.frequencies).per_unit(indexed)
    responsibilities = extract_responsibilities(indexed, catalog, frequencies_per_unit)
    passages = analyse_passages(indexed, catalog.matching, responsibilities, frequencies_per_unit)
    scope = detect_scope(passages, catalog.matching, override)
    scope_label = ", ".join(scope.activities)

    active = [requirement for requirement in catalog.requirements if requirement.lifecycle != "retired"]
    families = topic_families(active, passages)
    matches = mark_row_topics(mark_enumerations({r.id: match_requirement(r, passages, families) for r in active},
                                                catalog.matching.enumeration_min_topics,
                                                catalog.matching.enumeration_max_gap,
                                                catalog.matching.enumeration_coordinators),
                              catalog.matching.row_topic_max_requirements)
    findings = [decide(r, matches[r.id], catalog.matching, applies(r.applies_to, scope, catalog.matching), scope_label)
                for r in active]

    references = ReferenceFinder(catalog.legal_references).find(indexed)
    frequencies = [f for found in frequencies_per_unit for f in found]
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
    meta = catalog.metadata
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
