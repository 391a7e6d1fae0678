"""The assessment result: one typed object that every report, export and comparison is rendered from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from sosfs_check.analysis.model import Frequency, LegalCitation, Responsibility, Scope
from sosfs_check.document.model import CoreProperties, Fidelity, Locator

if TYPE_CHECKING:
    import pandas as pd

Status = Literal["covered", "partial", "missing", "not_applicable"]
STATUS_SV = {"covered": "täckt", "partial": "delvis", "missing": "saknas", "not_applicable": "ej tillämpligt"}


class ResultModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(ResultModel):
    """One passage of the document that the decision rests on, with where to find it."""

    quote: str = Field(description="The passage as written (shortened with … beyond the catalog's quote length).")
    section: str = Field(description="Section path with the numbers Word displays, e.g. '3 Ansvar › 3.2 Enhetschef'.")
    location: str = Field(description="Swedish one-line location: section, paragraph number, table row and column.")
    locator: Locator = Field(description="The same location as data: block index, table row/column, characters.")
    block_id: str = Field(description="Stable id of the paragraph or cell in the document model.")
    match_start: int | None = Field(None, description="Start of the first matched phrase within the passage text.")
    match_end: int | None = Field(None, description="End of the first matched phrase within the passage text.")
    passage_kind: Literal["regulation", "mention", "arrangement", "prose"] = Field(
        description="regulation: restates the regulation; mention: names the topic (definition, plan, purpose, "
                    "enumeration); arrangement: the organisation's own arrangement; prose: other own text.")
    method: str = Field(description="What matched: phrases, heading terms, elements, near misses, enumerations.")
    score: float = Field(description="Matcher score; higher is stronger evidence. For ordering, not a probability.")
    reason: str = Field(description="Why this passage supports the status, in Swedish.")


class Finding(ResultModel):
    """The assessment of one requirement of the catalog."""

    requirement_id: str = Field(description="Canonical requirement id, e.g. 'RISK-2'.")
    title: str
    kind: Literal["ska", "bör", "upplysning"] = Field(description="Binding (ska), advice (bör) or a pointer.")
    chapter: int
    citation: str = Field(description="Where the requirement stands in SOSFS 2011:9, e.g. '5 kap. 1 §'.")
    status: Status
    reason: str = Field(description="One sentence in Swedish saying why; for 'missing' also what came nearest.")
    missing_elements: list[str] = Field(default_factory=list,
                                        description="Essential parts of the requirement the document lacks.")
    missing_described: list[str] = Field(default_factory=list, description=(
        "The same parts as a reader names them, e.g. 'hur sannolik en händelse är' for sannolikhet."))
    evidence: list[Evidence] = Field(default_factory=list)
    rule: str = Field("", description="The rule of the decision procedure that decided the status, e.g. "
                                      "'covered.arrangement', 'partial.element_missing.sannolikhet', "
                                      "'missing.regulation_only' (see `sosfs-check explain`).")
    signals: list[str] = Field(default_factory=list,
                               description="What fired in the deciding passage, in Swedish: phrases, heading terms, "
                                           "what the sentence does, elements, arrangement signals.")
    area: str = Field("", description="The requirement's area, the first part of its id: 'RISK' for RISK-2.")
    area_name: str = Field("", description="The area's name in Swedish, e.g. 'Riskanalys'.")
    chapter_title: str = Field("", description="The chapter's heading in Swedish, e.g. 'Systematiskt förbättringsarbete'.")
    responsibility_refs: list[int] = Field(
        default_factory=list, description="Indexes into `responsibilities`: the statements of who is responsible "
                                          "that stand in the document's own arrangements on this requirement.")
    frequency_refs: list[int] = Field(
        default_factory=list, description="Indexes into `frequencies`: how often, where those arrangements say.")


class ChapterSummary(ResultModel):
    chapter: int
    covered: int = 0
    partial: int = 0
    missing: int = 0
    not_applicable: int = 0


class Summary(ResultModel):
    """Counts of findings per status."""

    total: int
    covered: int
    partial: int
    missing: int
    not_applicable: int
    by_chapter: list[ChapterSummary]
    stale_references: int = Field(description="Citations of laws or regulations that have been replaced.")


class DocumentInfo(ResultModel):
    source_name: str = Field(description="File name only, never a path.")
    sha256: str = Field(description="SHA-256 of the file's bytes: which version of the document was assessed.")
    format: str = Field(description="'docx', 'text' or 'pdf'.")
    properties: CoreProperties
    scope: Scope


class CatalogInfo(ResultModel):
    """The catalog release used; a result is only comparable with results of the same catalog version."""

    regulation: str
    catalog_version: str
    catalog_date: str


class RunMetadata(ResultModel):
    """The only part of the result that changes between two runs on the same document."""

    tool_version: str
    generated_at: str = Field(description="UTC time of the run (ISO 8601).")


class AssessmentResult(ResultModel):
    """Everything the check found; reports, exports and comparisons are renderings of this object."""

    document: DocumentInfo = Field(description="What was assessed: file name, hash, properties, detected scope.")
    catalog: CatalogInfo = Field(description="Which catalog version the document was assessed against.")
    summary: Summary = Field(description="Counts per status, in total and per chapter.")
    findings: list[Finding] = Field(description="One finding per active catalog requirement, in catalog order.")
    responsibilities: list[Responsibility] = Field(description="Who is responsible for what, in reading order.")
    frequencies: list[Frequency] = Field(description="Every frequency or deadline found, in reading order.")
    references: list[LegalCitation] = Field(description="Every legal citation, stale ones with their replacement.")
    fidelity: Fidelity = Field(description="What the reader read, left out on purpose, or could not read.")
    metadata: RunMetadata

    def finding(self, requirement_id: str) -> Finding:
        """The finding for one requirement: `result.finding("RISK-2").status`. Raises KeyError naming the known
        ids when there is none."""
        for found in self.findings:
            if found.requirement_id == requirement_id:
                return found
        known = ", ".join(f.requirement_id for f in self.findings)
        raise KeyError(f"Inget krav med id {requirement_id!r} i resultatet. Kända id: {known}")

    def to_json(self) -> str:
        """The whole result as JSON: `Path("resultat.json").write_text(result.to_json())` (schema: `sosfs-check
        schema`; docs/resultat-schema.md)."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    def to_markdown(self) -> str:
        """The report in Markdown: `Path("rapport.md").write_text(result.to_markdown())`."""
        from sosfs_check.report.markdown import render_markdown
        from sosfs_check.report.view import build_view

        return render_markdown(build_view(self))

    def to_html(self) -> str:
        """The report as one self-contained HTML page (filters, print layout):
        `Path("rapport.html").write_text(result.to_html())`."""
        from sosfs_check.report.html import render_html
        from sosfs_check.report.view import build_view

        return render_html(build_view(self))

    def to_excel(self, path: Path | str, *, overwrite: bool = False) -> Path:
        """Write the report as an Excel workbook (one row per requirement, a summary sheet):
        `result.to_excel("granskning.xlsx")`. An existing file is kept unless overwrite=True."""
        from sosfs_check.output_files import write_output
        from sosfs_check.report.view import build_view
        from sosfs_check.report.xlsx_report import write_xlsx

        view = build_view(self)
        return write_output(Path(path), lambda target: write_xlsx([view], target), force=overwrite)

    def to_docx(self, path: Path | str, *, overwrite: bool = False) -> Path:
        """Write the report as a Word document for a nämnd: `result.to_docx("granskning.docx")`. An existing file
        is kept unless overwrite=True."""
        from sosfs_check.output_files import write_output
        from sosfs_check.report.docx_report import write_docx
        from sosfs_check.report.view import build_view

        view = build_view(self)
        return write_output(Path(path), lambda target: write_docx(view, target), force=overwrite)

    def to_dataframe(self) -> pd.DataFrame:
        """One row per requirement, indexed by `krav`; columns and values in lower-case Swedish, as the reports
        name them: `df = result.to_dataframe()`, `df[df.status == "saknas"]`,
        `df.groupby("kapitel").status.value_counts()`."""
        import pandas as pd

        from sosfs_check.report.view import build_view

        rows = [{
            "krav": r.id, "rubrik": r.title, "typ": r.kind, "kapitel": r.chapter, "paragraf": r.citation,
            "område": r.area_name, "status": r.status_label.lower(), "motivering": r.reason, "regel": r.rule,
            "belägg": r.quote, "avsnitt": r.section, "var": r.location, "ansvariga": ", ".join(r.roles),
            "hur_ofta": ", ".join(r.frequencies), "saknade_delar": ", ".join(r.missing_elements),
        } for r in build_view(self).requirements]
        return pd.DataFrame(rows).set_index("krav")

    def __repr__(self) -> str:
        s = self.summary
        return (f"<AssessmentResult {self.document.source_name}: {s.covered} täckta, {s.partial} delvis, "
                f"{s.missing} saknas, {s.not_applicable} ej tillämpliga av {s.total} krav>")

    def _repr_html_(self) -> str:
        from sosfs_check.report.html import render_notebook_html
        from sosfs_check.report.view import build_view

        return render_notebook_html(build_view(self))
