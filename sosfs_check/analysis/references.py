"""Find citations of laws and regulations and flag those that have gone stale."""

from __future__ import annotations

import re

from sosfs_check.analysis.indexed import IndexedUnits
from sosfs_check.analysis.model import LegalCitation
from sosfs_check.analysis.pattern_literals import Clause, required_literals
from sosfs_check.catalog.models import LegalReference, LegalReferenceTable
from sosfs_check.document.model import TextUnit


class ReferenceFinder:
    """The catalog's citation patterns, compiled once per check, each with the words and numbers it needs."""

    def __init__(self, table: LegalReferenceTable) -> None:
        self.patterns: list[tuple[LegalReference, tuple[Clause, ...], re.Pattern[str]]] = [
            (reference, required_literals(pattern), re.compile(pattern, re.IGNORECASE))
            for reference in table.references for pattern in reference.patterns
        ]

    def find(self, indexed: IndexedUnits) -> list[LegalCitation]:
        """Every citation in the passages, in reading order; within a passage in catalog pattern order.

        Where two patterns match at the same place (a law's name with and without its SFS number) the
        earlier pattern in the catalog wins.
        """
        units = indexed.units
        found: dict[int, list[tuple[re.Match[str], LegalReference]]] = {}
        for reference, required, pattern in self.patterns:
            for index in indexed.literals.satisfying(required):
                taken = found.setdefault(index, [])
                for match in pattern.finditer(units[index].text):
                    if not any(m.start() <= match.start() < m.end() for m, _ in taken):
                        taken.append((match, reference))
        return [self._citation(units[index], match, reference)
                for index in sorted(found) for match, reference in found[index]]

    @staticmethod
    def _citation(unit: TextUnit, match: re.Match[str], reference: LegalReference) -> LegalCitation:
        return LegalCitation(
            reference_id=reference.id, text=match.group(0).strip(), label=reference.label,
            status=reference.status, replacement=reference.replacement,
            stale_since=reference.stale_since.isoformat() if reference.stale_since else None,
            block_id=unit.block_id, section=" › ".join(unit.section_path), location=unit.locator.describe(),
        )

