"""The comparison of several documents as one self-contained HTML page (style and script inline, no external
resources) that prints cleanly and reads without JavaScript.

Layout only: templates/compare.html.j2 lays out what the Comparison holds, in the words of texts.yaml.
"""

from __future__ import annotations

from sosfs_check.comparison.model import Comparison
from sosfs_check.report.templating import environment

# Up to this many documents stand side by side with their reasons and quotes; more would not fit a page, so the
# requirements become a coverage matrix (one status per cell).
SIDE_BY_SIDE = 6


def render_comparison_html(comparison: Comparison) -> str:
    """The comparison as one HTML file."""
    return environment(html=True).get_template("compare.html.j2").render(
        comparison=comparison, compact=len(comparison.documents) > SIDE_BY_SIDE)
