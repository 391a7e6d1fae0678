"""The assessment result: one typed object that every report, export and comparison is rendered from."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from sosfs_check.analysis.model import Frequency, LegalCitation, Responsibility, Scope
from sosfs_check.document.model import CoreProperties, Fidelity

if TYPE_CHECKING:
    import pandas as pd

Status = Literal["covered", "partial", "missing", "not_applicable"]
STATUS_SV = {"covered": "täckt", "partial": "delvis", "missing": "saknas", "not_applicable": "ej tillämpligt"}


class ResultModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(ResultModel):
    quote: str
    section: str
    location: str
    block_id: str
    passage_kind: Literal["regulation", "mention", "arrangement", "prose"]
    method: str = Field(description="What matched: phrases, heading terms and elements.")
    score: float
    reason: str


class Finding(ResultModel):
    requirement_id: str
    title: str
    kind: Literal["ska", "bör", "upplysning"]
    chapter: int
    citation: str
    status: Status
    reason: str
    missing_elements: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class ChapterSummary(ResultModel):
    chapter: int
    covered: int = 0
    partial: int = 0
    missing: int = 0
    not_applicable: int = 0


class Summary(ResultModel):
    total: int
    covered: int
    partial: int
    missing: int
    not_applicable: int
    by_chapter: list[ChapterSummary]
    stale_references: int


class DocumentInfo(ResultModel):
    source_name: str
    sha256: str
    format: str
    properties: CoreProperties
    scope: Scope


class CatalogInfo(ResultModel):
    regulation: str
    catalog_version: str
    catalog_date: str


class RunMetadata(ResultModel):
    tool_version: str
    generated_at: str


class AssessmentResult(ResultModel):
    document: DocumentInfo
    catalog: CatalogInfo
    summary: Summary
    findings: list[Finding]
    responsibilities: list[Responsibility]
    frequencies: list[Frequency]
    references: list[LegalCitation]
    fidelity: Fidelity
    metadata: RunMetadata

    def finding(self, requirement_id: str) -> Finding:
        return next(f for f in self.findings if f.requirement_id == requirement_id)

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    def to_dataframe(self) -> pd.DataFrame:
        import pandas as pd

        rows = [{
            "krav": f.requirement_id, "rubrik": f.title, "typ": f.kind, "källa": f.citation,
            "status": f.status, "motivering": f.reason,
            "citat": f.evidence[0].quote if f.evidence else "",
            "avsnitt": f.evidence[0].section if f.evidence else "",
        } for f in self.findings]
        return pd.DataFrame(rows).set_index("krav")

    def _repr_html_(self) -> str:
        from html import escape

        s = self.summary
        rows = "".join(
            f"<tr><td>{escape(f.requirement_id)}</td><td>{escape(f.title)}</td><td>{STATUS_SV[f.status]}</td>"
            f"<td>{escape(f.reason)}</td></tr>" for f in self.findings
        )
        return (f"<p><b>{escape(self.document.source_name)}</b>: {s.covered} täckta, {s.partial} delvis, "
                f"{s.missing} saknas, {s.not_applicable} ej tillämpliga.</p>"
                f"<table><tr><th>Krav</th><th>Rubrik</th><th>Status</th><th>Motivering</th></tr>{rows}</table>")
