"""Ledningssystem written as one record table (Område | Så gör vi | Hur ofta | Ansvarig), as many kommuner do."""

from __future__ import annotations

import pytest

from devtools.docx_factory import Heading, Outline, Para, TableNode, write_docx
from sosfs_check.assessment.run import check

HEADER = ["Område", "Så gör vi", "Hur ofta", "Ansvarig"]
ROWS = [
    ["Riskanalys", "Varje år och inför förändringar bedöms varje risk utifrån sannolikhet och konsekvens.",
     "Årligen", "Enhetschef"],
    ["Klagomål", "Klagomål tas emot, registreras och utreds. Den som klagat får svar.", "Inom två veckor",
     "Enhetschef"],
    ["Sammanställning", "Klagomål, synpunkter och rapporter sammanställs och analyseras för att se mönster.",
     "Kvartalsvis", "Kvalitetsutvecklare"],
]


def _document(tmp_path, rows, header=HEADER):
    outline = Outline(title="Ledningssystem Exempelnämnden", nodes=[
        Heading(1, "1", "Inledning"),
        Para("Socialnämnden ansvarar för att det finns ett ledningssystem för socialtjänsten."),
        Heading(1, "2", "Så arbetar vi med kvalitet"),
        TableNode([header, *rows]),
    ])
    return check(write_docx(outline, "styled", tmp_path / "tabell.docx"))


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return _document(tmp_path_factory.mktemp("tabell"), ROWS)


def test_rows_are_arrangements_with_their_owner_and_rhythm(result):
    for requirement_id in ("RISK-1", "RISK-2", "RISK-3", "KLAG-1", "ANAL-1"):
        assert result.finding(requirement_id).status == "covered", requirement_id
    owners = {(r.role, r.duty): [f.normalised for f in r.frequencies] for r in result.responsibilities
              if r.form == "table_column"}
    assert owners == {("enhetschef", "Riskanalys"): ["1 gång per år", "1 gång per år"],
                      ("enhetschef", "Klagomål"): ["inom 14 dagar"],
                      ("verksamhetsutvecklare", "Sammanställning"): ["4 gånger per år"]}


def test_the_rhythm_in_another_column_is_what_makes_the_compilation_regular(tmp_path):
    without_rhythm = [[area, how, "", owner] for area, how, _, owner in ROWS]
    finding = _document(tmp_path, without_rhythm).finding("ANAL-1")
    assert finding.status == "partial" and "regelbundenhet" in finding.missing_elements


def test_a_row_without_a_method_only_names_the_topic(tmp_path):
    rows = [["Riskanalys", "Se separat dokument.", "", ""]]
    assert _document(tmp_path, rows).finding("RISK-2").status in ("partial", "missing")
