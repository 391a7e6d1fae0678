"""What text a regular expression cannot match without: a cheap substring test before the scan.

Python's regular expressions try every position of every passage; `"sosfs" in text` finds most passages
that cannot match far faster. The passage classifier, the citation finder and the frequency finder
prefilter with this.

The requirement is a conjunction of clauses, each clause a set of alternatives of which one must occur:
`\\b(är|innebär)\\s+en\\s+(serie|kedja)` needs "serie" or "kedja" (the words "är" and "en" are too short
to be worth testing). Literals are lower-case words of three letters or more ("bör" is worth testing: the
passages without it are most) and numbers. A number next to a
character class ("2[34]") stays a substring of what matches ("24"), so tests must be substring tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from sosfs_check.analysis.terms import TermIndex

Clause = frozenset[str]  # one of these must occur

_LITERAL = re.compile(r"[^\W\d_]{3,}|\d+")  # words of three letters or more, and numbers
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:,(\d*))?\}")
_ESCAPED_LITERAL = re.compile(r"\\[^\w\s]")  # "\." or "\(": the character itself, which breaks a word run
_INLINE_FLAGS = re.compile(r"\(\?(?:[aiLmsux-]+|#[^)]*)\)")
_GROUP_OPENER = re.compile(r"\((?:\?(?::|P<\w+>|<?[=!]|[aiLmsux-]+:))?")


@lru_cache(maxsize=1024)
def required_literals(pattern: str) -> tuple[Clause, ...]:
    """The clauses every match of the pattern satisfies (see the module docstring); () when nothing is known.

    Memoised: the catalog's patterns are the same in every check of a batch."""
    clauses, _ = _alternatives(pattern, 0)
    return tuple(sorted(set(clauses), key=sorted))


class LiteralIndex:
    """Which texts contain which literals, and the texts in lower case.

    Testing each pattern's literals against each passage costs more than the regex scans it saves (63 patterns
    × 900 passages). A literal is a run of letters or digits, so it stands inside one word: it is looked for
    among the document's distinct words (a few thousand, from the word index) rather than in all its text.
    """

    def __init__(self, lowered: Sequence[str], words: TermIndex) -> None:
        """`lowered`: the texts in lower case (one by one: lower() may lengthen a text, "İ" → "i̇");
        `words`: the word index of the same texts."""
        self._words = words
        self._lowered = list(lowered)
        self._memo: dict[str, set[int]] = {}

    def lowered(self, index: int) -> str:
        """Text `index` in lower case."""
        return self._lowered[index]

    def satisfying(self, clauses: Sequence[Clause]) -> list[int]:
        """Indexes, ascending, of the texts that contain an alternative of every clause.

        Each clause's texts come from the word index (memoised per literal), so the test is set intersections,
        never a substring search through a passage."""
        if not clauses:
            return list(range(len(self._lowered)))
        candidates = set(range(len(self._lowered)))
        for clause in clauses:
            candidates &= set().union(*map(self._containing, clause))
        return sorted(candidates)

    def _containing(self, literal: str) -> set[int]:
        if literal not in self._memo:
            self._memo[literal] = self._words.texts_with_substring(literal)
        return self._memo[literal]


def _alternatives(pattern: str, position: int) -> tuple[list[Clause], int]:
    """Parse alternatives up to a closing parenthesis or the end; one clause per branch if all have one."""
    branches: list[list[Clause]] = []
    while True:
        clauses, position = _sequence(pattern, position)
        branches.append(clauses)
        if position < len(pattern) and pattern[position] == "|":
            position += 1
            continue
        break
    if len(branches) == 1:
        return branches[0], position
    if any(not clauses for clauses in branches):
        return [], position  # one branch needs nothing: the group needs nothing
    # Each branch implies each of its clauses; the smallest, longest-worded one is the most selective.
    chosen = [min(clauses, key=lambda c: (len(c), -min(map(len, c)))) for clauses in branches]
    return [frozenset().union(*chosen)], position


def _sequence(pattern: str, position: int) -> tuple[list[Clause], int]:
    clauses: list[Clause] = []
    run: list[str] = []  # consecutive required plain characters

    def close_run() -> None:
        clauses.extend(frozenset({literal.lower()}) for literal in _LITERAL.findall("".join(run)))
        run.clear()

    while position < len(pattern) and pattern[position] not in "|)":
        char = pattern[position]
        inner: list[Clause] = []
        plain = None
        if (flags := _INLINE_FLAGS.match(pattern, position)) is not None:
            position = flags.end()  # "(?i)" or "(?#comment)": no text
            continue
        if char == "(":
            lookaround = pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), position)
            start = _group_body(pattern, position)
            inner, position = _alternatives(pattern, start)
            position += 1  # the closing parenthesis
            if lookaround:
                inner = []
        elif char == "[":
            position = _class_end(pattern, position)
        elif char == "\\":
            escaped = pattern[position:position + 2]
            plain = escaped[1] if _ESCAPED_LITERAL.fullmatch(escaped) else None
            position += 2
        else:
            plain = char if char not in ".^$" else None
            position += 1
        quantifier = _QUANTIFIER.match(pattern, position)
        optional = False
        if quantifier:
            position = quantifier.end()
            minimum = quantifier.group(0)[0] == "+" or bool(quantifier.group(1) and int(quantifier.group(1)) > 0)
            optional = not minimum
            if position < len(pattern) and pattern[position] in "?+":
                position += 1  # lazy or possessive
        if optional:
            close_run()
            continue
        if plain is not None and not quantifier:
            run.append(plain)
            continue
        close_run()
        if plain is not None:
            run.append(plain)  # "a+" or "a{2}": one "a" is certain, then the run breaks
            close_run()
        clauses.extend(inner)
    close_run()
    return clauses, position


def _group_body(pattern: str, position: int) -> int:
    """Where a group's alternatives start, after "(", "(?:", "(?P<name>" or a lookaround opener."""
    opener = _GROUP_OPENER.match(pattern, position)
    assert opener is not None  # position is at "("
    return opener.end()


def _class_end(pattern: str, position: int) -> int:
    position += 1
    if position < len(pattern) and pattern[position] == "^":
        position += 1
    if position < len(pattern) and pattern[position] == "]":
        position += 1  # a leading "]" is a member
    while position < len(pattern) and pattern[position] != "]":
        position += 2 if pattern[position] == "\\" else 1
    return position + 1
