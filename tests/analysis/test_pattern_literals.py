"""The prefilter that spares regular expressions: literals every match must contain."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sosfs_check.analysis.pattern_literals import LiteralIndex, required_literals
from sosfs_check.analysis.terms import TermIndex
from sosfs_check.catalog import load_catalog


def _literals(*texts: str) -> LiteralIndex:
    lowered = [text.lower() for text in texts]
    return LiteralIndex(lowered, TermIndex(texts, lowered=lowered))


@pytest.mark.parametrize("pattern,sample,required", [
    (r"\bplanerar\s+att\b", "Vi Planerar att införa", [{"att"}, {"planerar"}]),
    (r"\bföreskrift(en|erna)\s+(anger|säger)", "Föreskriften anger", [{"anger", "säger"}, {"föreskrift"}]),
    (r"kommun(en)?s?\s+ska", "kommuns ska", [{"kommun"}, {"ska"}]),
    (r"krav\w*\s+(enligt|i)\s+sosfs", "Dokumentationskravet enligt SOSFS", [{"krav"}, {"sosfs"}]),
    (r"rutin|process", "processen", [{"process", "rutin"}]),   # one of the alternatives
    (r"rutin|en", "en", []),                                   # an alternative too short to test: nothing
    (r"\b(är|innebär)\s+en\s+(serie|kedja)", "är en kedja", [{"kedja", "serie"}]),
    (r"kontrollera?s", "kontrolleras", [{"kontroller"}]),      # an optional letter is not required
    (r"(?i)sosfs(?=\s*2011)\s*2011", "SOSFS 2011", [{"2011"}, {"sosfs"}]),  # lookahead and flags add nothing
    (r"\bKL[\s,]*\(?2017\s*:\s*725\)?", "KL (2017:725)", [{"2017"}, {"725"}]),
])
def test_required_literals_are_in_every_match(pattern, sample, required):
    assert sorted(map(sorted, required_literals(pattern))) == sorted(map(sorted, required))
    assert re.search(pattern, sample, re.IGNORECASE)
    assert _literals(sample).satisfying(required_literals(pattern)) == [0]


def _catalog_patterns() -> list[str]:
    catalog = load_catalog()
    return [*(p for patterns in catalog.matching.statements.patterns.values() for p in patterns),
            catalog.matching.statements.body_pattern,
            *(p for reference in catalog.legal_references.references for p in reference.patterns)]


@pytest.mark.parametrize("pattern", _catalog_patterns())
@settings(max_examples=30, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_text_a_catalog_pattern_matches_passes_its_prefilter(pattern, data):
    compiled = re.compile(pattern, re.IGNORECASE)
    text = data.draw(st.from_regex(compiled, fullmatch=True))
    assert 1 in _literals("före", text, "efter").satisfying(required_literals(pattern))


def test_every_citation_pattern_has_required_literals(catalog):
    """Each pattern is prefiltered by the words and numbers it needs; a pattern needing nothing would be
    scanned on every passage, so the data keeps at least one literal per pattern."""
    for reference in catalog.legal_references.references:
        for pattern in reference.patterns:
            assert required_literals(pattern), reference.id


def test_texts_are_located_even_after_one_whose_lower_case_is_longer():
    index = _literals("İİİİ SOSFS", "egenkontroll", "SOSFS 2011:9")
    assert index.satisfying(required_literals(r"\bsosfs\s*2011")) == [2]
    assert index.lowered(2) == "sosfs 2011:9"
