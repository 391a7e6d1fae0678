"""Rich tables for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from sosfs_check.catalog.models import Catalog


def print_catalog(catalog: Catalog, console: Console | None = None) -> None:
    console = console or Console()
    meta = catalog.metadata
    table = Table(title=f"{meta.regulation} – {len(catalog)} krav (katalog {meta.catalog_version})", show_lines=False)
    for column in ("Id", "Källa", "Typ", "Gäller", "Rubrik"):
        table.add_column(column, overflow="fold")
    for r in catalog.requirements:
        table.add_row(r.id, r.source.citation, r.kind, r.applies_to, r.title)
    console.print(table)
