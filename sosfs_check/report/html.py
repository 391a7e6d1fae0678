"""The HTML report of one document and the summary of a batch: each one self-contained page (style and script
inline, system fonts, no external resources) that prints cleanly and reads without JavaScript; and the compact
table a notebook shows for a result.

Layout only: the templates in templates/ lay out what the view holds, in the words of texts.yaml.
"""

from __future__ import annotations

from sosfs_check.report.templating import environment
from sosfs_check.report.view import BatchView, ReportView

# Light backgrounds that keep black text readable in a notebook; the status is always written out too.
_NOTEBOOK_COLOURS = {"covered": "#dcf5dc", "partial": "#fff1c2", "missing": "#fbd5d5", "not_applicable": "#eeeeee"}


def render_html(view: ReportView) -> str:
    """The report of one document as one HTML file."""
    return environment(html=True).get_template("report.html.j2").render(view=view)


def render_batch_html(batch: BatchView) -> str:
    """The summary of a batch: documents × status counts, coverage and ska gaps, a link to each report."""
    return environment(html=True).get_template("batch.html.j2").render(batch=batch)


def render_notebook_html(view: ReportView) -> str:
    """A result in a notebook (`_repr_html_`): counts per kind and one row per requirement."""
    return environment(html=True).get_template("notebook.html.j2").render(view=view, colours=_NOTEBOOK_COLOURS)
