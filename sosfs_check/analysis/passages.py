"""Classify each passage: the regulation restated, a mere mention, or the organisation's own arrangement."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from sosfs_check.analysis.indexed import IndexedUnits
from sosfs_check.analysis.model import Responsibility
from sosfs_check.analysis.pattern_literals import Clause, required_literals
from sosfs_check.analysis.terms import TermIndex, find_terms
from sosfs_check.catalog.models import MatchingConfig
from sosfs_check.document.model import TextUnit

PassageKind = Literal["regulation", "mention", "arrangement", "prose"]


class Passage(NamedTuple):
    """A passage and what kind of text it is. One per paragraph or cell, read by the matcher, never
    serialised (the assessment quotes it as Evidence): an immutable named tuple, like PassageMatch."""

    unit: TextUnit
    kind: PassageKind
    context: str  # section path and column header, lower-cased, for heading context
    signals: list[str]


class PassageSet:
    """A document's passages in reading order, with term indexes over their texts and their contexts."""

    def __init__(self, passages: list[Passage], texts: TermIndex, contexts: TermIndex,
                 records: set[tuple[int, int]]) -> None:
        self.items = passages
        self.texts = texts
        self.contexts = contexts
        self.arrangements = frozenset(i for i, passage in enumerate(passages) if passage.kind == "arrangement")
        # A record-like table row (Område | Så gör vi | Hur ofta | Ansvarig) is one statement: each own cell's
        # row mates. Rows whose cells hold whole sections of paragraphs (see _record_rows) are not records.
        rows: dict[tuple[int, int], list[int]] = {}
        for index, passage in enumerate(passages):
            if passage.kind != "regulation" and (key := _row_key(passage.unit)) in records:
                rows.setdefault(key, []).append(index)
        self.row_mates = {index: tuple(members) for members in rows.values() for index in members}

    def __iter__(self) -> Iterator[Passage]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def analyse_passages(indexed: IndexedUnits, config: MatchingConfig,
                     responsibilities: Sequence[Responsibility] = ()) -> PassageSet:
    units, texts = indexed.units, indexed.terms
    # Every passage of a section has the same context: each distinct one is built once.
    context_of: dict[tuple[tuple[str, ...], str | None], str] = {}
    contexts = [context_of.get(key) or context_of.setdefault(key, _context(*key))
                for key in ((unit.section_path, unit.column_header) for unit in units)]
    # Column headers are few: each distinct one is looked at once.
    regulation_columns = {header for header in {unit.column_header for unit in units} - {None}
                          if find_terms(header, config.regulation_column_terms, texts.rules)}
    # A responsibility statement makes its passage an arrangement; an Ansvar cell makes its record row one.
    records = _record_rows(units)
    row_cells: dict[tuple[int, int], list[str]] = {}
    row_of: dict[str, tuple[int, int]] = {}
    for unit in units:
        if (key := _row_key(unit)) in records:
            row_cells.setdefault(key, []).append(unit.block_id)
            row_of[unit.block_id] = key
    owners: dict[str, list[str]] = {}
    for statement in responsibilities:
        in_row = row_cells.get(row_of.get(statement.block_id), []) if statement.form == "table_column" else []
        for block_id in in_row or [statement.block_id]:
            roles = owners.setdefault(block_id, [])
            if statement.role not in roles:
                roles.append(statement.role)
    context_index = TermIndex(contexts, texts.rules)
    arrangement_terms = texts.texts_with(config.arrangement_terms)
    under_responsibility = context_index.texts_with(config.responsibility.terms)
    framing, mentions = _kind_patterns(config.regulation_framing, config.mention_patterns).hits(indexed)
    passages = [_classify(unit, context, framing.get(index, []), mentions.get(index, []), owners.get(unit.block_id, []),
                          arrangement_terms.get(index, []), unit.column_header in regulation_columns,
                          index in under_responsibility)
                for index, (unit, context) in enumerate(zip(units, contexts, strict=True))]
    return PassageSet(_inherit_from_introductions(passages), texts, context_index, records)


def _inherit_from_introductions(passages: list[Passage]) -> list[Passage]:
    """Bullets say what their introduction says: under "Egenkontrollen ska innefatta;" each bullet is part of an
    own arrangement, under a restated regulation each bullet restates it too."""
    result: list[Passage] = []
    introduction: Passage | None = None
    for passage in passages:
        unit = passage.unit
        if not unit.is_list_item:
            introduction = passage if unit.text.rstrip().endswith((":", ";")) else None
        elif introduction is not None and introduction.unit.section_path == unit.section_path:
            inherit = introduction.kind == "regulation" or (passage.kind == "prose" and introduction.kind != "prose")
            if inherit:
                passage = passage._replace(kind=introduction.kind,
                                           signals=[*passage.signals, f"punkt under: {introduction.unit.text[:60]}"])
        result.append(passage)
    return result


Compiled = tuple[tuple[tuple[Clause, ...], re.Pattern[str]], ...]


@dataclass(frozen=True)
class _KindPatterns:
    """The regulation and mention patterns compiled once, each with the literals a match must contain."""

    framing: Compiled
    mentions: Compiled

    def hits(self, indexed: IndexedUnits) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
        """For every passage the framing and the mention patterns that match it, in catalog order."""
        units = indexed.units

        def matching(patterns: Compiled) -> dict[int, list[str]]:
            found: dict[int, list[str]] = {}
            for required, pattern in patterns:
                for index in indexed.literals.satisfying(required):
                    if pattern.search(units[index].text):
                        found.setdefault(index, []).append(pattern.pattern)
            return found

        return matching(self.framing), matching(self.mentions)


@lru_cache(maxsize=4)
def _kind_patterns(framing: tuple[str, ...], mentions: tuple[str, ...]) -> _KindPatterns:
    def compiled(patterns: tuple[str, ...]) -> Compiled:
        return tuple((required_literals(p), re.compile(p, re.IGNORECASE)) for p in patterns)

    return _KindPatterns(compiled(framing), compiled(mentions))


def _record_rows(units: Sequence[TextUnit]) -> set[tuple[int, int]]:
    """Rows in which every cell holds at most one paragraph: records, not page layout."""
    per_cell: dict[tuple[int, int, int | None], int] = {}
    for unit in units:
        if (key := _row_key(unit)) is not None:
            cell = (*key, unit.locator.column)
            per_cell[cell] = per_cell.get(cell, 0) + 1
    crowded = {(block, row) for (block, row, _), count in per_cell.items() if count > 1}
    return {(block, row) for block, row, _ in per_cell} - crowded


def _row_key(unit: TextUnit) -> tuple[int, int] | None:
    return (unit.locator.block_index, unit.locator.row) if unit.locator.row is not None else None


def _context(section_path: tuple[str, ...], column_header: str | None) -> str:
    """Section path and column header, lower-cased."""
    return (" ".join(section_path) + " " + (column_header or "")).lower()


def _classify(unit: TextUnit, context: str, framing: list[str], mentions: list[str], owners: list[str],
              arrangement_terms: Sequence[str], regulation_column: bool, under_responsibility: bool) -> Passage:
    if regulation_column:
        return Passage(unit=unit, kind="regulation", context=context, signals=[f"kolumn: {unit.column_header}"])
    if framing:
        return Passage(unit=unit, kind="regulation", context=context, signals=framing)
    if mentions:
        return Passage(unit=unit, kind="mention", context=context, signals=mentions)
    # A responsibility statement (including a bullet of an "X ansvarar för att:" list) is an arrangement
    # even when it has no verb of its own.
    arrangement = [*(f"ansvar: {role}" for role in owners), *arrangement_terms]
    if arrangement or (unit.is_list_item and under_responsibility):
        return Passage(unit=unit, kind="arrangement", context=context, signals=arrangement or ["punkt under ansvar"])
    return Passage(unit=unit, kind="prose", context=context, signals=[])
