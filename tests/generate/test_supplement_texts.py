"""The drafted supplement texts (sosfs_check/drafting/data/komplettering.yaml): one per active requirement, each
written as the organisation's own arrangement, and each judged covered for its requirement once its
placeholders are filled in.

A supplement section is pasted into an existing ledningssystem to close a gap; if the check itself would not
call the section covered, the supplement would not close the gap it was generated for.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field

from sosfs_check import check, load_catalog

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

SCOPE = {
    "alla": ["socialtjänst", "lss", "hälso- och sjukvård"],
    "vårdgivare": ["hälso- och sjukvård"],
    "socialtjänst_lss": ["socialtjänst", "lss"],
    "socialtjänst": ["socialtjänst"],
    "lss": ["lss"],
}
"""The activities a requirement binds, as `check(omfattning=…)` takes them."""

ACTIVE = {r.id: r for r in load_catalog().requirements if r.lifecycle != "retired"}


class SupplementText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rubrik: str = Field(min_length=1)
    stycken: list[str] = Field(min_length=1, max_length=4)
    att_fylla_i: list[str]


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key twice: safe_load would silently keep the last of two entries."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    keys = [loader.construct_object(key) for key, _ in node.value]
    duplicates = sorted({str(key) for key in keys if keys.count(key) > 1})
    if duplicates:
        raise yaml.constructor.ConstructorError(None, None, f"duplicate keys {duplicates}", node.start_mark)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


@cache
def texts() -> dict[str, SupplementText]:
    source = files("sosfs_check.drafting").joinpath("data", "komplettering.yaml").read_text(encoding="utf-8")
    raw = yaml.load(source, Loader=_UniqueKeyLoader)  # a SafeLoader: builds no arbitrary objects
    return {requirement_id: SupplementText.model_validate(entry) for requirement_id, entry in raw.items()}


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
    assert entry.att_fylla_i == placeholders(entry.stycken)
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

    finding = check(document, omfattning=SCOPE[ACTIVE[requirement_id].applies_to]).finding(requirement_id)

    assert finding.status == "covered", f"{requirement_id}: {finding.status} by {finding.rule}: {finding.reason}"


def test_fill_capitalises_only_at_sentence_start() -> None:
    assert fill("[nämnden] fastställer. Sedan [ansvarig roll]: [forum]") == (
        "Vård- och omsorgsnämnden fastställer. Sedan avdelningschefen: kvalitetsrådet")
    assert fill("Klart. [ansvarig roll] leder") == "Klart. Avdelningschefen leder"
