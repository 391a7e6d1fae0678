"""The check on the corpus: same statuses whatever the formatting, gaps found when a topic is removed."""

import re

import pytest

from sosfs_check.assessment.run import check
from tests.conftest import REPO

CORPUS = REPO / "corpus"
DOCS = sorted(p.stem for p in CORPUS.glob("*.docx"))
SHAPES = ("bold", "swedish", "autonumber", "features")


@pytest.fixture(scope="module")
def styled_results():
    return {name: check(CORPUS / f"{name}.docx") for name in DOCS}


@pytest.mark.parametrize("name", DOCS)
@pytest.mark.parametrize("shape", SHAPES)
def test_statuses_do_not_depend_on_formatting(styled_results, name, shape):
    other = check(CORPUS / "variants" / f"{name}-{shape}.docx")
    expected = {f.requirement_id: f.status for f in styled_results[name].findings}
    assert {f.requirement_id: f.status for f in other.findings} == expected


@pytest.mark.parametrize("name", DOCS)
def test_every_finding_has_a_reason_and_evidence_has_a_location(styled_results, name):
    for finding in styled_results[name].findings:
        assert finding.reason
        for evidence in finding.evidence:
            assert evidence.quote and evidence.location and evidence.reason


INTERNAL = re.compile(r"socialtjänst_lss|vårdgivare_|\blss\b|\bsol\b|\d\.\d+ gånger|saknas: [a-zåäö]+\.|_")


@pytest.mark.parametrize("name", DOCS)
def test_reasons_and_frequencies_read_as_swedish_sentences(styled_results, name):
    """No internal names in what a reader reads: activity ids ("lss", "socialtjänst_lss"), element names after
    "saknas:", decimal points in rates ("0.5 gånger per år")."""
    result = styled_results[name]
    for finding in result.findings:
        assert not INTERNAL.search(finding.reason), finding.reason
        assert finding.reason[0].isupper() and finding.reason.endswith((".", "«."))
    for frequency in result.frequencies:
        assert not INTERNAL.search(frequency.normalised), frequency.normalised


def test_reasons_name_what_is_lacking_in_words(tmp_path):
    document = tmp_path / "plan.md"
    document.write_text("# Riskanalys\n\nEnhetschefen ansvarar för att en riskanalys görs varje kvartal där "
                        "konsekvenserna för brukarna bedöms.\n", encoding="utf-8")
    finding = check(document).finding("RISK-2")
    assert finding.missing_elements == ["sannolikhet"]
    assert finding.missing_described == ["hur sannolik en händelse är"]
    assert "hur sannolik en händelse är" in finding.reason
