"""The check on the corpus: same statuses whatever the formatting, gaps found when a topic is removed."""

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
