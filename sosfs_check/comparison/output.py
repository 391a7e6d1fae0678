"""The comparison in a report format: Markdown and JSON here, HTML, Excel and Word in their own modules."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sosfs_check.comparison.model import Comparison
from sosfs_check.output_files import write_output, write_text_output
from sosfs_check.report.formats import TEXT_FORMATS, ReportFormat


def render_comparison_text(comparison: Comparison, fmt: ReportFormat) -> str:
    """A text format's content (json, md, html)."""
    if fmt == "json":
        return comparison_json(comparison)
    if fmt == "md":
        from sosfs_check.report.templating import environment

        return environment(html=False).get_template("compare.md.j2").render(comparison=comparison)
    from sosfs_check.comparison.html import render_comparison_html

    return render_comparison_html(comparison)


def comparison_json(comparison: Comparison) -> str:
    """The comparison as data: the documents, every requirement with its cells, and the areas (no wording)."""
    import json
    from dataclasses import asdict

    data = asdict(comparison)
    del data["texts"]
    data["largest_differences"] = [row.id for row in comparison.largest_differences]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_comparison(comparison: Comparison, fmt: ReportFormat, path: Path, *, force: bool,
                     inputs: Iterable[Path] = ()) -> Path:
    """One comparison file, written atomically; never over an existing file without force or over an input."""
    if fmt in TEXT_FORMATS:
        return write_text_output(path, render_comparison_text(comparison, fmt), force=force, inputs=inputs)
    if fmt == "docx":
        from sosfs_check.comparison.docx import write_comparison_docx

        return write_output(path, lambda target: write_comparison_docx(comparison, target), force=force,
                            inputs=inputs)
    from sosfs_check.comparison.xlsx import write_comparison_xlsx

    return write_output(path, lambda target: write_comparison_xlsx(comparison, target), force=force, inputs=inputs)
