"""The check command: Swedish summary, JSON and Markdown output, scope override and --fail-on exit codes."""

import json

from tests.cli.test_cli_catalog import run
from tests.conftest import REPO

DOC = REPO / "corpus" / "001-trelleborg-socialnamnd.docx"


def test_summary_in_swedish_and_exit_zero_whatever_was_found():
    result = run("check", str(DOC))
    assert result.returncode == 0
    assert "täckta" in result.stdout and "saknas" in result.stdout and "Omfattning:" in result.stdout


def test_fail_on_missing_exits_one_when_a_requirement_is_missing():
    assert run("check", str(DOC), "--fail-on", "missing").returncode == 1
    assert run("check", str(DOC), "--fail-on", "partial").returncode == 1


def test_scope_override_makes_health_care_requirements_not_applicable(tmp_path):
    target = tmp_path / "resultat.json"
    assert run("check", str(DOC), "--omfattning", "socialtjänst", "--format", "json", "-o", str(target)).returncode == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    scope = data["document"]["scope"]
    assert scope["activities"] == ["socialtjänst"] and scope["overridden"]
    assert "mas" in scope["detected_from"]["hälso- och sjukvård"]  # what was detected is still reported
    statuses = {f["requirement_id"]: f["status"] for f in data["findings"]}
    assert statuses["PSB-1"] == statuses["RAPP-HSL"] == "not_applicable"


def test_markdown_report_and_no_overwrite(tmp_path):
    target = tmp_path / "rapport.md"
    assert run("check", str(DOC), "--format", "md", "-o", str(target)).returncode == 0
    report = target.read_text(encoding="utf-8")
    assert report.startswith("# Granskning av 001-trelleborg-socialnamnd.docx")
    assert "| RISK-2 | täckt |" in report and "(6 Systematiskt förbättringsarbete › Riskanalys" in report
    refused = run("check", str(DOC), "--format", "md", "-o", str(target))
    assert refused.returncode == 10 and "--force" in refused.stderr and "Traceback" not in refused.stderr
