"""Whether two words of a text stand in one clause: no clause-starting word or punctuation between them."""

from __future__ import annotations

from collections.abc import Collection

from sosfs_check.analysis.terms import TermIndex


def one_clause(texts: TermIndex, text: str, index: int, first: int, last: int, breaks: Collection[str],
               marks: str) -> bool:
    """No clause starts between token positions `first` and `last` of text `index`: none of `breaks` stands
    between them ("Enheten tillhör förvaltningen men bedriver inte …") and none of the characters in `marks`
    (",;"). When the token offsets are unreliable (see TermIndex.span), only the words are tested."""
    first, last = sorted((first, last))
    tokens = texts.tokens(index)
    if set(tokens[first + 1:last]) & set(breaks):
        return False
    spans = texts.token_spans(index)
    return len(spans) != len(tokens) or not any(mark in text[spans[first][1]:spans[last][0]] for mark in marks)
