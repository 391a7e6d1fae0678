"""The corpus documents built from the Markdown seeds (d1, d3), checked against the Markdown itself.

The expectations come from the seed's lines, not from markdown-it-py, so a mistake in the builder's parsing
shows here. The outline and the reader's text recall are in test_corpus_fidelity.py.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from devtools.docx_factory import Item, Para, Span
from devtools.markdown_seed import parse_markdown_seed
from devtools.text_recall import reference_tokens, tokens
from tests.conftest import REPO, SHARED
from tests.document.test_corpus_fidelity import _styled_headings

SEEDS = SHARED / "seeds"
CORPUS = REPO / "corpus"
DOCUMENTS = ["d1-sjobacka-vard-och-omsorg", "d3-ekdala-socialnamnd"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_HEADING = re.compile(r"^(?P<hashes>#+) (?P<text>.+)$", re.MULTILINE)
_HEADING_NUMBER = re.compile(r"^(#+ )\d+(?:\.\d+)* ", re.MULTILINE)
_LIST_NUMBER = re.compile(r"^\s*\d+\. ", re.MULTILINE)
_LABEL = re.compile(r"^\*\*(?P<text>[^*]+)\*\*$", re.MULTILINE)

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="the seeds live in ../shared/seeds")


def _markdown(stem: str) -> str:
    return (SEEDS / f"{stem}.md").read_text(encoding="utf-8")


def _docx(stem: str, shape: str = "styled") -> Path:
    return CORPUS / f"{stem}.docx" if shape == "styled" else CORPUS / "variants" / f"{stem}-{shape}.docx"


def _xml(stem: str, part: str) -> etree._Element:
    with zipfile.ZipFile(_docx(stem)) as archive:
        return etree.fromstring(archive.read(part))


def _body_paragraphs(stem: str) -> list[etree._Element]:
    """Paragraphs of the body itself, not of its table cells."""
    return _xml(stem, "word/document.xml").find(f"{W}body").findall(f"{W}p")


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _markdown_tokens(stem: str, heading_numbers: bool) -> Counter[str]:
    """The words a reader of the rendered Markdown sees as text: list numbers come from Word's numbering."""
    text = _LIST_NUMBER.sub("", _markdown(stem).replace("<br>", "\n"))
    return tokens([text if heading_numbers else _HEADING_NUMBER.sub(r"\1", text)])


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_headings_are_the_markdown_headings(stem):
    expected = [(len(m["hashes"]), m["text"]) for m in _HEADING.finditer(_markdown(stem))]
    assert _styled_headings(_docx(stem)) == expected


@pytest.mark.parametrize("shape", ["styled", "bold", "swedish", "autonumber", "features"])
@pytest.mark.parametrize("stem", DOCUMENTS)
def test_every_word_of_the_markdown_once_in_every_shape(stem, shape):
    expected = _markdown_tokens(stem, heading_numbers=shape != "autonumber")
    found = reference_tokens(_docx(stem, shape))
    if shape == "features":
        assert expected <= found  # plus the text box and the tracked insertion the shape adds
    else:
        assert found == expected


def _markdown_tables(stem: str) -> list[list[list[int]]]:
    """Paragraphs per cell, row by row, of every pipe table: a cell's `<br>` starts its next paragraph."""
    tables: list[list[list[int]]] = []
    previous = ""
    for line in _markdown(stem).splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append([cell.count("<br>") + 1 for cell in line.strip().strip("|").split("|")])
        previous = line
    return tables


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_tables_are_word_tables_with_a_header_row(stem):
    tables = list(_xml(stem, "word/document.xml").iter(f"{W}tbl"))
    assert [[[len(cell.findall(f"{W}p")) for cell in row.iter(f"{W}tc")] for row in table.iter(f"{W}tr")]
            for table in tables] == _markdown_tables(stem)
    for table in tables:
        header = table.find(f"{W}tr")
        assert header.find(f"{W}trPr/{W}tblHeader") is not None
        assert all(run.find(f"{W}rPr/{W}b") is not None for run in header.iter(f"{W}r"))


def _decimal_lists(stem: str) -> set[str]:
    """numIds whose first level Word numbers 1, 2, 3."""
    numbering = _xml(stem, "word/numbering.xml")
    decimal = {abstract.get(f"{W}abstractNumId") for abstract in numbering.iter(f"{W}abstractNum")
               if abstract.find(f"{W}lvl/{W}numFmt").get(f"{W}val") == "decimal"}
    return {num.get(f"{W}numId") for num in numbering.iter(f"{W}num")
            if num.find(f"{W}abstractNumId").get(f"{W}val") in decimal}


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_numbered_items_are_word_numbered_list_paragraphs(stem):
    items = [line.split(". ", 1)[1] for line in _markdown(stem).splitlines() if _LIST_NUMBER.match(line)]
    paragraphs = {_text(p): p for p in _body_paragraphs(stem)}
    decimal = _decimal_lists(stem)
    for item in items:
        properties = paragraphs[item].find(f"{W}pPr")
        assert properties.find(f"{W}pStyle").get(f"{W}val") == "ListParagraph", item
        assert properties.find(f"{W}numPr/{W}numId").get(f"{W}val") in decimal, item


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_labels_are_bold_paragraphs_without_a_style(stem):
    labels = [m["text"] for m in _LABEL.finditer(_markdown(stem))]
    paragraphs = [p for p in _body_paragraphs(stem) if _text(p) in labels]
    assert sorted(_text(p) for p in paragraphs) == sorted(labels)
    for paragraph in paragraphs:
        assert paragraph.find(f"{W}pPr/{W}pStyle") is None
        assert all(run.find(f"{W}rPr/{W}b") is not None for run in paragraph.iter(f"{W}r"))


def test_nested_bullets_and_inline_emphasis_keep_their_shape(tmp_path):
    seed = tmp_path / "seed.md"
    seed.write_text("Med **fet** och *kursiv* text.\n\n- punkt\n  - underpunkt\n- nästa\n", encoding="utf-8")
    nodes = parse_markdown_seed(seed, {"title": "Test"}).nodes
    assert nodes == [
        Para([Span("Med "), Span("fet", bold=True), Span(" och "), Span("kursiv", italic=True),
              Span(" text.")]),
        Item([Span("punkt")]), Item([Span("underpunkt")], level=1), Item([Span("nästa")]),
    ]


def test_markdown_the_builder_cannot_render_is_refused(tmp_path):
    seed = tmp_path / "seed.md"
    seed.write_text("> ett citat\n", encoding="utf-8")
    with pytest.raises(ValueError, match="blockquote"):
        parse_markdown_seed(seed, {"title": "Test"})
