"""Term matching for Swedish: case-insensitive, anchored at a word start so inflections and compounds match.

"riskanalys" finds "Riskanalyserna"; "avvikelse" finds "avvikelsehantering". A term is never found
inside a word ("kontroll" does not match "egenkontroll"), which keeps near-misses out.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD_START = r"(?<![0-9A-Za-zÅÄÖåäöÉéÜü])"


@lru_cache(maxsize=4096)
def term_pattern(term: str) -> re.Pattern[str]:
    escaped = r"\s+".join(re.escape(part) for part in term.lower().split())
    return re.compile(_WORD_START + escaped, re.IGNORECASE)


def find_terms(text: str, terms: tuple[str, ...]) -> list[str]:
    """The terms that occur in text, in the order given."""
    return [term for term in terms if term_pattern(term).search(text)]


def first_span(text: str, terms: tuple[str, ...]) -> tuple[int, int] | None:
    spans = [m.span() for term in terms if (m := term_pattern(term).search(text))]
    return min(spans) if spans else None
