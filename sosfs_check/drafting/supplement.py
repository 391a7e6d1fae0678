"""A supplement for an existing ledningssystem: for every requirement a check found missing or partial, a drafted
section to adapt and paste in (templates/komplettering.docx, texts in data/komplettering.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

if TYPE_CHECKING:
    from sosfs_check.assessment.model import AssessmentResult, Finding

SUPPLEMENT_TEMPLATE = "komplettering.docx"
_DATA = Path(__file__).with_name("data") / "komplettering.yaml"
_PLACEHOLDER = re.compile(r"\[([^\]]+)\]")


class DraftedSection(BaseModel):
    """One requirement's drafted text: a heading, paragraphs in the organisation's voice, and the bracketed
    places the organisation fills in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rubrik: str = Field(min_length=1)
    stycken: tuple[str, ...] = Field(min_length=1)
    att_fylla_i: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _placeholders_listed(self) -> DraftedSection:
        used = tuple(dict.fromkeys(_PLACEHOLDER.findall(" ".join(self.stycken))))
        if used != self.att_fylla_i:
            raise ValueError(f"att_fylla_i ska vara {list(used)}")
        return self


class DraftedSections(RootModel[dict[str, DraftedSection]]):
    pass


@dataclass(frozen=True)
class Gap:
    """What the template shows for one missing or partial requirement."""

    id: str
    title: str
    citation: str
    kind: str
    status: str       # "Saknas", "Delvis"
    reason: str       # why the check judged so
    rubrik: str
    stycken: tuple[str, ...]
    att_fylla_i: tuple[str, ...]


@cache
def drafted_sections() -> dict[str, DraftedSection]:
    from sosfs_check.yaml_files import load_yaml

    return DraftedSections.model_validate(load_yaml(_DATA.read_text(encoding="utf-8"))).root


def gaps(result: AssessmentResult) -> list[Gap]:
    """The missing and partial requirements of a result, binding ones (ska) first, each with its drafted text."""
    from sosfs_check.report.texts import report_texts

    statuses = report_texts().statuses
    drafted = drafted_sections()
    wanted = [f for f in result.findings if f.status in ("missing", "partial")]
    order = {"ska": 0, "bör": 1, "upplysning": 2}
    return [_gap(finding, drafted[finding.requirement_id], statuses[finding.status])
            for finding in sorted(wanted, key=lambda f: order[f.kind]) if finding.requirement_id in drafted]


def _gap(finding: Finding, section: DraftedSection, status: str) -> Gap:
    return Gap(id=finding.requirement_id, title=finding.title, citation=finding.citation, kind=finding.kind,
               status=status, reason=finding.reason, rubrik=section.rubrik, stycken=section.stycken,
               att_fylla_i=section.att_fylla_i)


def render_supplement(result: AssessmentResult, target: Path, template: Path | None = None) -> int:
    """Write the supplement to `target` (the caller decides whether it may be written); the number of sections."""
    import datetime as dt

    from sosfs_check.drafting.word_templates import fill_template, templates_dir

    found = gaps(result)
    fill_template(template or templates_dir() / SUPPLEMENT_TEMPLATE,
                  {"dokument": result.document.source_name, "datum": dt.date.today().isoformat(),
                   "katalog": result.catalog.catalog_version, "luckor": found}, target)
    return len(found)
