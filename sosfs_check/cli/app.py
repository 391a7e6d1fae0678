"""The `sosfs-check` command."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sosfs_check.cli.swedish import install as install_swedish
from sosfs_check.errors import InvalidArgumentError, SosfsCheckError

if TYPE_CHECKING:
    from sosfs_check.assessment.model import AssessmentResult
    from sosfs_check.catalog.export import ExportFormat
    from sosfs_check.document.reader import ReadLimits
    from sosfs_check.report.formats import ReportFormat

# typer's own texts (usage line, help panels, errors) in Swedish; at import, so that CliRunner(app) gets them too.
install_swedish()

app = typer.Typer(
    name="sosfs-check",
    help="Granska ledningssystem för systematiskt kvalitetsarbete mot SOSFS 2011:9.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["--help", "-h"]},
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
        "--output", "-o", metavar="FIL", help="Fil att skriva (krävs för json, csv, xlsx).")] = None,
    docs: Annotated[Path | None, typer.Option(
        "--docs", metavar="MAPP", help="Skriv referenssidor i Markdown till denna mapp.")] = None,
    catalog_dir: Annotated[Path | None, typer.Option(
        "--katalog", metavar="MAPP", help="Annan katalogmapp än den inbyggda.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över befintliga filer.")] = False,
) -> None:
    """Visa kravkatalogen, exportera den eller skriv referenssidor."""
    from sosfs_check.catalog import load_catalog
    catalog = load_catalog(catalog_dir)
    if docs is not None:
        from sosfs_check.catalog.docs import write_docs

        written = write_docs(catalog, docs, force=force)
        typer.echo(f"Skrev {len(written)} referenssidor till {docs}")
        return
    if fmt is CatalogFormat.table:
        from sosfs_check.cli.tables import print_catalog

        print_catalog(catalog)
        return
    if output is None:
        raise typer.BadParameter("ange en utdatafil med -o för formatet " + fmt.value, param_hint="--output")
    from sosfs_check.catalog.export import export_catalog
    from sosfs_check.output_files import write_output

    write_output(output, lambda target: export_catalog(catalog, target, _EXPORT_FORMATS[fmt]), force=force)
    typer.echo(f"Skrev {len(catalog)} krav till {output}")


# Parameters shared by several commands: one definition, the same Swedish help everywhere.
Document = Annotated[Path, typer.Argument(metavar="FIL", help="Ledningssystemet (.docx, .pdf, .txt eller .md).")]
Output = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FIL", help="Skriv till fil i stället för terminalen.")]
Force = Annotated[bool, typer.Option("--force", help="Skriv över befintlig fil.")]
# The values are passed on as typed: the assessment knows the activities and their aliases and rejects others.
Omfattning = Annotated[list[str] | None, typer.Option(
    "--omfattning", metavar="VERKSAMHET",
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


def _emit(content: str, output: Path | None, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    from sosfs_check.output_files import write_text_output

    if output is None:
        sys.stdout.write(content)
    else:
        write_text_output(output, content, force=force, inputs=inputs)


def _limits(max_xml_mb: int, max_sidor: int | None, max_pdf_mb: int | None) -> ReadLimits:
    """The reader's limits from the options (a value below 1 is an error, not "no limit")."""
    for option, value in (("--max-xml-mb", max_xml_mb), ("--max-sidor", max_sidor), ("--max-pdf-mb", max_pdf_mb)):
        if value is not None and value < 1:
            raise InvalidArgumentError(f"{option} måste vara minst 1")
    return {"max_xml_bytes": max_xml_mb * 1024 * 1024, "max_pages": max_sidor,
            "max_pdf_bytes": max_pdf_mb * 1024 * 1024 if max_pdf_mb is not None else None}


MaxXmlMb = Annotated[int, typer.Option(
    "--max-xml-mb", help="Största tillåtna uppackade XML-storlek i MB för .docx (skydd mot zip-bomber).")]
MaxPages = Annotated[int | None, typer.Option(
    "--max-sidor", metavar="ANTAL", help="Största tillåtna antal sidor i en PDF (standard 2000).")]
MaxPdfMb = Annotated[int | None, typer.Option(
    "--max-pdf-mb", metavar="MB", help="Största tillåtna uppackade innehåll i en PDF i MB (standard 200).")]


@app.command("read")
def read_command(
    file: Document,
    fmt: Annotated[ReadFormat, typer.Option("--format", "-f", help="text, json eller md.")] = ReadFormat.text,
    output: Output = None,
    force: Force = False,
    max_xml_mb: MaxXmlMb = 200,
    max_sidor: MaxPages = None,
    max_pdf_mb: MaxPdfMb = None,
) -> None:
    """Läs ett dokument och visa texten, dokumentmodellen (json) eller dispositionen (md)."""
    from sosfs_check.document.reader import read
    from sosfs_check.document.render import render_json, render_markdown, render_text

    model = read(file, **_limits(max_xml_mb, max_sidor, max_pdf_mb))
    renderer = {ReadFormat.text: render_text, ReadFormat.json: render_json, ReadFormat.md: render_markdown}[fmt]
    _emit(renderer(model), output, force, (file,))


class ReportFormatOption(StrEnum):
    json = "json"
    md = "md"
    html = "html"
    docx = "docx"
    xlsx = "xlsx"


_REPORT_FORMATS: dict[ReportFormatOption, ReportFormat] = {
    ReportFormatOption.json: "json", ReportFormatOption.md: "md", ReportFormatOption.html: "html",
    ReportFormatOption.docx: "docx", ReportFormatOption.xlsx: "xlsx"}


@app.command("check")
def check_command(
    files: Annotated[list[Path], typer.Argument(
        metavar="FIL|MAPP...", help="Ett eller flera ledningssystem (.docx, .pdf, .txt, .md) eller mappar med sådana.")],
    fmt: Annotated[list[ReportFormatOption] | None, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help="json (hela resultatet), md, html, docx (Word) eller xlsx (Excel). Utan --format: sammanfattning i "
             "terminalen, eller det format som filnamnet efter -o anger. Flera dokument: flaggan kan upprepas "
             "(standard html).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FIL|MAPP",
        help="Rapportfilen; för flera dokument eller en mapp: mappen där rapporterna och sammanfattningen skrivs.")]
        = None,
    omfattning: Omfattning = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="Avsluta med kod 1 om något krav saknas (eller är delvis).")] = None,
    force: Force = False,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", metavar="ANTAL",
        help="Hur många dokument som granskas samtidigt (i egna processer) när de är flera.")] = 1,
    max_xml_mb: MaxXmlMb = 200,
    max_sidor: MaxPages = None,
    max_pdf_mb: MaxPdfMb = None,
) -> None:
    """Granska ett eller flera ledningssystem mot alla krav i SOSFS 2011:9."""
    limits = _limits(max_xml_mb, max_sidor, max_pdf_mb)
    formats = [_REPORT_FORMATS[option] for option in fmt or []]
    failing = None if fail_on is None else {"missing"} if fail_on is FailOn.missing else {"missing", "partial"}
    # Several documents, a folder of them, or a folder to write into: a batch (reports named after the documents).
    if len(files) > 1 or any(path.is_dir() for path in files) or (output is not None and output.is_dir()):
        from sosfs_check.cli.batch import run_batch

        if output is None:
            raise InvalidArgumentError("ange med -o en mapp där rapporterna ska skrivas när flera dokument granskas")
        code = run_batch(files, output, formats or ["html"], jobs=jobs, omfattning=omfattning,
                         limits=limits, force=force, fail_on=failing)
        raise typer.Exit(code)
    result = _check_one_document(files[0], formats, output, omfattning, force, limits)
    if failing is not None and any(f.status in failing for f in result.findings):
        raise typer.Exit(1)


def _one_output(fmt: ReportFormat | None, output: Path | None, force: bool,
                inputs: tuple[Path, ...]) -> ReportFormat | None:
    """The format of one output: --format, else the suffix of -o's file name, else None (the terminal summary).
    A file -o names is checked before any work: a refusal costs the user nothing."""
    from sosfs_check.report.formats import TEXT_FORMATS, format_of

    chosen = fmt if fmt is not None else format_of(output) if output is not None else None
    if output is not None and chosen is None:
        raise InvalidArgumentError("ange --format eller ett filnamn som slutar på .json, .md, .html, .docx eller "
                                   ".xlsx", output)
    if output is None and chosen is not None and chosen not in TEXT_FORMATS:
        raise InvalidArgumentError(f"formatet {chosen} kan inte visas i terminalen; ange en fil med -o")
    if output is not None:
        from sosfs_check.output_files import check_output

        check_output(output, force=force, inputs=inputs)
    return chosen


def _check_one_document(file: Path, formats: list[ReportFormat], output: Path | None, omfattning: list[str] | None,
                        force: bool, limits: ReadLimits) -> AssessmentResult:
    """One document: its report to the file -o names (in the format --format or the file's suffix gives) or to the
    terminal, and the summary in the terminal unless the report itself went there."""
    from sosfs_check.assessment.run import check
    from sosfs_check.cli.summary import print_summary
    from sosfs_check.document.reader import read
    from sosfs_check.report.formats import render_text, write_report
    from sosfs_check.report.view import build_view

    if len(formats) > 1:
        raise InvalidArgumentError("ange ett --format för ett dokument (flera format går för en mapp med -o)")
    fmt = _one_output(formats[0] if formats else None, output, force, (file,))
    result = check(read(file, **limits), omfattning=omfattning)
    view = build_view(result)
    if output is not None and fmt is not None:
        write_report(result, view, fmt, output, force=force, inputs=(file,))
    elif fmt is not None:
        sys.stdout.write(render_text(result, view, fmt))
    if fmt is None or output is not None:
        print_summary(result, to_stderr=False)
    return result


@app.command("generate")
def generate_command(
    description: Annotated[Path | None, typer.Argument(
        metavar="BESKRIVNING", help="Beskrivningen av förvaltningen (YAML; se --exempel).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FIL", help="Word-filen som ska skrivas (.docx).")] = None,
    exempel: Annotated[bool, typer.Option(
        "--exempel", help="Skriv ut en komplett, kommenterad exempelbeskrivning att utgå från.")] = False,
    luckor: Annotated[Path | None, typer.Option(
        "--luckor", metavar="RESULTAT",
        help="Ett resultat från check --format json: skriv i stället en komplettering med ett utkast till avsnitt "
             "för varje krav som saknas eller bara delvis är beskrivet.")] = None,
    force: Force = False,
) -> None:
    """Skriv ett utkast till ledningssystem i Word från en beskrivning av förvaltningen, och granska det."""
    from sosfs_check.drafting import EXAMPLE

    if exempel:
        _emit(EXAMPLE.read_text(encoding="utf-8"), output, force)
        return
    if output is None:
        raise InvalidArgumentError("ange med -o vilken Word-fil som ska skrivas, t.ex. -o utkast.docx")
    if output.suffix.lower() != ".docx":
        raise InvalidArgumentError("utkastet skrivs i Word-format: ange ett filnamn som slutar på .docx", output)
    if luckor is not None:
        from sosfs_check.assessment.stored import load_result
        from sosfs_check.drafting import supplement

        result = load_result(luckor)
        supplement(result, output, overwrite=force)
        gaps = sum(1 for f in result.findings if f.status in ("missing", "partial"))
        typer.echo(f"Skrev {output}: {gaps} avsnitt att anpassa, ett för varje krav som saknas eller är delvis.")
        return
    if description is None:
        raise InvalidArgumentError("ange beskrivningen av förvaltningen (YAML), eller --exempel för ett exempel")
    from sosfs_check.assessment.run import check
    from sosfs_check.drafting import generate
    from sosfs_check.drafting.description import load_description

    described = load_description(description)
    generate(described, output, overwrite=force)
    checked = check(output, omfattning=list(described.omfattning))
    applicable = [f for f in checked.findings if f.status != "not_applicable"]
    covered = sum(1 for f in applicable if f.status == "covered")
    typer.echo(f"Skrev {output}. Utkastet granskat: {covered} av {len(applicable)} tillämpliga krav täckta.")
    for finding in applicable:
        if finding.status != "covered":
            typer.echo(f"  {finding.requirement_id}: {finding.reason}")


@app.command("compare")
def compare_command(
    files: Annotated[list[Path], typer.Argument(
        metavar="FIL...", help="Två eller flera ledningssystem (.docx, .pdf, .txt, .md) eller sparade resultat (.json från "
                               "check --format json).")],
    names: Annotated[list[str] | None, typer.Option(
        "--namn", metavar="NAMN", help="Namnet på varje dokument i jämförelsen, i samma ordning (flaggan upprepad); "
                                       "annars filnamnen.")] = None,
    fmt: Annotated[ReportFormatOption | None, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help="html, xlsx, docx, json eller md. Utan --format: sammanfattning i terminalen, eller det format som "
             "filnamnet efter -o anger.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FIL", help="Jämförelsen som fil.")] = None,
    omfattning: Omfattning = None,
    force: Force = False,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", metavar="ANTAL", help="Hur många dokument som granskas samtidigt (i egna processer).")] = 1,
    max_xml_mb: MaxXmlMb = 200,
    max_sidor: MaxPages = None,
    max_pdf_mb: MaxPdfMb = None,
) -> None:
    """Jämför två eller flera kommuners ledningssystem: täckning, vem som gör vad och hur ofta."""
    import datetime as dt
    from functools import partial

    from sosfs_check.cli.workers import run_each
    from sosfs_check.comparison.model import build_comparison
    from sosfs_check.comparison.output import render_comparison_text, write_comparison

    chosen = _one_output(_REPORT_FORMATS[fmt] if fmt is not None else None, output, force, tuple(files))
    outcomes = run_each(files, partial(_result_of, omfattning=tuple(omfattning or ()),
                                       limits=_limits(max_xml_mb, max_sidor, max_pdf_mb)), jobs=jobs, label="Granskar")
    for outcome in outcomes:
        if isinstance(outcome, SosfsCheckError):
            raise outcome
    comparison = build_comparison([o for o in outcomes if not isinstance(o, SosfsCheckError)], names,
                                  date=dt.date.today().isoformat())
    if output is not None and chosen is not None:
        write_comparison(comparison, chosen, output, force=force, inputs=files)
    elif chosen is not None:
        sys.stdout.write(render_comparison_text(comparison, chosen))
    if chosen is None or output is not None:
        from sosfs_check.cli.summary import print_comparison

        print_comparison(comparison)


def _result_of(index: int, path: Path, *, omfattning: tuple[str, ...], limits: ReadLimits) \
        -> AssessmentResult | SosfsCheckError:
    """In a worker: one compared document's result, or the error to report (raised in the parent, which names
    the file)."""
    from sosfs_check.assessment.run import check
    from sosfs_check.assessment.stored import load_result
    from sosfs_check.document.reader import read

    try:
        if path.suffix.lower() == ".json":
            return load_result(path)
        return check(read(path, **limits), omfattning=list(omfattning) or None)
    except SosfsCheckError as exc:
        error = SosfsCheckError(exc.user_message())
        error.exit_code = exc.exit_code
        return error


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


def _print_version(value: bool) -> None:
    """--version is eager: it answers before a command is required or parsed."""
    if value:
        from sosfs_check import __version__

        typer.echo(f"sosfs-check {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Visa versionen och avsluta.")] = False,
) -> None:
    """Granska ledningssystem för systematiskt kvalitetsarbete mot SOSFS 2011:9."""


def main() -> None:
    """Entry point: our own errors become one Swedish line on stderr and a documented exit code."""
    try:
        app()
    except SosfsCheckError as exc:
        print(f"Fel: {exc.user_message()}", file=sys.stderr)
        sys.exit(exc.exit_code)
