"""The explain command: how the tool reached its status for one requirement, in Swedish, and as JSON."""

import inspect
import json
import re

import pytest

from sosfs_check.assessment import decide
from sosfs_check.cli.explain import explain_rule, rule_explanations, rule_prefix
from tests.cli.test_cli_catalog import run

COVERED = "Enhetschefen ansvarar för att riskanalyser genomförs varje år där sannolikhet och konsekvens bedöms."
PLANNED = "Vi planerar att börja med riskanalyser under 2027."


def document(tmp_path, paragraph, name="ledningssystem.md", heading="Riskanalys"):
    path = tmp_path / name
    heading_line = f"# {heading}" if name.endswith(".md") else heading
    path.write_text(f"{heading_line}\n\n{paragraph}\n", encoding="utf-8")
    return path


def flat(text):
    """The terminal output with rich's line wrapping undone."""
    return " ".join(text.split())


def test_covered_requirement_shows_requirement_rule_signals_and_evidence(tmp_path, catalog):
    result = run("explain", str(document(tmp_path, COVERED)), "RISK-2")
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    requirement = catalog["RISK-2"]
    assert f"RISK-2 {requirement.title}" in out
    assert "5 kap. 1 §" in out and "ska – föreskrift" in out and flat(requirement.text) in out
    assert "Status täckt" in out
    assert "covered.arrangement" in out and explain_rule("covered.arrangement") in out
    assert "fraser: riskanalys" in out and "delar: sannolikhet" in out  # the signals that fired
    assert "Delar som saknas inga" in out
    assert f"»{COVERED}«" in out
    assert "Avsnitt Riskanalys" in out and "avsnitt Riskanalys, första stycket" in out
    assert "beskriver organisationens egen ordning" in out
    assert flat(requirement.coverage.covered) in out and flat(requirement.coverage.partial) in out
    assert "sannolikhet: sannolikhet, sannolik" in out  # an element with its terms


def test_requirement_id_is_case_insensitive_and_terms_are_shown_without_mode_marks(tmp_path):
    result = run("explain", str(document(tmp_path, COVERED, name="ledningssystem.txt")), "risk-2")
    assert result.returncode == 0, result.stderr
    searched = flat(result.stdout).split("Vad verktyget letar efter", 1)[1]
    assert "riskanalys" in searched
    assert not re.search(r"(^|[\s,(])[=~*]\w", searched)


def test_plan_is_missing_with_its_rule_and_the_plan_quoted(tmp_path):
    path = document(tmp_path, PLANNED)
    result = run("explain", str(path), "RISK-1")
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    assert "Status saknas" in out
    assert "missing.plan_or_absence" in out and explain_rule("missing.plan_or_absence") in out
    assert f"»{PLANNED}«" in out and "plan för framtiden" in out

    # RISK-2 too: only a plan, so the plan decides, not the missing probability assessment.
    risk2 = flat(run("explain", str(path), "RISK-2").stdout)
    assert "Status saknas" in risk2 and "missing.plan_or_absence" in risk2


def test_nothing_on_the_topic_is_explained_without_evidence(tmp_path):
    result = run("explain", str(document(tmp_path, "Nämnden sammanträder en gång i månaden.", heading="Nämnden")),
                 "RISK-2")
    out = flat(result.stdout)
    assert result.returncode == 0
    assert "missing.no_text" in out and explain_rule("missing.no_text") in out and "Belägg (0)" in out


def test_scope_override_with_alias_makes_the_requirement_not_applicable(tmp_path):
    result = run("explain", str(document(tmp_path, COVERED)), "PSB-1", "--omfattning", "SoL")
    out = flat(result.stdout)
    assert result.returncode == 0, result.stderr
    assert "Status ej tillämpligt" in out and "not_applicable.scope" in out
    assert "Omfattning socialtjänst (angiven)" in out


def test_json_has_the_finding_the_requirement_and_the_rule_explanation(tmp_path, catalog):
    result = run("explain", str(document(tmp_path, COVERED)), "RISK-2", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["finding"]["requirement_id"] == "RISK-2" and data["finding"]["status"] == "covered"
    assert data["finding"]["rule"] == "covered.arrangement"
    assert data["finding"]["evidence"][0]["quote"] == COVERED
    assert data["rule_explanation"] == explain_rule("covered.arrangement")
    assert data["requirement"]["id"] == "RISK-2"
    assert data["requirement"]["coverage"]["covered"] == catalog["RISK-2"].coverage.covered
    assert data["document"]["source_name"] == "ledningssystem.md"


def test_unknown_id_is_one_swedish_line_pointing_to_the_catalog(tmp_path):
    result = run("explain", str(document(tmp_path, COVERED)), "RISK-99")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fel: okänt krav-id 'RISK-99'")
    assert "sosfs-check catalog" in lines[0]


@pytest.mark.parametrize("name, content, code", [
    ("saknas.docx", None, 4),
    ("tom.txt", "", 7),
    ("bild.pdf", "%PDF-1.4", 6),
])
def test_bad_file_gives_the_same_error_and_exit_code_as_check(tmp_path, name, content, code):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    explained = run("explain", str(path), "RISK-2")
    checked = run("check", str(path))
    assert explained.returncode == checked.returncode == code
    assert explained.stderr == checked.stderr and explained.stderr.startswith("Fel: ")
    assert "Traceback" not in explained.stderr


def test_unknown_scope_is_an_argument_error(tmp_path):
    result = run("explain", str(document(tmp_path, COVERED)), "RISK-2", "--omfattning", "typo")
    assert result.returncode == 2 and "okänd omfattning 'typo'" in result.stderr


def _decide_rule_codes():
    """Every rule code prefix decide.py can emit: its RULES constant when it has one, otherwise the codes its
    docstring lists; always with every code literal in its source, so neither can drift from the code."""
    listed = getattr(decide, "RULES", None)
    if listed is None:
        listed = re.findall(r"``([a-z_]+(?:\.[A-Za-z_]+)+)``", decide.__doc__)
    # "missing.element_absent.X": the last part names an element of the requirement, not the rule.
    codes = {re.sub(r"\.X$", "", code) for code in listed}
    source = inspect.getsource(decide)
    codes |= set(re.findall(r"[\"']((?:covered|partial|missing|not_applicable)\.[a-z_]+)", source))
    return codes


def test_every_rule_decide_can_emit_has_a_swedish_explanation():
    codes = _decide_rule_codes()
    assert {"covered.arrangement", "missing.element_absent", "partial.element_missing", "partial.enumeration",
            "missing.no_text", "not_applicable.scope"} <= codes  # the parsing found the rules
    unexplained = sorted(code for code in codes if rule_prefix(code) != code)
    assert not unexplained, f"rules.yaml saknar förklaring för {unexplained}"
    stale = sorted(set(rule_explanations()) - codes)
    assert not stale, f"rules.yaml förklarar regler som decide.py inte har: {stale}"
    for sentence in rule_explanations().values():
        assert sentence[0].isupper() and sentence.endswith(".")


def test_element_rules_are_explained_by_their_prefix():
    assert rule_prefix("partial.element_missing.sannolikhet") == "partial.element_missing"
    assert rule_prefix("missing.element_absent.konsekvens") == "missing.element_absent"
    assert rule_prefix("partial.element_missingness") is None
    assert explain_rule("") == "Ingen förklaring finns för den här regeln."


def test_explain_names_the_words_that_met_each_element(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("# 1 Synpunkter och klagomål\n\nSynpunkter och klagomål tas emot av kontaktcenter. Enhetschefen "
                    "utreder varje klagomål och svarar inom två veckor.\n", encoding="utf-8")
    result = run("explain", str(path), "KLAG-1", "--format", "json")
    signals = json.loads(result.stdout)["finding"]["signals"]
    parts = next(s for s in signals if s.startswith("delar: "))
    assert re.search(r"mottagande \([^)]*tas emot", parts) and re.search(r"utredning \([^)]*utreda", parts)
