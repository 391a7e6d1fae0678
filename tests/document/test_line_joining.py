"""Words broken with a hyphen at a line end are joined again; real hyphens stay."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosfs_check.document.line_joining import join_wrapped
from sosfs_check.document.text_cues import text_cues
from tests.document.wrapping import wrap_with_hyphens

# Invented general Swedish text: words long enough to be broken, and compounds whose hyphen is real.
WORDS = ["verksamheten", "uppföljningen", "medarbetarna", "arbetsplatsträffen", "förbättringar", "rutinerna",
         "synpunkterna", "planeringen", "kvalitetsarbetet", "brukarna", "dokumentationen", "ansvaret",
         "samverkan", "utbildningen", "resultaten", "organisationen", "beslutet", "handläggningen"]
COMPOUNDS = ["hälso- och sjukvård", "LSS-verksamhet", "vård- och omsorgsnämnden", "e-tjänsten",
             "12-stegsprogrammet", "kort- eller långsiktiga", "SoL-insatser", "barn- samt ungdomsvård"]


@pytest.mark.parametrize("lines,expected", [
    (["inom kvalitetsarbe-", "tet och"], "inom kvalitetsarbetet och"),
    (["kommunens hälso-", "och sjukvård"], "kommunens hälso- och sjukvård"),
    (["all vård-", "och omsorgsnämndens"], "all vård- och omsorgsnämndens"),
    (["insatser i LSS-", "verksamhet"], "insatser i LSS-verksamhet"),
    (["erbjuds 12-", "stegsbehandling"], "erbjuds 12-stegsbehandling"),
    (["via e-", "tjänsten"], "via e-tjänsten"),
    (["två uppdrag -", "samordning"], "två uppdrag - samordning"),  # a dash standing alone is not a break
    (["regionens-", "Socialtjänst"], "regionens- Socialtjänst"),  # a capital after the hyphen keeps it
    (["kort-", "samt långsiktigt"], "kort- samt långsiktigt"),
    (["åren 2020-", "2023"], "åren 2020-2023"),
    (["kvalitets\u00ad", "arbetet"], "kvalitetsarbetet"),  # a soft hyphen where the word broke
    (["kvali\u00adtet"], "kvalitet"),  # and one that is invisible inside a line
    (["  indragen  ", "", "rad  "], "indragen rad"),
])
def test_line_ends(lines, expected):
    assert join_wrapped(lines) == expected


def test_every_word_after_which_a_hyphen_is_kept_keeps_it():
    for word in text_cues().hyphenation.kept_before:
        assert join_wrapped(["barn-", f"{word} unga"]) == f"barn- {word} unga"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WORDS + COMPOUNDS), min_size=3, max_size=30), st.integers(12, 70),
       st.lists(st.integers(0, 12), min_size=1, max_size=10))
def test_words_broken_at_any_line_width_join_back_to_the_text(phrases, width, cuts):
    text = " ".join(phrases)
    assert join_wrapped(wrap_with_hyphens(text, width, cuts)) == text
