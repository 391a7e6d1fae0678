"""`sosfs-check explain`: how the tool reached its status for one requirement, in Swedish (rendering only).

Everything shown comes from the Finding that the assessment produced and the catalog's Requirement; the
Swedish meaning of each rule code is data in data/rules.yaml. Nothing here judges a document.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from sosfs_check.analysis.terms import plain
from sosfs_check.assessment.model import STATUS_SV, AssessmentResult, Finding
from sosfs_check.catalog.models import Catalog, Requirement
from sosfs_check.errors import InvalidArgumentError
from sosfs_check.yaml_files import load_yaml

RULES_FILE = Path(__file__).with_name("data") / "rules.yaml"

_STATUS_STYLE = {"covered": "green", "partial": "yellow", "missing": "red", "not_applicable": "dim"}
_KIND_SV = {"ska": "ska – föreskrift", "bör": "bör – allmänt råd", "upplysning": "upplysning"}
_PASSAGE_SV = {"regulation": "återger föreskriften",
               "mention": "nämner ämnet (definition, syfte, plan, brist eller uppräkning)",
               "arrangement": "beskriver organisationens egen ordning",
               "prose": "är egen text utan ordning"}
_CATALOG_HINT = "giltiga id:n visas med `sosfs-check catalog`"


@cache
def rule_explanations() -> dict[str, str]:
    """Rule code prefix → what the rule means, in Swedish (data/rules.yaml)."""
    data = load_yaml(RULES_FILE.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                             for k, v in data.items()):
        raise ValueError(f"{RULES_FILE.name}: varje regelkod ska ha en förklaring i form av text")
    return {key: " ".join(value.split()) for key, value in data.items()}


def rule_prefix(rule: str) -> str | None:
    """The longest prefix of rules.yaml that a rule code is or starts with ('partial.element_missing.X' →
    'partial.element_missing'); None when rules.yaml has none."""
    known = [key for key in rule_explanations() if rule == key or rule.startswith(key + ".")]
    return max(known, key=len) if known else None


def explain_rule(rule: str) -> str:
    prefix = rule_prefix(rule)
    return rule_explanations()[prefix] if prefix else "Ingen förklaring finns för den här regeln."


def find_requirement(catalog: Catalog, requirement_id: str) -> Requirement:
    """The catalog's requirement with this id (any case); an unknown or retired id is an argument error."""
    wanted = requirement_id.strip().upper()
    requirement = catalog.get(wanted)
    if requirement is None:
        close = difflib.get_close_matches(wanted, catalog.ids, n=3, cutoff=0.6)
        hint = f" (menade du {', '.join(close)}?)" if close else ""
        raise InvalidArgumentError(f"okänt krav-id {requirement_id!r}{hint}; {_CATALOG_HINT}")
    if requirement.lifecycle == "retired":
        raise InvalidArgumentError(f"kravet {requirement.id} har upphört och bedöms inte längre; {_CATALOG_HINT}")
    return requirement


def explanation_json(result: AssessmentResult, requirement: Requirement) -> str:
    """The finding, the requirement it assesses and the meaning of the rule that decided, as JSON."""
    finding = result.finding(requirement.id)
    data: dict[str, Any] = {
        "document": {"source_name": result.document.source_name,
                     "scope": result.document.scope.model_dump(mode="json")},
        "finding": finding.model_dump(mode="json"),
        "rule_explanation": explain_rule(finding.rule),
        "requirement": requirement.model_dump(mode="json"),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def print_explanation(result: AssessmentResult, requirement: Requirement, audience: str,
                      console: Console | None = None) -> None:
    """The requirement, the status and the rule that decided it, the trail of signals and evidence, and what
    the catalog says and looks for. `audience`: whom the requirement binds, as the catalog names it."""
    console = console or Console()
    finding = result.finding(requirement.id)
    heading = Text.assemble((f"{requirement.id} ", "bold"), (requirement.title, "bold"))
    console.print(heading)
    console.print(_grid([
        ("Källa", f"{requirement.source.regulation} {requirement.source.citation}, {requirement.source.part}"),
        ("Typ", _KIND_SV[requirement.kind]),
        ("Gäller", audience),
        ("Kravet", requirement.text),
    ]))
    console.print()
    console.print(Text(f"Bedömning av {result.document.source_name}", style="bold"))
    console.print(_grid(_assessment_rows(result, finding)))
    console.print()
    console.print(Text(f"Belägg ({len(finding.evidence)})", style="bold"))
    if finding.evidence:
        for number, item in enumerate(finding.evidence, 1):
            console.print(_grid([(f"{number}.", f"»{item.quote}«")]))
            rows: list[tuple[str, str | Text]] = [("Avsnitt", item.section or "inledningen"), ("Var", item.location),
                    ("Stycket", _PASSAGE_SV.get(item.passage_kind, item.passage_kind)), ("Skäl", item.reason)]
            if item.method and item.method != "; ".join(finding.signals):
                rows.append(("Träffar", item.method))
            console.print(_grid(rows, indent=6))
    elif finding.status == "not_applicable":
        console.print(Text("  Inga: kravet bedöms inte för dokumentets omfattning."))
    else:
        console.print(Text("  Inget stycke i dokumentet tar upp kravet."))
    console.print()
    console.print(Text("Vad katalogen kräver", style="bold"))
    console.print(_grid([("Täckt", requirement.coverage.covered), ("Delvis", requirement.coverage.partial)]))
    console.print()
    console.print(Text("Vad verktyget letar efter", style="bold"))
    console.print(_grid(_search_rows(requirement)))


def _assessment_rows(result: AssessmentResult, finding: Finding) -> list[tuple[str, str | Text]]:
    scope = result.document.scope
    how = " (angiven)" if scope.overridden else " (antagen: ingen verksamhet kändes igen)" if scope.assumed else ""
    rule = Text.assemble((finding.rule or "–", "bold"), "\n", explain_rule(finding.rule))
    return [
        ("Status", Text(STATUS_SV[finding.status], style=f"bold {_STATUS_STYLE[finding.status]}")),
        ("Regel", rule),
        ("Motivering", finding.reason),
        ("Omfattning", (", ".join(scope.activities) or "okänd") + how),
        ("Signaler", _bullets(finding.signals) if finding.signals else "inga"),
        ("Delar som saknas", ", ".join(finding.missing_elements) or "inga"),
    ]


def _search_rows(requirement: Requirement) -> list[tuple[str, str | Text]]:
    spec = requirement.evidence
    rows: list[tuple[str, str | Text]] = [("Fraser", _terms(spec.phrases))]
    if spec.weak_phrases:
        rows.append(("Svaga fraser", _bullets([f"{_terms(weak.terms)}, bara tillsammans med {_terms(weak.together_with)}"
                                               for weak in spec.weak_phrases])))
    if spec.elements:
        rows.append(("Delar", _bullets([
            f"{element.name}: {_terms(element.terms)}" + (" (eller en återkommande frekvens)" if element.rhythm else "")
            for element in spec.elements])))
        if spec.missing_without_elements:
            rows.append(("", "Nämns delarna aldrig i egen text saknas kravet, även om ämnet nämns."))
    if spec.heading_terms:
        rows.append(("Rubrikord", _terms(spec.heading_terms)))
    if spec.near_miss_terms:
        rows.append(("Handlar om annat", _terms(spec.near_miss_terms)))
    if spec.sibling_terms:
        own = f"; räknas bara med {_terms(spec.own_terms)}" if spec.own_terms else ""
        rows.append(("Närliggande krav", _terms(spec.sibling_terms) + own))
    return rows


def _terms(terms: tuple[str, ...] | list[str]) -> str:
    return ", ".join(plain(term) for term in terms)


def _bullets(lines: list[str]) -> Text:
    return Text("\n".join(f"• {line}" for line in lines))


def _grid(rows: list[tuple[str, str | Text]], indent: int = 2) -> Padding:
    """Label and value side by side; long values wrap under their own column."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(Text(label), value if isinstance(value, Text) else Text(value))
    return Padding(grid, (0, 0, 0, indent))
