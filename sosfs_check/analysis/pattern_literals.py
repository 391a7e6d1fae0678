"""What text a regular expression cannot match without: a cheap substring test before the scan.

Python's regular expressions try every position of every passage; `"sosfs" in text` finds most passages
that cannot match far faster. Both the passage classifier and the citation finder prefilter with this.
"""

from __future__ import annotations

import re

_LITERAL = re.compile(r"[^\W\d_]{4,}|\d+")  # words of four letters or more, and numbers


def required_literals(pattern: str) -> tuple[str, ...]:
    """Lower-case words (4+ letters) and numbers that every match of the pattern contains.

    Only the pattern's top level counts: escapes, classes, groups and possibly absent characters are removed
    first, and a pattern with a top-level alternative ("a|b") requires nothing. A number next to a removed
    class ("2[34]") stays a substring of what matches ("24"), so tests must be substring tests.
    """
    if _top_level_alternation(pattern):
        return ()
    flat = re.sub(r"\\.", " ", pattern)                 # escapes: \b, \s, \d, \.
    flat = re.sub(r"\[[^\]]*\]", " ", flat)             # character classes
    while re.search(r"\([^()]*\)", flat):              # groups, innermost first
        flat = re.sub(r"\([^()]*\)", " ", flat)
    flat = re.sub(r".[?*]|.\{0,?\d*(,\d*)?\}", " ", flat)  # a character that may be absent
    flat = re.sub(r"\{\d+(,\d*)?\}", " ", flat)        # counted repeats: their digits are no text
    return tuple(run.lower() for run in _LITERAL.findall(flat))


def _top_level_alternation(pattern: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False
