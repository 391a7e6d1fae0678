"""The JSON result: the documented contract, deterministic output, and schema docs that match the models."""

from __future__ import annotations

import json
import subprocess
import sys

from sosfs_check.assessment.model import AssessmentResult
from sosfs_check.assessment.schema import render_json_schema, render_markdown_schema
from tests.conftest import REPO

DOC = REPO / "corpus" / "003-katrineholm-socialnamnd.docx"
STATUSES = {"covered", "partial", "missing", "not_applicable"}


def _check_json(tmp_path, name: str) -> str:
    target = tmp_path / name
    result = subprocess.run([sys.executable, "-m", "sosfs_check", "check", str(DOC), "--format", "json",
                             "-o", str(target)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return target.read_text(encoding="utf-8")


def test_json_contract_and_determinism(tmp_path, catalog):
    first, second = _check_json(tmp_path, "a.json"), _check_json(tmp_path, "b.json")
    data = json.loads(first)
    assert {"findings", "document", "catalog", "summary", "responsibilities", "frequencies", "references",
            "fidelity"} <= set(data)
    assert [f["requirement_id"] for f in data["findings"]] == list(catalog.ids)
    for finding in data["findings"]:
        assert finding["status"] in STATUSES and finding["reason"]
        for evidence in finding["evidence"]:
            assert evidence["quote"] and evidence["section"] is not None and evidence["location"] and evidence["reason"]
    # Only the time stamp differs between runs; no absolute paths anywhere.
    other = json.loads(second)
    data["metadata"].pop("generated_at"), other["metadata"].pop("generated_at")
    assert data == other
    assert str(REPO) not in first and data["document"]["source_name"] == DOC.name
    AssessmentResult.model_validate_json(first)  # the file parses back into the typed result


def test_evidence_points_at_the_matched_words(tmp_path):
    data = json.loads(_check_json(tmp_path, "c.json"))
    evidence = next(e for f in data["findings"] for e in f["evidence"] if e["match_start"] is not None
                    and len(e["quote"]) < 200)
    matched = evidence["quote"][evidence["match_start"]:evidence["match_end"]]
    assert matched.strip() and evidence["locator"]["block_index"] >= 0


def test_result_schema_docs_are_current():
    docs = REPO / "docs"
    assert (docs / "resultat-schema.json").read_text(encoding="utf-8") == render_json_schema(), \
        "run: sosfs-check schema -o docs/resultat-schema.json --force"
    assert (docs / "resultat-schema.md").read_text(encoding="utf-8") == render_markdown_schema(), \
        "run: sosfs-check schema --format md -o docs/resultat-schema.md --force"
