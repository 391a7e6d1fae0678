"""The chapter of a generated draft that meets each requirement area (data/kravmatris.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sosfs_check.catalog.models import requirement_area

_DATA = Path(__file__).with_name("data") / "kravmatris.yaml"


@cache
def chapters() -> dict[str, str]:
    """Area → chapter heading, in the draft's order."""
    from sosfs_check.yaml_files import load_yaml

    loaded = load_yaml(_DATA.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict) or not all(isinstance(v, str) and v for v in loaded.values()):
        raise ValueError(f"{_DATA.name}: expected area: chapter heading")
    return {str(area): title for area, title in loaded.items()}


def chapter_of(requirement_id: str) -> str:
    return chapters()[requirement_area(requirement_id)]
