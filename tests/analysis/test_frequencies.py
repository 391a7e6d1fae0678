"""Frequency extraction: the issue's forms and real sentences from the seed documents, normalised."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sosfs_check.analysis.frequencies import FrequencyFinder
from sosfs_check.analysis.indexed import index_units
from sosfs_check.analysis.model import Frequency
from sosfs_check.document.model import Locator, TextUnit


def _unit(text: str) -> TextUnit:
    return TextUnit(block_id="b0001", text=text, section_path=("3 Egenkontroll",), section_level=1,
                    locator=Locator(section="3 Egenkontroll", block_index=1, char_end=len(text)))


def _found(finder: FrequencyFinder, text: str) -> list[Frequency]:
    found, = finder.per_unit(index_units([_unit(text)]))
    return found


@pytest.fixture(scope="module")
def finder(catalog):
    return FrequencyFinder(catalog.frequencies)


# (sentence, [(kind, normalised)])
CASES = [
    ("Rutinen revideras årligen.", [("rate", "1 gång per år")]),
    ("Enheterna gör en riskgenomgång varje oktober.", [("rate", "1 gång per år")]),
    ("Varje höst går ledningsgruppen igenom ledningssystemet.", [("rate", "1 gång per år")]),
    ("Nämnden följer upp en gång per år.", [("rate", "1 gång per år")]),
    ("Möten hålls 1 ggr/månad utifrån särskild struktur.", [("rate", "varje månad")]),        # seed 000
    ("Samverkan på operativ nivå minst en gång per kvartal.", [("rate", "minst 4 gånger per år")]),
    ("Verksamhetsdel som träffas 4-6 ggr/år.", [("rate", "4–6 gånger per år")]),                   # seed 000
    ("Brukarundersökning görs varannat år.", [("rate", "vartannat år")]),
    ("Sökandelistan sammanställs varje månad.", [("rate", "varje månad")]),                   # seed 000
    ("Klagomål besvaras inom två veckor.", [("deadline", "inom 14 dagar")]),
    ("Patientsäkerhetsberättelsen ska vara klar senast 1 mars.", [("deadline", "senast 1 mars")]),
    ("Processer och rutiner fastställs och revideras vid behov.", [("event", "vid behov eller händelse")]),  # seed 000
    ("Åtgärder vidtas löpande under året.", [("continuous", "löpande")]),                          # seed 000
    ("Avvikelser följs upp kontinuerligt.", [("continuous", "löpande")]),
    ("Genomgång sker varannan månad.", [("rate", "6 gånger per år")]),
    ("Följs upp varje halvår och redovisas 2 ggr/termin.", [("rate", "2 gånger per år"), ("rate", "4 gånger per år")]),
    ("Behörigheterna ses över vart fjärde år.", [("rate", "vart fjärde år")]),
    ("Allvarliga händelser rapporteras omgående till MAS.", [("immediate", "omgående")]),
    ("Medarbetarsamtal hålls minst 3 ggr/år (respektive 1ggr/år för personal i kundservice i Svedala).",
     [("rate", "minst 3 gånger per år"), ("rate", "1 gång per år")]),                              # seed 000
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_frequencies_are_found_and_normalised(finder, sentence, expected):
    found = _found(finder, sentence)
    assert [(f.kind, f.normalised) for f in found] == expected
    for frequency in found:
        assert sentence[frequency.char_start:frequency.char_end] == frequency.text


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from([case[0] for case in CASES] + ["Ingen rytm här.", ""]), max_size=6))
def test_a_document_yields_what_each_passage_alone_does(finder, sentences):
    units = [_unit(sentence).model_copy(update={"block_id": f"b{i:04d}"}) for i, sentence in enumerate(sentences)]
    assert finder.per_unit(index_units(units)) == [finder.per_unit(index_units([unit]))[0] for unit in units]


def test_range_and_deadline_values(finder):
    ranged, = _found(finder, "Träffas 4-6 ggr/år.")
    assert (ranged.per_year, ranged.per_year_max, ranged.bound) == (4, 6, "range")
    deadline, = _found(finder, "Utredningen ska vara klar inom 3 veckor.")
    assert deadline.within_days == 21


@pytest.mark.parametrize("sentence", [
    "Året som gick präglades av förändringar.",        # "året" alone is no rate
    "Förvaltningen har fyra avdelningar.",             # a number without "gånger per"
    "Ärendet behandlades i månadsskiftet.",            # a word that starts like a period
    "Ledningssystem för systematiskt kvalitetsarbete.",  # how the work is done, not how often
])
def test_near_misses_are_not_frequencies(finder, sentence):
    assert _found(finder, sentence) == []



@settings(max_examples=200, derandomize=True)
@given(count=st.integers(1, 12), bound=st.sampled_from(["", "minst ", "högst "]),
       times=st.sampled_from(["ggr", "gånger", "gång"]), separator=st.sampled_from(["/", " per ", " i ", " om "]),
       period=st.sampled_from(["år", "halvår", "kvartal", "månad", "vecka"]),
       before=st.sampled_from(["", "Uppföljning sker ", "Mötet hålls "]), after=st.sampled_from(["", ".", " i ledningsgruppen."]))
def test_any_rate_is_normalised_to_times_per_year(catalog, count, bound, times, separator, period, before, after):
    sentence = f"{before}{bound}{count} {times}{separator}{period}{after}"
    found = _found(FrequencyFinder(catalog.frequencies), sentence)
    assert len(found) == 1
    frequency = found[0]
    assert frequency.kind == "rate"
    assert frequency.per_year == count * catalog.frequencies.periods[period]
    assert frequency.bound == {"": "exact", "minst ": "minimum", "högst ": "maximum"}[bound]
    assert sentence[frequency.char_start:frequency.char_end] == frequency.text


def test_offsets_hold_where_lower_case_changes_a_texts_length(finder):
    sentence = "İnspektionen (İVO) följs upp 2 ggr/år och årligen."  # "İ".lower() is two characters
    found = _found(finder, sentence)
    assert [f.text for f in found] == ["2 ggr/år", "årligen"]
    assert all(sentence[f.char_start:f.char_end] == f.text for f in found)
