"""Split a paragraph into sentences without breaking at Swedish abbreviations ("bl.a.", "enl. 3 kap.")."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A sentence ends at . ! ? followed by space and a capital letter or an opening quote; "3 kap. 2 §" and
# "t.ex. en" never qualify because what follows is a digit or lower case.
_BOUNDARY = re.compile(r"[.!?](?=\s+[\"”'(]?[A-ZÅÄÖÉÜ])")


def sentence_spans(text: str, abbreviations: Sequence[str] = ()) -> list[tuple[int, int]]:
    """(start, end) of every sentence, whitespace trimmed; a text without boundaries is one sentence."""
    lowered = text.lower()
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if any(lowered.endswith(abbreviation, 0, end) and _word_start(lowered, end - len(abbreviation))
               for abbreviation in abbreviations):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _word_start(text: str, index: int) -> bool:
    return index == 0 or not text[index - 1].isalnum()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
