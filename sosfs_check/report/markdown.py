"""The Markdown report and batch summary, from the report view (templates/*.md.j2)."""

from __future__ import annotations

from sosfs_check.report.templating import environment
from sosfs_check.report.view import BatchView, ReportView


def render_markdown(view: ReportView) -> str:
    return environment(html=False).get_template("report.md.j2").render(view=view)


def render_batch_markdown(batch: BatchView) -> str:
    return environment(html=False).get_template("batch.md.j2").render(batch=batch)
