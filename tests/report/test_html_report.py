"""The HTML report as a browser shows it: every page is opened in real headless Chromium and its DOM read back.

A report must show every requirement once with its status in words, count ska apart from bör, list the gaps in
order of priority, name the document by hash and the versions used, stand alone (no resource from elsewhere),
be accessible (Swedish language, captioned tables with header scopes, headings in order) and escape the
document's own text. The filter script must hide exactly the rows that do not match.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from itertools import pairwise
from pathlib import Path

import lxml.html
import pytest

from sosfs_check import check
from sosfs_check.assessment.model import AssessmentResult
from sosfs_check.report.html import render_batch_html, render_html
from sosfs_check.report.texts import report_texts
from sosfs_check.report.view import batch_row, build_batch_view, build_view

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: the HTML report is "
                                                                 "tested in a real browser (CI installs chromium)")
TEXTS = report_texts()
KIND_ORDER = ("ska", "bör", "upplysning")
GAP_ORDER = ("missing", "partial")

# A short ledningssystem; the quote in 1.1 carries markup and an ampersand that the report must show as text.
BUILT_DOCUMENT = """\
# Ledningssystem för systematiskt kvalitetsarbete – Socialnämnden

## 1 Ansvar

Socialnämnden ansvarar för att det finns ett ledningssystem för verksamheten inom socialtjänsten och LSS.

### 1.1 Riskanalys

Enhetschefen ansvarar för att en riskanalys görs varje kvartal. Riskanalysen ska bedöma sannolikhet & \
konsekvens, se rutinen `<script>alert("x")</script>` &amp; <b>fet</b>.

| Roll | Ansvar |
| --- | --- |
| Förvaltningschef | Följer upp egenkontrollen två gånger per år |
| Enhetschef | Utreder klagomål inom 14 dagar |

## 2 Lagar

Verksamheten följer socialtjänstlagen (2001:453) och lagen om stöd och service till vissa funktionshindrade.

## 3 Egenkontroll

Egenkontroll görs varje månad av enhetschefen enligt en plan som förvaltningschefen fastställer i januari.
"""
ESCAPED_QUOTE = 'se rutinen <script>alert("x")</script> & fet.'


def _dump_dom(page: Path, profile: Path, query: str = "") -> lxml.html.HtmlElement:
    """The DOM of the page after its scripts ran, as headless Chromium serialises it."""
    assert CHROMIUM is not None
    completed = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
         "--virtual-time-budget=2000", "--dump-dom", page.as_uri() + query],
        capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0 and "<html" in completed.stdout, completed.stderr[-2000:]
    return lxml.html.document_fromstring(completed.stdout)


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


@pytest.fixture(scope="module")
def built_result(tmp_path_factory) -> AssessmentResult:
    path = tmp_path_factory.mktemp("document") / "ledningssystem-vård&omsorg.md"
    path.write_text(BUILT_DOCUMENT, encoding="utf-8")
    return check(path)



@pytest.fixture(scope="module", params=["built", "corpus"])
def report(request, tmp_path_factory) -> tuple[AssessmentResult, Path]:
    """A result and its HTML report, written to a file."""
    result = request.getfixturevalue(f"{request.param}_result")
    page = tmp_path_factory.mktemp("report") / "rapport.html"
    page.write_text(render_html(build_view(result)), encoding="utf-8")
    return result, page


@pytest.fixture(scope="module")
def dom(report, tmp_path_factory) -> lxml.html.HtmlElement:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed: the HTML report is tested in a real browser (CI installs chromium)")
    return _dump_dom(report[1], tmp_path_factory.mktemp("chromium"))


def test_every_requirement_has_one_row_with_its_status_in_words(report, dom):
    result, _ = report
    rows = dom.get_element_by_id("krav-tabell").xpath("./tbody/tr")
    assert [row.get("id") for row in rows] == [f.requirement_id for f in result.findings]
    for finding in result.findings:
        (row,) = dom.xpath(f'//*[@id="{finding.requirement_id}"]')
        assert row.tag == "tr"
        assert (row.get("data-status"), row.get("data-kind"), row.get("data-chapter")) == (
            finding.status, finding.kind, str(finding.chapter))
        (badge,) = row.find_class("status")
        assert _text(badge) == TEXTS.statuses[finding.status]
        assert " ".join(finding.reason.split()) in _text(row)
        for evidence in finding.evidence:
            assert " ".join(evidence.quote.split()) in _text(row) and evidence.location in _text(row)


def test_summary_counts_each_kind_apart(report, dom):
    result, _ = report
    table = dom.get_element_by_id("per-typ")
    header = [_text(th) for th in table.xpath("./thead/tr/th")]
    status_of = {label: status for status, label in TEXTS.statuses.items()}
    kind_of = {label: kind for kind, label in TEXTS.kinds.items()}
    shown: dict[str, dict[str, int]] = {}
    for row in table.xpath("./tbody/tr"):
        cells = [_text(cell) for cell in row]
        shown[kind_of[cells[0]]] = {status_of[label]: int(n) for label, n in zip(header, cells, strict=True)
                                    if label in status_of}
    expected: dict[str, Counter[str]] = {}
    for finding in result.findings:
        expected.setdefault(finding.kind, Counter())[finding.status] += 1
    assert shown == {kind: {status: counts[status] for status in TEXTS.statuses} for kind, counts in expected.items()}
    # Per chapter: one group of rows per chapter, whose totals add up to the chapter's requirements.
    chapters = Counter(finding.chapter for finding in result.findings)
    groups = dom.get_element_by_id("per-kapitel").xpath("./tbody")
    assert [int(_text(group.xpath("./tr/th")[0]).split()[0]) for group in groups] == sorted(chapters)
    assert [sum(int(_text(row[-1])) for row in group.xpath("./tr")) for group in groups] == [
        chapters[chapter] for chapter in sorted(chapters)]


def test_action_list_puts_binding_gaps_first(report, dom):
    result, _ = report
    position = {f.requirement_id: i for i, f in enumerate(result.findings)}
    gaps = sorted((f for f in result.findings if f.status in GAP_ORDER),
                  key=lambda f: (KIND_ORDER.index(f.kind), GAP_ORDER.index(f.status), position[f.requirement_id]))
    rows = dom.get_element_by_id("atgardslista").xpath("./tbody/tr")
    assert [row.xpath(".//a/@href")[0] for row in rows] == [f"#{f.requirement_id}" for f in gaps]
    for row, finding in zip(rows, gaps, strict=True):
        assert finding.citation in _text(row) and _text(row.find_class("status")[0]) == TEXTS.statuses[finding.status]
    assert any(f.kind == "ska" and f.status == "missing" for f in gaps)  # both documents have a binding gap


def test_identity_versions_and_sections(report, dom):
    result, _ = report
    about = _text(dom.get_element_by_id("om"))
    for shown in (result.document.sha256, result.document.source_name, result.metadata.tool_version,
                  result.catalog.catalog_version, result.metadata.generated_at[:10]):
        assert shown in about
    view = build_view(result)
    for role, area in view.matrix.cells:
        row = next(r for r in dom.get_element_by_id("ansvarsmatris").xpath("./tbody/tr") if _text(r[0]) == role)
        column = list(view.matrix.areas).index(area) + 1
        assert all(" ".join(duty.split()) in _text(row[column]) for duty in view.matrix.cells[role, area].duties)
    calendar = dom.get_element_by_id("arshjulet").xpath("./tbody/tr")
    assert sorted(_text(row[0]) for row in calendar) == sorted(f.normalised for f in result.frequencies)
    stale = [c for c in result.references if c.status == "stale"]
    references = _text(dom.get_element_by_id("inaktuella"))
    assert stale and all(c.text in references and (c.replacement or "") in references for c in stale)


def test_page_stands_alone_and_is_accessible(dom):
    assert dom.get("lang") == "sv"
    assert not dom.xpath("//*[@src] | //link | //iframe | //object | //embed")
    assert all(href.startswith("#") for href in dom.xpath("//@href"))
    inline = " ".join(element.text_content() for element in dom.xpath("//style | //script"))
    assert not re.search(r"https?:|url\(|@import", inline)
    for table in dom.xpath("//table"):
        assert _text(table.xpath("./caption")[0])
        assert all(th.get("scope") in {"col", "row", "rowgroup"} for th in table.xpath(".//th"))
    for select in dom.xpath("//form//select"):
        assert select.getparent().tag == "label" and (select.getparent().text or "").strip()
    levels = [int(heading.tag[1]) for heading in dom.xpath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in pairwise(levels))
    visible = " ".join(_text(body) for body in dom.xpath("//main | //header"))
    assert not re.search(r"\b(covered|partial|missing|not_applicable|None|True|False|undefined)\b", visible)


@needs_chromium
def test_document_text_is_escaped(built_result, tmp_path):
    html = render_html(build_view(built_result))
    assert "&lt;script&gt;alert(" in html and "<script>alert(" not in html
    page = tmp_path / "rapport.html"
    page.write_text(html, encoding="utf-8")
    dom = _dump_dom(page, tmp_path / "chromium")
    assert len(dom.xpath("//script")) == 1  # the report's own filter script, nothing from the document
    quotes = [_text(quote) for quote in dom.xpath("//blockquote")]
    assert any(quote.endswith(ESCAPED_QUOTE) and "sannolikhet & konsekvens" in quote for quote in quotes)
    assert "ledningssystem-vård&omsorg.md" in _text(dom.xpath("//p[@class='subtitle']")[0])


@needs_chromium
def test_filter_hides_exactly_the_rows_that_do_not_match(corpus_result, tmp_path):
    page = tmp_path / "rapport.html"
    html = render_html(build_view(corpus_result))
    page.write_text(html, encoding="utf-8")
    # Without JavaScript every row shows and the (useless) filter form stays hidden.
    static = lxml.html.document_fromstring(html)
    assert static.get_element_by_id("kravfilter").get("hidden") is not None
    assert not static.xpath('//*[@id="krav-tabell"]/tbody/tr[@hidden]')

    dom = _dump_dom(page, tmp_path / "chromium", "?status=missing&kind=ska")
    assert dom.get_element_by_id("kravfilter").get("hidden") is None
    rows = dom.get_element_by_id("krav-tabell").xpath("./tbody/tr")
    shown = [row.get("id") for row in rows if row.get("hidden") is None]
    expected = [f.requirement_id for f in corpus_result.findings if f.status == "missing" and f.kind == "ska"]
    assert shown == expected and len(expected) < len(rows)
    assert _text(dom.get_element_by_id("kravfilter-antal")) == f"Visar {len(expected)} av {len(rows)} krav."

    # A link to a row the filter hides (the action list's first gap, while only covered rows show) shows all rows.
    gap = next(f.requirement_id for f in corpus_result.findings if f.status == "missing")
    dom = _dump_dom(page, tmp_path / "chromium-link", f"?status=covered#{gap}")
    assert not dom.xpath('//*[@id="krav-tabell"]/tbody/tr[@hidden]')


def test_scope_warning_stands_at_the_top(tmp_path):
    path = tmp_path / "rutiner.md"
    path.write_text("# Rutiner\n\nVi har en plan för arbetet och följer upp den.\n", encoding="utf-8")
    view = build_view(check(path))
    assert view.scope_warning
    page = lxml.html.document_fromstring(render_html(view))
    (warning,) = page.xpath("//header/p[contains(@class, 'warning')]")
    assert view.scope_warning in _text(warning)
    assert TEXTS.scope_source["assumed"] in _text(page.get_element_by_id("om"))


def test_batch_summary_lists_documents_and_failures(built_result, corpus_result, tmp_path):
    views = {"a.md": build_view(built_result), "d1.docx": build_view(corpus_result)}
    error = "Filen kunde inte läsas: <trasig> & tom"
    batch = build_batch_view([batch_row("a.md", views["a.md"], "a.html", None),
                              batch_row("trasig.docx", None, None, error),
                              batch_row("d1.docx", views["d1.docx"], "d1.html", None)], "SOSFS 2011:9", date="2026-11-30")
    page = tmp_path / "sammanfattning.html"
    page.write_text(render_batch_html(batch), encoding="utf-8")
    dom = (_dump_dom(page, tmp_path / "chromium") if CHROMIUM
           else lxml.html.document_fromstring(page.read_text(encoding="utf-8")))
    assert dom.get("lang") == "sv" and batch.intro in _text(dom.xpath("//header")[0])
    (table,) = dom.xpath("//table")
    assert _text(table.xpath("./caption")[0]) and all(th.get("scope") for th in table.xpath(".//th"))
    rows = table.xpath("./tbody/tr")
    assert [_text(row[0]) for row in rows] == ["a.md", "trasig.docx", "d1.docx"]
    assert _text(rows[1]) == f"trasig.docx {TEXTS.labels['error']}: {error}"
    for row, name, report in ((rows[0], "a.md", "a.html"), (rows[2], "d1.docx", "d1.html")):
        findings = (built_result if name == "a.md" else corpus_result).findings
        counts = Counter(f.status for f in findings)
        cells = [_text(cell) for cell in row]
        assert cells[1:5] == [str(counts[status]) for status in TEXTS.statuses]
        applicable = len(findings) - counts["not_applicable"]
        assert cells[5] == f"{100 * counts['covered'] / applicable:.1f}".replace(".", ",") + " %"
        assert cells[6] == str(sum(1 for f in findings if f.kind == "ska" and f.status in GAP_ORDER))
        assert row.xpath(".//a/@href") == [report]
