"""Render a DocumentModel as plain text, JSON or a Markdown outline (the `read` command's formats)."""

from __future__ import annotations

import json

from sosfs_check.document.model import DocumentModel, Paragraph, Section, Table


def _paragraph_line(paragraph: Paragraph) -> str:
    if paragraph.marker:
        return "  " * (paragraph.list_level or 0) + f"{paragraph.marker} {paragraph.text}"
    return paragraph.text


def _table_lines(table: Table) -> list[str]:
    lines = []
    for cell in table.cells:
        for inner in cell.blocks:
            lines.extend(_table_lines(inner) if isinstance(inner, Table) else [_paragraph_line(inner)])
    return lines


def _section_lines(section: Section) -> list[str]:
    lines = [section.title] if section.level > 0 else []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            lines.append(_paragraph_line(block))
            lines.extend(f"[fotnot] {note}" for note in block.footnotes)
        else:
            lines.extend(_table_lines(block))
    for child in section.subsections:
        lines.extend(_section_lines(child))
    return lines


def render_text(model: DocumentModel) -> str:
    lines: list[str] = []
    for section in model.sections:
        lines.extend(_section_lines(section))
    return "\n".join(lines) + "\n"


def render_json(model: DocumentModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def render_markdown(model: DocumentModel) -> str:
    lines = [f"# {model.properties.title or model.source_name}", ""]
    for section in model.walk_sections():
        if section.level == 0:
            continue
        n_blocks = len(section.blocks)
        tables = sum(1 for b in section.blocks if isinstance(b, Table))
        counts = [_count(n_blocks, "stycke", "stycken")] + ([_count(tables, "tabell", "tabeller")] if tables else [])
        extra = f" ({', '.join(counts)})"
        lines.append("  " * (section.level - 1) + f"- **{section.title}**{extra}")
    fidelity = model.fidelity
    lines += ["", "## Läsning", ""]
    lines += [f"- {key}: {value}" for key, value in fidelity.counts.items()]
    for title, items in (("Utelämnat med avsikt", fidelity.excluded), ("Kunde inte läsas", fidelity.unreadable)):
        if items:
            lines += ["", f"### {title}", ""]
            lines += [f"- {item.kind} – {item.location}: {item.detail}" for item in items]
    lines += [f"- Varning: {warning}" for warning in fidelity.warnings]
    return "\n".join(lines) + "\n"


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"
