"""The `sosfs-check` command."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from sosfs_check.errors import SosfsCheckError

app = typer.Typer(
    name="sosfs-check",
    help="Granska ledningssystem för systematiskt kvalitetsarbete mot SOSFS 2011:9.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class CatalogFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


@app.command("catalog")
def catalog_command(
    fmt: CatalogFormat = typer.Option(CatalogFormat.table, "--format", "-f", help="Utdataformat."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Fil att skriva (krävs för json, csv, xlsx)."),
    docs: Optional[Path] = typer.Option(None, "--docs", help="Skriv referenssidor i Markdown till denna mapp."),
    catalog_dir: Optional[Path] = typer.Option(None, "--katalog", help="Annan katalogmapp än den inbyggda."),
    force: bool = typer.Option(False, "--force", help="Skriv över befintliga filer."),
) -> None:
    """Visa kravkatalogen, exportera den eller skriv referenssidor."""
    from sosfs_check.catalog import load_catalog
    from sosfs_check.cli.output import claim_output

    catalog = load_catalog(catalog_dir)
    if docs is not None:
        from sosfs_check.catalog.docs import write_docs

        written = write_docs(catalog, docs)
        typer.echo(f"Skrev {len(written)} referenssidor till {docs}")
        return
    if fmt is CatalogFormat.table:
        from sosfs_check.cli.tables import print_catalog

        print_catalog(catalog)
        return
    if output is None:
        raise typer.BadParameter("ange en utdatafil med -o för formatet " + fmt.value, param_hint="--output")
    from sosfs_check.catalog.export import export_catalog

    export_catalog(catalog, claim_output(output, force), fmt.value)
    typer.echo(f"Skrev {len(catalog)} krav till {output}")


@app.callback()
def _root() -> None:
    """Granska ledningssystem för systematiskt kvalitetsarbete mot SOSFS 2011:9."""


def main() -> None:
    """Entry point: our own errors become one Swedish line on stderr and a documented exit code."""
    try:
        app()
    except SosfsCheckError as exc:
        print(f"Fel: {exc.user_message()}", file=sys.stderr)
        sys.exit(exc.exit_code)
