"""The HTML comparison as a browser shows it: each page is opened in real headless Chromium and its DOM read back.

A comparison must show every requirement once with each document's status in words in that document's column,
list the largest differences in the comparison's order, show each document's roles, rhythms and the roles only
it has per area, name each document with its counts, stand alone and be accessible, escape the documents' own
text, and filter to the differing requirements. Beyond six documents the requirements become a coverage matrix.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import lxml.html
import pytest

from sosfs_check import check
from sosfs_check.assessment.model import AssessmentResult
from sosfs_check.comparison.html import render_comparison_html
from sosfs_check.comparison.model import Comparison, build_comparison
from sosfs_check.report.texts import report_texts
from tests.conftest import REPO
from tests.report.test_html_report import BUILT_DOCUMENT, CHROMIUM, _dump_dom, _text

TEXTS = report_texts()
NO_CHROMIUM = "Chromium is not installed: the HTML comparison is tested in a real browser (CI installs chromium)"
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)

# Two short ledningssystem: the first analyses risks (and quotes markup the page must show as text, and cites a
# replaced law), the second has no risk analysis but handles complaints and deviations (and an image without
# alternative text that cannot be read).
WITH_RISKS = BUILT_DOCUMENT  # the single report's test document: markup in a quote, a replaced law
WITHOUT_RISKS = """\
# Ledningssystem – Vård- och omsorgsnämnden

## 1 Ansvar

Vård- och omsorgsnämnden ansvarar för att det finns ett ledningssystem för socialtjänsten och LSS.

Verksamhetschefen ansvarar för att klagomål och synpunkter sammanställs och analyseras varje månad.

## 2 Avvikelser

Medarbetarna rapporterar avvikelser till närmaste chef. Kvalitetsutvecklaren sammanställer avvikelserna två \
gånger per år.

![](organisation.png)

## 3 Processer

Processer och rutiner beskrivs i verksamhetshandboken och revideras en gång per år av verksamhetschefen.
"""
WITH_RISKS_NAME = "ledningssystem-vård&omsorg.md"
ESCAPED_QUOTE = 'se rutinen <script>alert("x")</script> & fet.'
CORPUS_DOCUMENT = REPO / "corpus" / "d1-sjobacka-vard-och-omsorg.docx"
FIRST_DOCUMENT_COLUMN = 2  # after the requirement and its title


@pytest.fixture(scope="module")
def small_results(tmp_path_factory) -> tuple[AssessmentResult, AssessmentResult]:
    folder = tmp_path_factory.mktemp("documents")
    (folder / WITH_RISKS_NAME).write_text(WITH_RISKS, encoding="utf-8")
    (folder / "utan-riskanalys.md").write_text(WITHOUT_RISKS, encoding="utf-8")
    return check(folder / WITH_RISKS_NAME), check(folder / "utan-riskanalys.md")


@pytest.fixture(scope="module", params=["two", "three"])
def case(request, small_results, tmp_path_factory) -> tuple[list[AssessmentResult], Comparison, Path]:
    """The results, their comparison and its page: the two small documents, or those and a corpus document."""
    results = list(small_results) + ([check(CORPUS_DOCUMENT)] if request.param == "three" else [])
    comparison = build_comparison(results, date="2026-11-30")
    page = tmp_path_factory.mktemp("comparison") / "jamforelse.html"
    page.write_text(render_comparison_html(comparison), encoding="utf-8")
    return results, comparison, page


@pytest.fixture(scope="module")
def dom(case, tmp_path_factory) -> lxml.html.HtmlElement:
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    return _dump_dom(case[2], tmp_path_factory.mktemp("chromium"))


def _body_rows(dom: lxml.html.HtmlElement, table: str) -> list[lxml.html.HtmlElement]:
    return dom.get_element_by_id(table).xpath("./tbody/tr")


def _column_heads(dom: lxml.html.HtmlElement, table: str) -> list[str]:
    return [_text(th) for th in dom.get_element_by_id(table).xpath("./thead/tr/th")]


def _status(cell: lxml.html.HtmlElement) -> tuple[str, str]:
    """The status a cell shows in words, and the colour class beside it."""
    (badge,) = cell.find_class("status")
    return _text(badge), badge.get("class")


def test_one_row_per_requirement_with_each_documents_status_in_its_column(case, dom):
    results, comparison, _ = case
    names = [document.name for document in comparison.documents]
    assert _column_heads(dom, "jamforelse-krav")[FIRST_DOCUMENT_COLUMN:] == names
    assert "coverage" not in dom.get_element_by_id("jamforelse-krav").get("class")
    rows = _body_rows(dom, "jamforelse-krav")
    assert [row.get("id") for row in rows] == [f.requirement_id for f in results[0].findings]
    for index, (row, requirement) in enumerate(zip(rows, comparison.requirements, strict=True)):
        assert (row.get("data-kind"), row.get("data-chapter")) == (requirement.kind, str(requirement.chapter))
        assert row.get("data-differs") == ("1" if requirement.differs else "0")
        assert requirement.citation in _text(row[0]) and requirement.title in _text(row[1])
        cells = row[FIRST_DOCUMENT_COLUMN:]
        assert len(cells) == len(results)
        for cell, result in zip(cells, results, strict=True):
            finding = result.findings[index]
            assert _status(cell) == (TEXTS.statuses[finding.status], f"status status-{finding.status}")
            assert " ".join(finding.reason.split()) in _text(cell)
            if finding.evidence:
                (details,) = cell.xpath(".//details")
                assert " ".join(finding.evidence[0].quote.split()) in _text(details)
                assert finding.evidence[0].location in _text(details)
    # The small documents differ where one analyses risks and the other does not; both lack other parts alike.
    risk = next(row for row in rows if row.get("id") == "RISK-1")
    assert [_status(cell)[0] for cell in risk[FIRST_DOCUMENT_COLUMN:FIRST_DOCUMENT_COLUMN + 2]] == [
        TEXTS.statuses["covered"], TEXTS.statuses["missing"]]
    assert {row.get("data-differs") for row in rows} == {"0", "1"}


def test_documents_are_named_with_their_counts(case, dom):
    results, comparison, _ = case
    assert f"{len(results)} dokument jämförda mot SOSFS 2011:9." in _text(dom.xpath("//header")[0])
    assert "2026-11-30" in _text(dom.xpath("//header")[0])
    rows = _body_rows(dom, "dokument")
    assert [_text(row[0]) for row in rows] == [document.name for document in comparison.documents]
    for row, result in zip(rows, results, strict=True):
        cells = [_text(cell) for cell in row]
        counts = Counter(f.status for f in result.findings)
        applicable = len(result.findings) - counts["not_applicable"]
        assert cells[1:4] == [result.document.source_name, result.document.sha256[:12], result.document.scope.label]
        assert cells[4:8] == [str(counts[status]) for status in TEXTS.statuses]
        assert cells[8] == str(sum(1 for f in result.findings if f.kind == "ska" and f.status in ("missing", "partial")))
        assert cells[9] == f"{100 * counts['covered'] / applicable:.1f}".replace(".", ",") + " %"


def test_largest_differences_in_the_comparisons_order(case, dom):
    results, comparison, _ = case
    assert comparison.largest_differences
    rows = _body_rows(dom, "storsta-skillnader")
    assert [row.xpath("./th//a/@href")[0] for row in rows] == [f"#{row.id}" for row in comparison.largest_differences]
    assert _column_heads(dom, "storsta-skillnader")[FIRST_DOCUMENT_COLUMN:] == [d.name for d in comparison.documents]
    position = {f.requirement_id: i for i, f in enumerate(results[0].findings)}
    for row, requirement in zip(rows, comparison.largest_differences, strict=True):
        for cell, result in zip(row[FIRST_DOCUMENT_COLUMN:], results, strict=True):
            finding = result.findings[position[requirement.id]]
            assert _status(cell)[0] == TEXTS.statuses[finding.status]
            quotes = [_text(quote) for quote in cell.xpath(".//blockquote")]
            assert quotes == ([" ".join(finding.evidence[0].quote.split())] if finding.evidence else [])
        statuses = {_status(cell)[0] for cell in row[FIRST_DOCUMENT_COLUMN:]}
        assert len(statuses) > 1  # a difference shows two statuses side by side


def test_documents_judged_alike_have_no_differences(small_results):
    comparison = build_comparison([small_results[0], small_results[0]], names=["original", "kopia"])
    page = lxml.html.document_fromstring(render_comparison_html(comparison))
    assert TEXTS.compare["no_differences"] in _text(page.get_element_by_id("skillnader"))
    assert not page.xpath('//*[@id="storsta-skillnader"]')
    assert not page.xpath('//*[@id="jamforelse-krav"]/tbody/tr[@data-differs="1"]')


def test_areas_show_each_documents_roles_and_rhythms(case, dom):
    _, comparison, _ = case
    names = [document.name for document in comparison.documents]
    assert comparison.areas and any(any(only) for area in comparison.areas for only in area.roles_only_in)
    for number, area in enumerate(comparison.areas, start=1):
        table = dom.get_element_by_id(f"omrade-{number}")
        assert area.area_name in _text(table.xpath("./caption")[0])
        rows = table.xpath("./tbody/tr")
        assert [_text(row[0]) for row in rows] == names
        for row, duties, rhythms, only in zip(rows, area.duties, area.rhythms, area.roles_only_in, strict=True):
            shown = _text(row[1])
            assert [_text(strong) for strong in row[1].xpath(".//strong")] == [duty.role for duty in duties]
            for duty in duties:
                assert all(" ".join(text.split()) in shown for text in duty.as_written + duty.duties)
            assert [_text(summary) for summary in row[2].xpath(".//summary")] == [rhythm for rhythm, _ in rhythms]
            assert [_text(quote) for quote in row[2].xpath(".//blockquote")] == [
                " ".join(passage.split()) for _, passage in rhythms]
            assert _text(row[3]) == (", ".join(only) or TEXTS.compare["nothing"])
    # The risk analysis's owner stands in the first document only.
    (risks,) = [n for n, area in enumerate(comparison.areas, start=1) if area.area_name == "Riskanalys"]
    first, second = dom.get_element_by_id(f"omrade-{risks}").xpath("./tbody/tr")[:2]
    assert "Enhetschef" in _text(first[1]) and "Enhetschef" in _text(first[3])
    assert _text(second[1]) == TEXTS.compare["nothing"]


def test_stale_references_and_unreadable_parts_per_document(case, dom):
    _, comparison, _ = case
    references, unreadable = _body_rows(dom, "inaktuella"), _body_rows(dom, "olasta-delar")
    for document, reference_row, unreadable_row in zip(comparison.documents, references, unreadable, strict=True):
        assert _text(reference_row[0]) == _text(unreadable_row[0]) == document.name
        assert [_text(item) for item in reference_row[1].xpath(".//li")] == list(document.stale_references)
        assert [_text(item) for item in unreadable_row[1].xpath(".//li")] == list(document.unreadable)
        if not document.stale_references:
            assert _text(reference_row[1]) == TEXTS.notes["no_references"]
        if not document.unreadable:
            assert _text(unreadable_row[1]) == TEXTS.notes["complete"]
    with_risks, without_risks = comparison.documents[:2]
    assert any("socialtjänstlagen (2001:453)" in reference for reference in with_risks.stale_references)
    assert not without_risks.stale_references and any("2 Avvikelser" in item for item in without_risks.unreadable)


def test_page_stands_alone_and_is_accessible(dom):
    assert dom.get("lang") == "sv"
    assert not dom.xpath("//*[@src] | //link | //iframe | //object | //embed")
    ids = set(dom.xpath("//@id"))
    assert all(href.startswith("#") and href[1:] in ids for href in dom.xpath("//@href"))
    inline = " ".join(element.text_content() for element in dom.xpath("//style | //script"))
    assert not re.search(r"https?:|url\(|@import", inline)
    for table in dom.xpath("//table"):
        assert _text(table.xpath("./caption")[0])
        assert all(th.get("scope") in {"col", "row"} for th in table.xpath(".//th"))
    for select in dom.xpath("//form//select"):
        assert select.getparent().tag == "label" and (select.getparent().text or "").strip()
    levels = [int(heading.tag[1]) for heading in dom.xpath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in pairwise(levels))
    # A status is always written out: colour only repeats it.
    assert {_text(badge) for badge in dom.find_class("status")} <= set(TEXTS.statuses.values())
    visible = " ".join(_text(body) for body in dom.xpath("//main | //header"))
    assert not re.search(r"\b(covered|partial|missing|not_applicable|None|True|False|undefined)\b", visible)


def test_document_text_is_escaped(case, dom):
    html = case[2].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in html and "<script>alert(" not in html
    assert len(dom.xpath("//script")) == 1  # the page's own filter script, nothing from the documents
    quotes = [_text(quote) for quote in dom.xpath("//blockquote")]
    assert any(quote.endswith(ESCAPED_QUOTE) and "sannolikhet & konsekvens" in quote for quote in quotes)
    assert _text(_body_rows(dom, "dokument")[0][0]) == WITH_RISKS_NAME


@needs_chromium
def test_filter_shows_exactly_the_differing_requirements(case, tmp_path):
    _, comparison, page = case
    # Without JavaScript every row shows and the (useless) filter form stays hidden.
    static = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    assert static.get_element_by_id("jamforelsefilter").get("hidden") is not None
    assert not static.xpath('//*[@id="jamforelse-krav"]/tbody/tr[@hidden]')

    dom = _dump_dom(page, tmp_path / "chromium", "?differs=1")
    assert dom.get_element_by_id("jamforelsefilter").get("hidden") is None
    rows = _body_rows(dom, "jamforelse-krav")
    shown = [row.get("id") for row in rows if row.get("hidden") is None]
    hidden = [row.get("id") for row in rows if row.get("hidden") is not None]
    assert shown == [row.id for row in comparison.differing]
    assert hidden == [row.id for row in comparison.requirements if not row.differs] and hidden
    count = _text(dom.get_element_by_id("jamforelsefilter-antal"))
    assert count == f"Visar {len(shown)} av {len(rows)} krav."

    dom = _dump_dom(page, tmp_path / "chromium-ska", "?differs=1&kind=ska")
    shown = [row.get("id") for row in _body_rows(dom, "jamforelse-krav") if row.get("hidden") is None]
    assert shown == [row.id for row in comparison.differing if row.kind == "ska"]


def test_seven_documents_become_a_coverage_matrix(tmp_path):
    """Seven results from the two small documents under seven names: one status per cell, no quotes, and how
    many documents cover each requirement."""
    texts = [WITH_RISKS] * 4 + [WITHOUT_RISKS] * 3
    paths = [tmp_path / f"enhet-{number}.md" for number in range(1, len(texts) + 1)]
    for path, text in zip(paths, texts, strict=True):
        path.write_text(text, encoding="utf-8")
    results = [check(path) for path in paths]
    comparison = build_comparison(results)
    page = tmp_path / "jamforelse.html"
    page.write_text(render_comparison_html(comparison), encoding="utf-8")
    dom = (_dump_dom(page, tmp_path / "chromium", "?differs=1") if CHROMIUM
           else lxml.html.document_fromstring(page.read_text(encoding="utf-8")))

    table = dom.get_element_by_id("jamforelse-krav")
    assert "coverage" in table.get("class") and TEXTS.compare["matrix"] in _text(table.xpath("./caption")[0])
    heads = _column_heads(dom, "jamforelse-krav")
    assert heads[FIRST_DOCUMENT_COLUMN:] == [path.name for path in paths] + [TEXTS.compare["covering"]]
    assert not table.xpath(".//details | .//blockquote")
    rows = _body_rows(dom, "jamforelse-krav")
    assert [row.get("id") for row in rows] == [f.requirement_id for f in results[0].findings]
    for index, row in enumerate(rows):
        statuses = [result.findings[index].status for result in results]
        assert [_status(cell)[0] for cell in row[FIRST_DOCUMENT_COLUMN:-1]] == [TEXTS.statuses[s] for s in statuses]
        assert _text(row[-1]) == f"{statuses.count('covered')} av {len(results)}"
    assert any(_text(row[-1]) == f"4 av {len(results)}" for row in rows)  # the risk analysis: four of seven
    if CHROMIUM:
        shown = [row.get("id") for row in rows if row.get("hidden") is None]
        assert shown == [row.id for row in comparison.differing]
