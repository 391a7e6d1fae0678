"""Swedish terminal summary and Markdown report of an AssessmentResult (rendering only, no matching)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from sosfs_check.assessment.model import STATUS_SV, AssessmentResult

_STYLE = {"covered": "green", "partial": "yellow", "missing": "red", "not_applicable": "dim"}


def print_summary(result: AssessmentResult, to_stderr: bool = False) -> None:
    console = Console(stderr=to_stderr)
    s = result.summary
    console.print(f"[bold]{result.document.source_name}[/bold] – granskat mot {result.catalog.regulation} "
                  f"(katalog {result.catalog.catalog_version})")
    scope = result.document.scope
    console.print(f"Omfattning: {', '.join(scope.activities) or 'okänd'}"
                  f"{' (angiven)' if scope.overridden else ''}")
    if scope.warning:
        console.print(f"[yellow]Varning: {scope.warning}[/yellow]")
    for activity, sentence in scope.excluded_by.items():
        console.print(f"Utanför omfattningen enligt dokumentet: {activity} – »{sentence}«")
    console.print(f"[green]{s.covered} täckta[/green], [yellow]{s.partial} delvis[/yellow], "
                  f"[red]{s.missing} saknas[/red], {s.not_applicable} ej tillämpliga av {s.total} krav.")
    table = Table(show_lines=False)
    for column in ("Krav", "Status", "Motivering", "Var"):
        table.add_column(column, overflow="fold")
    for f in result.findings:
        if f.status in ("partial", "missing"):
            where = f.evidence[0].location if f.evidence else "–"
            table.add_row(f.requirement_id, f"[{_STYLE[f.status]}]{STATUS_SV[f.status]}[/]", f.reason, where)
    if table.row_count:
        console.print(table)
    if s.stale_references:
        console.print(f"[yellow]{s.stale_references} inaktuella lagrumshänvisningar[/yellow] (se --format json).")
    if result.fidelity.unreadable:
        console.print(f"[yellow]Obs: {len(result.fidelity.unreadable)} delar av dokumentet kunde inte läsas "
                      "(bilder, diagram, inbäddade objekt).[/yellow]")


def render_markdown_report(result: AssessmentResult) -> str:
    s = result.summary
    scope = result.document.scope
    counts = (f"{s.covered} täckta, {s.partial} delvis, {s.missing} saknas, {s.not_applicable} ej tillämpliga "
              f"av {s.total} krav i {result.catalog.regulation}.")
    lines = [f"# Granskning av {result.document.source_name}", "", counts, "",
             f"Omfattning: {', '.join(scope.activities)}{' (angiven)' if scope.overridden else ''}.", ""]
    if result.document.scope.warning:
        lines += [f"> **Varning:** {result.document.scope.warning}", ""]
    for activity, sentence in scope.excluded_by.items():
        lines += [f"Utanför omfattningen enligt dokumentet: {activity} – »{sentence}«", ""]
    lines += ["| Krav | Status | Motivering | Belägg |", "|---|---|---|---|"]
    for f in result.findings:
        quote = f"»{f.evidence[0].quote}« ({f.evidence[0].location})" if f.evidence else "–"
        lines.append(f"| {f.requirement_id} | {STATUS_SV[f.status]} | {f.reason} | {quote.replace('|', '/')} |")
    stale = [c for c in result.references if c.status == "stale"]
    if stale:
        lines += ["", "## Inaktuella hänvisningar", ""]
        lines += [f"- »{c.text}« ({c.location}): ersatt av {c.replacement} sedan {c.stale_since}" for c in stale]
    if result.fidelity.unreadable:
        lines += ["", "## Kunde inte läsas", ""]
        lines += [f"- {item.kind} – {item.location}: {item.detail}" for item in result.fidelity.unreadable]
    return "\n".join(lines) + "\n"
