"""The Jinja2 environments of the report templates (templates/): HTML escaped, Markdown as written."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment


@cache
def environment(html: bool) -> Environment:
    """One environment per kind of output, built once per process."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    built = Environment(loader=PackageLoader("sosfs_check.report", "templates"), autoescape=html,
                        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    built.filters["percent"] = percent
    built.filters["cell"] = table_cell
    return built


def percent(share: float | None) -> str:
    """0.784 → "78,4 %": Swedish decimal comma, a non-breaking space before the sign; "–" for no value."""
    return "–" if share is None else f"{share * 100:.1f}".replace(".", ",") + "\u00a0%"


def table_cell(text: object) -> str:
    """Text that stays inside one Markdown table cell: no line breaks, no column bars."""
    return " ".join(str(text).split()).replace("|", "\\|")
