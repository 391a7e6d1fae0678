"""Find citations of laws and regulations and flag those that have gone stale."""

from __future__ import annotations

from sosfs_check.analysis.model import LegalCitation
from sosfs_check.analysis.terms import words
from sosfs_check.catalog.models import LegalReferenceTable
from sosfs_check.document.model import TextUnit


def find_references(unit: TextUnit, table: LegalReferenceTable) -> list[LegalCitation]:
    citations: list[LegalCitation] = []
    if not table.compiled_trigger.search(unit.text):
        return citations  # most passages cite nothing; skip the per-reference scans
    # Every leading part of every number in the passage ("2001" → 2, 20, 200, 2001): a reference whose
    # literal numbers are all absent is skipped with one set test.
    numbers = {token[:end] for token in words(unit.text) if token[0].isdigit() for end in range(1, len(token) + 1)}
    taken: list[tuple[int, int]] = []
    for reference in table.references:
        anchors = reference.anchors
        if anchors is not None and anchors.isdisjoint(numbers):
            continue  # none of the numbers this reference is written with occurs here
        for pattern in reference.compiled:
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
