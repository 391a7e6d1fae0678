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
    assert report.startswith("# Granskning av ledningssystem: 001-trelleborg-socialnamnd.docx")
    risk = next(line for line in report.splitlines() if line.startswith("| RISK-2 "))
    assert "| ska | 5 kap. 1 § | Täckt |" in risk and "(avsnitt Riskanalys, " in risk
    refused = run("check", str(DOC), "--format", "md", "-o", str(target))
    assert refused.returncode == 10 and "--force" in refused.stderr and "Traceback" not in refused.stderr


def test_unknown_scope_exits_two_with_one_swedish_line_naming_the_valid_values(tmp_path):
    document = tmp_path / "ledningssystem.md"
    document.write_text("# Riskanalys\n\nEnhetschefen ansvarar för att riskanalyser genomförs varje år.\n",
                        encoding="utf-8")
    result = run("check", str(document), "--omfattning", "typo")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fel: okänd omfattning 'typo'")
    for valid in ("socialtjänst", "lss", "hälso- och sjukvård"):
        assert valid in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_scope_accepts_aliases_in_any_case_separated_by_commas(tmp_path):
    document = tmp_path / "ledningssystem.txt"
    document.write_text("Riskanalys\n\nEnhetschefen ansvarar för att riskanalyser genomförs varje år.\n",
                        encoding="utf-8")
    for given, expected in ((["SoL, LSS"], ["socialtjänst", "lss"]),
                            (["hsl", "--omfattning", "Socialtjänst"], ["socialtjänst", "hälso- och sjukvård"])):
        result = run("check", str(document), "--format", "json", "--omfattning", *given)
        assert result.returncode == 0, result.stderr
        scope = json.loads(result.stdout)["document"]["scope"]
        assert scope["activities"] == expected and scope["overridden"]


def test_scope_help_names_the_aliases():
    help_text = " ".join(run("check", "--help").stdout.replace("│", " ").split())  # without rich's box
    assert "SoL, LSS, HSL" in help_text and "komma" in help_text
