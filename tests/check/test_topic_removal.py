"""Gaps are really found: removing the sections about a topic turns the requirements they carried into gaps.

The sections are removed from the read document model (every section whose heading names the topic,
with its subsections), so the test needs nothing but the corpus. The expected gaps were checked by
reading each document: they are the topic's requirements that no other part of the document arranges.
Requirements that another part does arrange stay covered, correctly: 001's ansvarsfördelning says that
the enhetschef "fortlöpande bedöma om det finns risk för att händelser kan inträffa" (RISK-1).
"""

from __future__ import annotations

import pytest

from sosfs_check.assessment.run import check
from sosfs_check.document.model import DocumentModel, Section
from sosfs_check.document.reader import read
from tests.conftest import REPO

CORPUS = REPO / "corpus"
RANK = {"missing": 0, "partial": 1, "covered": 2}

# (document, words in the headings removed, requirements that must then be partial or missing)
CASES = [
    ("000-svedala-trelleborg", ("risk",), ("RISK-1", "RISK-2", "RISK-3")),
    ("000-svedala-trelleborg", ("avvikelse",), ("RAPP-SOL",)),
    ("000-svedala-trelleborg", ("process",), ("PROC-1",)),
    ("001-trelleborg-socialnamnd", ("risk",), ("RISK-2", "RISK-3")),
    ("001-trelleborg-socialnamnd", ("avvikelse", "lex sarah", "rapportering"), ("RUT-2",)),
    ("003-katrineholm-socialnamnd", ("risk",), ("RISK-2",)),
    # EGEN-AR-4 and -8 stay: chapter 7 says every verksamhet lets its klienter "genomföra brukarundersökningar",
    # and 5.3 gives a role the duty to "tillvarata rekommendationer och kunskap från revisioner och tillsyn".
    ("003-katrineholm-socialnamnd", ("egenkontroll",),
     ("EGEN-AR-1", "EGEN-AR-2", "EGEN-AR-3", "EGEN-AR-5", "EGEN-AR-6")),
    ("003-katrineholm-socialnamnd", ("klagomål",), ("RAPP-SOL",)),
    ("003-katrineholm-socialnamnd", ("process",), ("PROC-2", "SAMV-SOL-1")),
]
TOPIC_WORDS = sorted({words for _, words, _ in CASES} | {("egenkontroll",), ("samverkan",), ("klagomål", "synpunkt")})


def _without(model: DocumentModel, words: tuple[str, ...]) -> DocumentModel:
    def prune(sections: list[Section]) -> list[Section]:
        return [s.model_copy(update={"subsections": prune(s.subsections)}) for s in sections
                if not (s.level > 0 and any(word in s.heading.lower() for word in words))]

    pruned = model.model_copy(update={"sections": prune(model.sections)})
    assert len(list(pruned.walk_sections())) < len(list(model.walk_sections())), "nothing was removed"
    return pruned


@pytest.fixture(scope="module")
def models():
    return {name: read(CORPUS / f"{name}.docx") for name in {case[0] for case in CASES}}


@pytest.fixture(scope="module")
def before(models):
    return {name: {f.requirement_id: f.status for f in check(model).findings} for name, model in models.items()}


@pytest.mark.parametrize("name,words,expected_gaps", CASES, ids=[f"{c[0][:3]}-{c[1][0]}" for c in CASES])
def test_removing_a_topic_turns_what_it_carried_into_gaps(models, before, name, words, expected_gaps):
    after = check(_without(models[name], words))
    for requirement_id in expected_gaps:
        assert before[name][requirement_id] == "covered", requirement_id
        finding = after.finding(requirement_id)
        assert finding.status in ("partial", "missing"), (requirement_id, finding.reason)
        assert finding.reason


@pytest.mark.parametrize("name", sorted({case[0] for case in CASES}))
@pytest.mark.parametrize("words", TOPIC_WORDS, ids=lambda w: w[0])
def test_removing_text_never_improves_a_status(models, before, name, words):
    try:
        pruned = _without(models[name], words)
    except AssertionError:
        pytest.skip(f"{name} has no section about {words[0]}")
    for finding in check(pruned).findings:
        earlier = before[name][finding.requirement_id]
        if finding.status in RANK and earlier in RANK:
            assert RANK[finding.status] <= RANK[earlier], finding.requirement_id
