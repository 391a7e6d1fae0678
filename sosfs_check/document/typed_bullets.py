"""Bullets typed as characters, as text exports and Markdown tables carry them: "• item", "- item", "a) item"."""

from __future__ import annotations

import re
from functools import cache

from sosfs_check.document.text_cues import ListCues, text_cues


@cache
def _pattern(cues: ListCues) -> re.Pattern[str]:
    """A bullet character (data/text_exports.yaml) or a short enumerator ("1)", "a)") before the text."""
    return re.compile(rf"^\s*(?P<marker>[{re.escape(cues.bullet_markers)}]|\d{{1,2}}\)|[a-z]\))\s+(?P<text>\S.*)$")


def match_bullet(line: str) -> re.Match[str] | None:
    """The marker and text of a line that starts with a typed bullet. Tabs count as spaces to the next stop,
    so the start of the text group is the column where the item's text starts."""
    return _pattern(text_cues().lists).match(line.expandtabs())
