"""A document's passages indexed once for every analyser that searches them.

Frequencies, responsibilities, passage kinds and citations each look for words and regular expressions in
the same passages; tokenising them and building the word and substring indexes once per check, not once
per analyser, is what keeps a check within three times the cost of reading the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sosfs_check.analysis.pattern_literals import LiteralIndex
from sosfs_check.analysis.terms import TermIndex, WordForms
from sosfs_check.document.model import TextUnit


@dataclass(frozen=True)
class IndexedUnits:
    """The passages in reading order with two indexes over their texts (text i is units[i].text)."""

    units: Sequence[TextUnit]
    terms: TermIndex        # word tokens, matched by the catalog's word forms: catalog phrases, signal words
    literals: LiteralIndex  # lower-cased substrings: the prefilter of regular expressions


def index_units(units: Sequence[TextUnit], forms: WordForms | None = None) -> IndexedUnits:
    texts = [unit.text for unit in units]
    lowered = [text.lower() for text in texts]
    terms = TermIndex(texts, forms, lowered)
    return IndexedUnits(units=units, terms=terms, literals=LiteralIndex(lowered, terms))
