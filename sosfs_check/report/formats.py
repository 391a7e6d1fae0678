"""The report formats a user can ask for, and writing one report file in any of them (atomically, safely)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sosfs_check.output_files import write_output, write_text_output

if TYPE_CHECKING:
    from sosfs_check.assessment.model import AssessmentResult
    from sosfs_check.report.view import BatchView, ReportView

ReportFormat = Literal["json", "md", "html", "docx", "xlsx"]
SUFFIXES: dict[ReportFormat, str] = {"json": ".json", "md": ".md", "html": ".html", "docx": ".docx", "xlsx": ".xlsx"}
TEXT_FORMATS: frozenset[ReportFormat] = frozenset({"json", "md", "html"})  # those that can go to the terminal


def format_of(path: Path) -> ReportFormat | None:
    """The format a file name asks for by its suffix ("rapport.html" → html)."""
    return next((fmt for fmt, suffix in SUFFIXES.items() if path.suffix.lower() == suffix), None)


def render_text(result: AssessmentResult, view: ReportView, fmt: ReportFormat) -> str:
    """A text format's content."""
    if fmt == "json":
        return result.to_json()
    if fmt == "md":
        from sosfs_check.report.markdown import render_markdown

        return render_markdown(view)
    from sosfs_check.report.html import render_html

    return render_html(view)


def write_report(result: AssessmentResult, view: ReportView, fmt: ReportFormat, path: Path, *, force: bool,
                 inputs: Iterable[Path] = ()) -> Path:
    """One report file, written atomically; never over an existing file without force or over an input."""
    if fmt in TEXT_FORMATS:
        return write_text_output(path, render_text(result, view, fmt), force=force, inputs=inputs)
    if fmt == "docx":
        from sosfs_check.report.docx_report import write_docx

        return write_output(path, lambda target: write_docx(view, target), force=force, inputs=inputs)
    from sosfs_check.report.xlsx_report import write_xlsx

    return write_output(path, lambda target: write_xlsx([view], target), force=force, inputs=inputs)


def write_batch_summary(batch: BatchView, views: list[ReportView], fmt: ReportFormat, path: Path, *,
                        force: bool, inputs: Iterable[Path] = ()) -> Path:
    """The batch summary (documents × coverage, ska gaps) in one format; Excel gets a sheet per document too."""
    if fmt == "xlsx":
        from sosfs_check.report.xlsx_report import write_xlsx

        return write_output(path, lambda target: write_xlsx(views, target, batch), force=force, inputs=inputs)
    if fmt == "json":
        import json
        from dataclasses import asdict

        rows = [asdict(row) for row in batch.rows]
        content = json.dumps({"title": batch.title, "date": batch.date, "documents": rows}, ensure_ascii=False,
                             indent=2) + "\n"
    elif fmt == "md":
        from sosfs_check.report.markdown import render_batch_markdown

        content = render_batch_markdown(batch)
    else:
        from sosfs_check.report.html import render_batch_html

        content = render_batch_html(batch)
    return write_text_output(path, content, force=force, inputs=inputs)
