"""Swedish phrasing that every stage writes the same way."""

from __future__ import annotations

from collections.abc import Iterable


def listed(items: Iterable[object]) -> str:
    """Items as Swedish lists them: "a", "a och b", "a, b och c"."""
    words = [str(item) for item in items]
    return " och ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)
