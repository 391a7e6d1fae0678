from __future__ import annotations

import csv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def catalog():
    from sosfs_check import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def reference_rows() -> list[dict[str, str]]:
    """The canonical requirement rows; a copy ships in tests/data so the tests run without shared/."""
    path = SHARED / "reference" / "requirements.csv"
    if not path.exists():
        path = REPO / "tests" / "data" / "reference-requirements.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
