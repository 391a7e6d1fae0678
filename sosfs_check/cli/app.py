"""The `sosfs-check` command."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sosfs_check.errors import SosfsCheckError

if TYPE_CHECKING:
    from sosfs_check.catalog.export import ExportFormat

app = typer.Typer(
    name="sosfs-check",
    help="Granska ledningssystem för systematiskt kvalitetsarbete mot SOSFS 2011:9.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class CatalogFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


_EXPORT_FORMATS: dict[CatalogFormat, ExportFormat] = {
    CatalogFormat.json: "json", CatalogFormat.csv: "csv", CatalogFormat.xlsx: "xlsx"}


@app.command("catalog")
def catalog_command(
    fmt: Annotated[CatalogFormat, typer.Option("--format", "-f", help="Utdataformat.")] = CatalogFormat.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Fil att skriva (krävs för json, csv, xlsx).")] = None,
    docs: Annotated[Path | None, typer.Option(
        "--docs", help="Skriv referenssidor i Markdown till denna mapp.")] = None,
    catalog_dir: Annotated[Path | None, typer.Option("--katalog", help="Annan katalogmapp än den inbyggda.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över befintliga filer.")] = False,
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

    export_catalog(catalog, claim_output(output, force), _EXPORT_FORMATS[fmt])
    typer.echo(f"Skrev {len(catalog)} krav till {output}")


# Parameters shared by several commands: one definition, the same Swedish help everywhere.
Document = Annotated[Path, typer.Argument(help="Ledningssystemet (.docx, .txt eller .md).")]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Skriv till fil i stället för terminalen.")]
Force = Annotated[bool, typer.Option("--force", help="Skriv över befintlig fil.")]
# The values are passed on as typed: the assessment knows the activities and their aliases and rejects others.
Omfattning = Annotated[list[str] | None, typer.Option(
    "--omfattning",
    help="Ange verksamhet i stället för att gissa: socialtjänst, lss eller 'hälso- och sjukvård', eller "
         "SoL, LSS, HSL; stora eller små bokstäver; flera med komma eller flaggan upprepad. "
         "Okända värden ger kod 2.")]


class ReadFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"


class JsonOrMarkdown(StrEnum):
    json = "json"
    md = "md"


class FailOn(StrEnum):
    missing = "missing"
    partial = "partial"


def _emit(content: str, output: Path | None, force: bool) -> None:
    from sosfs_check.cli.output import claim_output

    if output is None:
        sys.stdout.write(content)
    else:
        claim_output(output, force).write_text(content, encoding="utf-8")


@app.command("read")
def read_command(
    file: Document,
    fmt: Annotated[ReadFormat, typer.Option("--format", "-f", help="text, json eller md.")] = ReadFormat.text,
    output: Output = None,
    force: Force = False,
    max_xml_mb: Annotated[int, typer.Option(
        "--max-xml-mb", help="Största tillåtna uppackade XML-storlek i MB.")] = 200,
) -> None:
    """Läs ett dokument och visa texten, dokumentmodellen (json) eller dispositionen (md)."""
    from sosfs_check.document.reader import read
    from sosfs_check.document.render import render_json, render_markdown, render_text

    model = read(file, max_xml_bytes=max_xml_mb * 1024 * 1024)
    renderer = {ReadFormat.text: render_text, ReadFormat.json: render_json, ReadFormat.md: render_markdown}[fmt]
    _emit(renderer(model), output, force)


@app.command("check")
def check_command(
    file: Document,
    fmt: Annotated[JsonOrMarkdown | None, typer.Option(
        "--format", "-f", help="json (hela resultatet) eller md.")] = None,
    output: Output = None,
    omfattning: Omfattning = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="Avsluta med kod 1 om något krav saknas (eller är delvis).")] = None,
    force: Force = False,
) -> None:
    """Granska ett ledningssystem mot alla krav i SOSFS 2011:9."""
    from sosfs_check.assessment.run import check
    from sosfs_check.cli.summary import print_summary, render_markdown_report

    result = check(file, omfattning=omfattning)
    if fmt is JsonOrMarkdown.json:
        _emit(result.to_json(), output, force)
    elif fmt is JsonOrMarkdown.md:
        _emit(render_markdown_report(result), output, force)
    if fmt is None or output is not None:
        print_summary(result, to_stderr=fmt is not None and output is None)
    if fail_on is not None:
        failing = {"missing"} if fail_on is FailOn.missing else {"missing", "partial"}
        if any(f.status in failing for f in result.findings):
            raise typer.Exit(1)


class TextOrJson(StrEnum):
    text = "text"
    json = "json"


@app.command("explain")
def explain_command(
    file: Document,
    requirement_id: Annotated[str, typer.Argument(
        metavar="ID", help="Kravets id, t.ex. RISK-2 (se sosfs-check catalog).")],
    fmt: Annotated[TextOrJson, typer.Option(
        "--format", "-f", help="text (förklaring i terminalen) eller json (bedömningen och kravet).")] = TextOrJson.text,
    omfattning: Omfattning = None,
) -> None:
    """Visa hur verktyget kom fram till statusen för ett krav: regel, signaler och belägg."""
    from sosfs_check.assessment.run import check
    from sosfs_check.catalog import load_catalog
    from sosfs_check.cli.explain import explanation_json, find_requirement, print_explanation

    catalog = load_catalog()
    requirement = find_requirement(catalog, requirement_id)
    result = check(file, omfattning=omfattning, catalog=catalog)
    if fmt is TextOrJson.json:
        _emit(explanation_json(result, requirement), None, False)
    else:
        print_explanation(result, requirement, catalog.matching.audience_labels[requirement.applies_to])


@app.command("schema")
def schema_command(
    fmt: Annotated[JsonOrMarkdown, typer.Option(
        "--format", "-f", help="json (JSON Schema) eller md.")] = JsonOrMarkdown.json,
    output: Output = None,
    force: Force = False,
) -> None:
    """Visa formatet för resultatet av check --format json."""
    from sosfs_check.assessment.schema import render_json_schema, render_markdown_schema

    _emit(render_json_schema() if fmt is JsonOrMarkdown.json else render_markdown_schema(), output, force)


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
