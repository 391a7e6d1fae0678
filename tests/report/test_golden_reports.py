"""The JSON result and the Markdown report of every corpus document, against golden files.

A change to the judgement or the report layout shows up here as a diff to review. Update on purpose only:
`SOSFS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/report/test_golden_reports.py`, then read the diff.
"""

from __future__ import annotations

import json
import os

import pytest

from sosfs_check.assessment.run import check
from tests.conftest import REPO

CORPUS = REPO / "corpus"
GOLDEN = REPO / "tests" / "report" / "golden"
DOCS = sorted(p.stem for p in CORPUS.glob("*.docx"))
UPDATE = os.environ.get("SOSFS_UPDATE_GOLDEN") == "1"
FIXED_RUN = {"tool_version": "0.0.0", "generated_at": "2026-01-15T08:00:00+00:00"}  # the only run-dependent part


@pytest.fixture(scope="module", params=DOCS)
def result(request):
    found = check(CORPUS / f"{request.param}.docx")
    return request.param, found.model_copy(update={"metadata": found.metadata.model_copy(update=FIXED_RUN)})


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path.name} saknas: kör med SOSFS_UPDATE_GOLDEN=1 och granska filen"
    assert actual == path.read_text(encoding="utf-8"), f"{name} skiljer sig från golden-filen"


def test_json_result_matches_golden(result):
    name, found = result
    _compare(f"{name}.json", found.to_json())
    json.loads(found.to_json())  # and it stays valid JSON


def test_markdown_report_matches_golden(result):
    name, found = result
    report = found.to_markdown()
    _compare(f"{name}.md", report)
    assert "2026-01-15" in report and found.document.sha256 in report
