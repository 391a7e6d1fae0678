"""The drafted supplement texts (sosfs_check/drafting/data/komplettering.yaml): one per active requirement, each
written as the organisation's own arrangement, and each judged covered for its requirement once its
placeholders are filled in.

A supplement section is pasted into an existing ledningssystem to close a gap; if the check itself would not
call the section covered, the supplement would not close the gap it was generated for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sosfs_check import check, load_catalog
from sosfs_check.drafting.supplement import DraftedSection, drafted_sections

PLACEHOLDER = re.compile(r"\[([^\]]+)\]")
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")

FILL = {
    "förvaltningen": "Vård- och omsorgsförvaltningen",
    "nämnden": "Vård- och omsorgsnämnden",
    "ansvarig roll": "avdelningschefen",
    "forum": "kvalitetsrådet",
    "system": "Treserva",
    "frekvens": "varje kvartal",
}
"""Plausible values for every placeholder; a placeholder outside this set is not part of the agreed set."""

CATALOG = load_catalog()
ACTIVE = {r.id: r for r in CATALOG.requirements if r.lifecycle != "retired"}


def scope(requirement_id: str) -> list[str]:
    """The activities the requirement binds, as `check(omfattning=…)` takes them (all for those binding all)."""
    bound = CATALOG.matching.applies_to[ACTIVE[requirement_id].applies_to]
    return list(bound or CATALOG.matching.scopes)


def texts() -> dict[str, DraftedSection]:
    """The file as the supplement reads it (a key written twice, an unknown field or a wrong list of places to
    fill in is an error there)."""
    return drafted_sections()


def placeholders(paragraphs: list[str]) -> list[str]:
    """The placeholders in order of first appearance."""
    found = [name for paragraph in paragraphs for name in PLACEHOLDER.findall(paragraph)]
    return list(dict.fromkeys(found))


def fill(paragraph: str) -> str:
    def value(match: re.Match[str]) -> str:
        text = FILL[match.group(1)]
        at_start = SENTENCE_START.search(paragraph[:match.start()]) is not None
        return text[0].upper() + text[1:] if at_start else text

    return PLACEHOLDER.sub(value, paragraph)


def test_every_active_requirement_has_exactly_one_text() -> None:
    assert sorted(texts()) == sorted(ACTIVE)


@pytest.mark.parametrize("requirement_id", sorted(ACTIVE))
def test_att_fylla_i_lists_the_placeholders_in_order(requirement_id: str) -> None:
    entry = texts()[requirement_id]
    assert list(entry.att_fylla_i) == placeholders(list(entry.stycken))
    assert set(entry.att_fylla_i) <= set(FILL), f"{requirement_id}: placeholders outside the agreed set"


@pytest.mark.parametrize("requirement_id", sorted(ACTIVE))
def test_text_describes_an_arrangement_not_the_regulation(requirement_id: str) -> None:
    for paragraph in texts()[requirement_id].stycken:
        assert not paragraph.startswith("Enligt"), paragraph
        assert "ska enligt" not in paragraph, paragraph
        assert not re.search(r"\bbör\b", paragraph, re.IGNORECASE), paragraph


@pytest.mark.parametrize("requirement_id", sorted(ACTIVE))
def test_filled_text_is_judged_covered(requirement_id: str, tmp_path: Path) -> None:
    entry = texts()[requirement_id]
    paragraphs = "\n\n".join(fill(paragraph) for paragraph in entry.stycken)
    document = tmp_path / f"{requirement_id}.md"
    document.write_text(f"# 1 {entry.rubrik}\n\n{paragraphs}\n", encoding="utf-8")

    finding = check(document, omfattning=scope(requirement_id)).finding(requirement_id)

    assert finding.status == "covered", f"{requirement_id}: {finding.status} by {finding.rule}: {finding.reason}"


def test_fill_capitalises_only_at_sentence_start() -> None:
    assert fill("[nämnden] fastställer. Sedan [ansvarig roll]: [forum]") == (
        "Vård- och omsorgsnämnden fastställer. Sedan avdelningschefen: kvalitetsrådet")
    assert fill("Klart. [ansvarig roll] leder") == "Klart. Avdelningschefen leder"
