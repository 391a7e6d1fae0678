"""Find citations of laws and regulations and flag those that have gone stale."""

from __future__ import annotations

import re

from sosfs_check.analysis.model import LegalCitation
from sosfs_check.analysis.pattern_literals import required_literals
from sosfs_check.catalog.models import LegalReference, LegalReferenceTable
from sosfs_check.document.model import TextUnit


class ReferenceFinder:
    """The catalog's citation patterns, compiled once per check, each with the words and numbers it needs."""

    def __init__(self, table: LegalReferenceTable) -> None:
        self.patterns: list[tuple[LegalReference, frozenset[str], re.Pattern[str]]] = [
            (reference, frozenset(required_literals(pattern)), re.compile(pattern, re.IGNORECASE))
            for reference in table.references for pattern in reference.patterns
        ]

    def find(self, unit: TextUnit) -> list[LegalCitation]:
        citations: list[LegalCitation] = []
        taken: list[tuple[int, int]] = []
        lowered = unit.text.lower()
        for reference, required, pattern in self.patterns:
            if not all(literal in lowered for literal in required):
                continue  # "2001", "453" or "sosfs" absent: this pattern cannot match here
            for match in pattern.finditer(unit.text):
                if any(s <= match.start() < e for s, e in taken):
                    continue
                taken.append(match.span())
                citations.append(LegalCitation(
                    reference_id=reference.id, text=match.group(0).strip(), label=reference.label,
                    status=reference.status, replacement=reference.replacement,
                    stale_since=reference.stale_since.isoformat() if reference.stale_since else None,
                    block_id=unit.block_id, section=" › ".join(unit.section_path), location=unit.locator.describe(),
                ))
        return citations
