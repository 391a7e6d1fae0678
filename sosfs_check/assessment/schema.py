"""The documented schema of `check --format json`, generated from the result models themselves."""

from __future__ import annotations

import json
from typing import Any

from sosfs_check.assessment.model import AssessmentResult

_INTRO = """# Resultatets format (`sosfs-check check --format json`)

Genererad från modellerna i `sosfs_check/assessment/model.py` med `sosfs-check schema --format md`;
ändra inte för hand. JSON Schema finns i `resultat-schema.json` (`sosfs-check schema`).

Resultatet är deterministiskt: samma dokument och katalog ger samma JSON, utom `metadata.generated_at`.
Listor står i katalogens ordning (`findings`) eller dokumentets läsordning (övriga). Inga absoluta sökvägar.

Status: `covered` (täckt), `partial` (delvis), `missing` (saknas), `not_applicable` (ej tillämpligt).
Fältbeskrivningarna är på engelska, som koden.
"""


def json_schema() -> dict[str, Any]:
    return AssessmentResult.model_json_schema()


def render_json_schema() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _type(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in spec:
        return " \\| ".join(_type(option) for option in spec["anyOf"])
    if "enum" in spec:
        return " \\| ".join(f"`{value}`" for value in spec["enum"])
    if "const" in spec:
        return f"`{spec['const']}`"
    kind = spec.get("type", "any")
    if kind == "array":
        items = spec.get("items", {})
        if "prefixItems" in spec:
            return "[" + ", ".join(_type(item) for item in spec["prefixItems"]) + "]"
        return f"lista av {_type(items)}"
    if kind == "object" and "additionalProperties" in spec:
        return f"objekt → {_type(spec['additionalProperties'])}"
    return kind


def _table(name: str, spec: dict[str, Any]) -> list[str]:
    lines = [f"## {name}", ""]
    if spec.get("description"):
        lines += [" ".join(spec["description"].split()), ""]
    required = set(spec.get("required", []))
    lines += ["| fält | typ | krävs | beskrivning |", "|---|---|---|---|"]
    for field, field_spec in spec.get("properties", {}).items():
        description = " ".join(field_spec.get("description", "").split()).replace("|", "\\|")
        lines.append(f"| `{field}` | {_type(field_spec)} | {'ja' if field in required else 'nej'} | {description} |")
    return [*lines, ""]


def render_markdown_schema() -> str:
    schema = json_schema()
    lines = [_INTRO, *_table("AssessmentResult", schema)]
    for name, spec in sorted(schema.get("$defs", {}).items()):
        if "properties" in spec:
            lines += _table(name, spec)
    return "\n".join(lines).rstrip() + "\n"
