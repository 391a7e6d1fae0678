"""Export the requirements as JSON, CSV or Excel, and read such exports back.

The flat row format (one row per requirement) is shared by CSV, XLSX and the
DataFrame; lists are joined with LIST_SEPARATOR and the nested evidence
elements are kept as JSON so that every export can be read back losslessly.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Literal

from sosfs_check.catalog.models import Catalog, Requirement

ExportFormat = Literal["json", "csv", "xlsx"]
LIST_SEPARATOR = "; "

COLUMNS = (
    "id", "chapter", "paragraph", "part", "citation", "verified", "source_note", "kind", "applies_to", "title",
    "text", "rationale", "covered_when", "partial_when", "phrases", "elements", "heading_terms", "near_miss_terms",
    "weak_phrases", "sibling_terms", "own_terms", "own_framing_governs", "missing_without_elements",
    "missing_when_denied", "aggregate_topic", "roles",
    "citations", "example_meets", "example_falls_short", "related", "lifecycle",
)


def _join(values: tuple[str, ...]) -> str:
    return LIST_SEPARATOR.join(values)


def _split(value: Any) -> list[str]:
    text = "" if value is None else str(value)
    return [part.strip() for part in text.split(LIST_SEPARATOR.strip()) if part.strip()]


_FLAGS = ("own_framing_governs", "missing_without_elements", "missing_when_denied", "aggregate_topic")
"""The evidence spec's yes/no fields, one column each."""


def _flag(value: Any) -> bool:
    """A yes/no column as CSV and xlsx give it back: True, "True", "true" or 1."""
    return str(value).lower() in ("true", "1")


def requirement_rows(catalog: Catalog) -> list[dict[str, Any]]:
    """One flat dict per requirement, in catalog order."""
    rows = []
    for r in catalog.requirements:
        rows.append({
            "id": r.id,
            "chapter": r.source.chapter,
            "paragraph": r.source.paragraph,
            "part": r.source.part,
            "citation": r.source.citation,
            "verified": r.source.verified,
            "source_note": r.source.note or "",
            "kind": r.kind,
            "applies_to": r.applies_to,
            "title": r.title,
            "text": r.text,
            "rationale": r.rationale,
            "covered_when": r.coverage.covered,
            "partial_when": r.coverage.partial,
            "phrases": _join(r.evidence.phrases),
            "elements": json.dumps([e.model_dump() for e in r.evidence.elements], ensure_ascii=False),
            "heading_terms": _join(r.evidence.heading_terms),
            "near_miss_terms": _join(r.evidence.near_miss_terms),
            "weak_phrases": json.dumps([w.model_dump() for w in r.evidence.weak_phrases], ensure_ascii=False),
            "sibling_terms": _join(r.evidence.sibling_terms),
            "own_terms": _join(r.evidence.own_terms),
            **{flag: getattr(r.evidence, flag) for flag in _FLAGS},
            "roles": _join(r.evidence.roles),
            "citations": _join(r.evidence.citations),
            "example_meets": r.examples.meets,
            "example_falls_short": r.examples.falls_short,
            "related": _join(r.related),
            "lifecycle": r.lifecycle,
        })
    return rows


def requirement_from_row(row: dict[str, Any]) -> Requirement:
    """Rebuild a Requirement from a flat row (the inverse of requirement_rows)."""
    return Requirement.model_validate({
        "id": row["id"],
        "source": {
            "chapter": int(row["chapter"]),
            "paragraph": str(row["paragraph"]),
            "part": row["part"],
            "verified": row["verified"],
            "note": row.get("source_note") or None,
        },
        "kind": row["kind"],
        "applies_to": row["applies_to"],
        "title": row["title"],
        "text": row["text"],
        "rationale": row["rationale"],
        "coverage": {"covered": row["covered_when"], "partial": row["partial_when"]},
        "evidence": {
            "phrases": _split(row["phrases"]),
            "elements": json.loads(row["elements"] or "[]"),
            "heading_terms": _split(row["heading_terms"]),
            "near_miss_terms": _split(row.get("near_miss_terms", "")),
            "weak_phrases": json.loads(row.get("weak_phrases") or "[]"),
            "sibling_terms": _split(row.get("sibling_terms", "")),
            "own_terms": _split(row.get("own_terms", "")),
            **{flag: _flag(row.get(flag)) for flag in _FLAGS},
            "roles": _split(row["roles"]),
            "citations": _split(row["citations"]),
        },
        "examples": {"meets": row["example_meets"], "falls_short": row["example_falls_short"]},
        "related": _split(row["related"]),
        "lifecycle": row["lifecycle"],
    })


def export_catalog(catalog: Catalog, path: Path, fmt: ExportFormat) -> None:
    """Write the requirements to path in the given format."""
    if fmt == "json":
        payload = {
            "metadata": catalog.metadata.model_dump(mode="json"),
            "requirements": [r.model_dump(mode="json") for r in catalog.requirements],
        }
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    elif fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(requirement_rows(catalog))
    elif fmt == "xlsx":
        _write_xlsx(catalog, path)
    else:  # pragma: no cover - guarded by the Literal type and the CLI choice
        raise ValueError(fmt)


def _write_xlsx(catalog: Catalog, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Krav"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in requirement_rows(catalog):
        sheet.append([row[column] for column in COLUMNS])
    sheet.freeze_panes = "B2"
    meta = workbook.create_sheet("Metadata")
    for key, value in catalog.metadata.model_dump(mode="json").items():
        meta.append([key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)])
    workbook.save(path)


def read_export(path: Path, fmt: ExportFormat) -> list[Requirement]:
    """Read requirements back from an export written by export_catalog."""
    if fmt == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Requirement.model_validate(item) for item in data["requirements"]]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return [requirement_from_row(row) for row in csv.DictReader(handle)]
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True)["Krav"]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    return [requirement_from_row({k: ("" if v is None else v) for k, v in zip(header, values, strict=False)}) for values in rows]
