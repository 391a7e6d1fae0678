"""The terminal summary of an AssessmentResult: the report view laid out for a terminal (no judgement here)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from sosfs_check.assessment.model import AssessmentResult
from sosfs_check.comparison.model import Comparison
from sosfs_check.report.view import ReportView, build_view

_STYLE = {"covered": "green", "partial": "yellow", "missing": "red", "not_applicable": "dim"}


def print_summary(result: AssessmentResult, to_stderr: bool = False) -> None:
    """Document, scope, counts per kind (ska apart from bör), and the gaps in order of priority."""
    print_view(build_view(result), Console(stderr=to_stderr))


def print_view(view: ReportView, console: Console) -> None:
    t = view.texts
    console.print(f"[bold]{view.document}[/bold] – {view.regulation} (katalog {view.catalog_version})")
    console.print(f"{t.labels['scope']}: {view.scope}")
    if view.scope_warning:
        console.print(f"[yellow]{view.scope_warning}[/yellow]")
    for excluded in view.scope_excluded:
        console.print(excluded)
    for kind in view.kinds:
        console.print(view.headline(kind.kind))
    table = Table(title=t.headings["actions"], title_justify="left", show_lines=False)
    for column in ("#", t.labels["requirement"], t.labels["kind"], t.labels["citation"], t.labels["status"],
                   t.labels["reason"], t.labels["location"]):
        table.add_column(column, overflow="fold")
    for number, action in enumerate(view.actions, start=1):
        table.add_row(str(number), action.id, action.kind_label, action.citation,
                      f"[{_STYLE[action.status]}]{action.status_label}[/]", action.reason, action.location or "–")
    if table.row_count:
        console.print(table)
    else:
        console.print(t.notes["no_actions"])
    if view.stale_references:
        console.print(f"[yellow]{t.headings['references']}: {len(view.stale_references)}[/yellow]")
    if not view.fidelity.complete:
        console.print(f"[yellow]{t.notes['unreadable']} {len(view.fidelity.unreadable)}[/yellow]")


def print_comparison(comparison: Comparison, console: Console | None = None) -> None:
    """The documents' coverage and the largest differences, status per document."""
    console = console or Console()
    t, c = comparison.texts, comparison.texts.compare
    console.print(f"[bold]{comparison.title}[/bold]")
    for document in comparison.documents:
        console.print(f"{document.name}: {document.counts['covered']} {t.counted['covered']}, "
                      f"{document.counts['partial']} {t.counted['partial']}, {document.counts['missing']} "
                      f"{t.counted['missing']} ({t.labels['scope'].lower()}: {document.scope})")
    if not comparison.largest_differences:
        console.print(c["no_differences"])
        return
    table = Table(title=c["differences"], title_justify="left")
    for column in (t.labels["requirement"], t.labels["kind"], *(d.name for d in comparison.documents)):
        table.add_column(column, overflow="fold")
    for row in comparison.largest_differences:
        table.add_row(row.id, row.kind_label,
                      *(f"[{_STYLE[cell.status]}]{cell.status_label}[/]" for cell in row.cells))
    console.print(table)
