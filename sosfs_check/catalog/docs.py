"""Generate the Markdown reference pages (one per requirement plus an index) from the catalog."""

from __future__ import annotations

from pathlib import Path

from sosfs_check.catalog.models import Catalog, Requirement

KIND_LABEL = {"ska": "Föreskrift (ska)", "bör": "Allmänt råd (bör)", "upplysning": "Upplysning"}
APPLIES_LABEL = {
    "alla": "Alla (vårdgivare, socialtjänst och LSS)",
    "vårdgivare": "Vårdgivare (hälso- och sjukvård)",
    "socialtjänst_lss": "Socialtjänst och LSS",
    "socialtjänst": "Socialtjänst",
    "lss": "LSS",
}
VERIFIED_LABEL = {"verified": "bekräftad", "partly": "delvis bekräftad", "unverified": "inte bekräftad"}


def _bullets(values: tuple[str, ...]) -> str:
    return "\n".join(f"- {value}" for value in values) if values else "- –"


def requirement_page(requirement: Requirement, catalog: Catalog) -> str:
    r = requirement
    source = r.source
    part = f", {source.part}" if source.part != "hela paragrafen" else ""
    lines = [
        f"# {r.id} – {r.title}",
        "",
        "<!-- Genererad från requirements_catalog/ med `sosfs-check catalog --docs docs/`. Redigera inte för hand. -->",
        "",
        "| | |",
        "|---|---|",
        f"| Källa | {source.regulation} {source.citation}{part} |",
        f"| Hänvisningens status | {VERIFIED_LABEL[source.verified]}{' – ' + source.note if source.note else ''} |",
        f"| Typ | {KIND_LABEL[r.kind]} |",
        f"| Gäller | {APPLIES_LABEL[r.applies_to]} |",
        f"| Livscykel | {r.lifecycle} |",
        "",
        "## Kravet",
        "",
        r.text,
        "",
        "## Varför det spelar roll",
        "",
        r.rationale,
        "",
        "## Bedömning",
        "",
        f"- **Uppfyllt:** {r.coverage.covered}",
        f"- **Delvis uppfyllt:** {r.coverage.partial}",
        "",
        "## Exempel",
        "",
        f"- Uppfyller: *{r.examples.meets}*",
        f"- Räcker inte: *{r.examples.falls_short}*",
        "",
        "## Vad verktyget letar efter",
        "",
        "Fraser:",
        "",
        _bullets(r.evidence.phrases),
        "",
    ]
    if r.evidence.elements:
        lines += ["Nödvändiga delar (alla behövs för *uppfyllt*):", ""]
        lines += [f"- {e.name}: {', '.join(e.terms)}" for e in r.evidence.elements]
        lines.append("")
    roles = tuple(role.label for role_id in r.evidence.roles if (role := catalog.role(role_id)) is not None)
    lines += [
        f"Rubrikord: {', '.join(r.evidence.heading_terms) or '–'}",
        "",
        *([f"Ord som visar att texten handlar om något annat: {', '.join(r.evidence.near_miss_terms)}", ""]
          if r.evidence.near_miss_terms else []),
        f"Roller: {', '.join(roles) or '–'}",
        "",
        f"Lagrumshänvisningar: {', '.join(r.evidence.citations) or '–'}",
        "",
        "## Relaterade krav",
        "",
        _bullets(tuple(f"[{rid}]({rid}.md)" for rid in r.related)),
        "",
    ]
    return "\n".join(lines)


def index_page(catalog: Catalog) -> str:
    meta = catalog.metadata
    lines = [
        f"# Kravkatalog {meta.regulation}",
        "",
        "<!-- Genererad från requirements_catalog/. Redigera inte för hand. -->",
        "",
        (f"{meta.title}. Konsoliderad t.o.m. {', '.join(meta.consolidated_through)}"
        f" (lydelse {meta.consolidated_version_date}). Katalogversion {meta.catalog_version}, {meta.catalog_date}."),
        "",
        "| Id | Källa | Typ | Gäller | Rubrik |",
        "|---|---|---|---|---|",
    ]
    for r in catalog.requirements:
        lines.append(f"| [{r.id}]({r.id}.md) | {r.source.citation} | {r.kind} | {r.applies_to} | {r.title} |")
    lines += ["", "## Öppna frågor", ""]
    lines += [f"- {question}" for question in meta.open_questions] or ["- –"]
    return "\n".join(lines) + "\n"


def write_docs(catalog: Catalog, directory: Path, *, force: bool = False) -> list[Path]:
    """Write index.md and one page per requirement; return the written paths. Existing pages are kept unless
    force: every page is checked before the first is written, so a refusal leaves the folder as it was."""
    from sosfs_check.errors import OutputError
    from sosfs_check.output_files import check_output, write_text_output

    if not directory.is_dir():
        if not directory.parent.is_dir():
            raise OutputError(f"mappen {directory.parent} finns inte", directory)
        directory.mkdir()
    pages = [(directory / "index.md", index_page(catalog))]
    pages += [(directory / f"{r.id}.md", requirement_page(r, catalog)) for r in catalog.requirements]
    for path, _ in pages:
        check_output(path, force=force)
    return [write_text_output(path, text, force=force) for path, text in pages]
