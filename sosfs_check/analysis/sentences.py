"""Split a paragraph into sentences without breaking at Swedish abbreviations ("bl.a.", "enl. 3 kap.")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# A sentence ends at . ! ? followed by space and a capital letter or an opening quote; "3 kap. 2 §" and
# "t.ex. en" never qualify because what follows is a digit or lower case.
_BOUNDARY = re.compile(r"[.!?](?=\s+[\"”'(]?[A-ZÅÄÖÉÜ])")


def sentence_spans(text: str, abbreviations: Sequence[str] = ()) -> list[tuple[int, int]]:
    """(start, end) of every sentence, whitespace trimmed; a text without boundaries is one sentence."""
    spans, start = [], 0
    ending, longest = _abbreviation_at_end(tuple(abbreviations))
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if ending is not None and ending.search(text, max(0, end - longest), end):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


@lru_cache(maxsize=8)
def _abbreviation_at_end(abbreviations: tuple[str, ...]) -> tuple[re.Pattern[str] | None, int]:
    """One pattern for "the text up to here ends with an abbreviation that starts a word", and the length of
    the longest abbreviation (the pattern is only tried that far back)."""
    if not abbreviations:
        return None, 0
    alternation = "|".join(map(re.escape, sorted(abbreviations, key=len, reverse=True)))
    return re.compile(rf"(?<![^\W_])(?:{alternation})$", re.IGNORECASE), max(map(len, abbreviations))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
