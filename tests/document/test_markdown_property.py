"""Random outlines written as Markdown read back as written, and as the same model their .docx rendering gives."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devtools.docx_factory import Heading, Item, Outline, Para, Span, TableNode, write_docx
from sosfs_check.document.reader import read
from tests.document.model_shape import model_shape

WORDS = ["nämnden", "enheten", "rutinen", "avvikelsen", "risken", "kontrollen", "kvaliteten", "ärendet",
         "uppföljningen", "samverkan", "klagomålet", "personalen", "processen", "ledningen", "åtgärden",
         "brukaren", "planen", "analysen", "resultatet", "hälso- och sjukvården", "LSS-verksamheten"]
word = st.sampled_from(WORDS)


def _phrase(min_words: int, max_words: int) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=min_words, max_size=max_words).map(" ".join)


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


sentence = _phrase(5, 16).map(lambda text: _capital(text) + ".")
title = _phrase(1, 4).map(_capital)


@st.composite
def emphasised(draw) -> Para:
    """A sentence with one bold and one italic word, as **…** and *…* in Markdown and runs in Word."""
    words = draw(sentence).split(" ")
    bold, italic = draw(st.integers(0, len(words) - 1)), draw(st.integers(0, len(words) - 1))
    spans = [Span(w + (" " if i < len(words) - 1 else ""), bold=i == bold, italic=i == italic and i != bold)
             for i, w in enumerate(words)]
    return Para(spans)


@st.composite
def bullet_list(draw) -> list[Item]:
    """Bullets nested at most two deep, each at most one level below the one before."""
    items, level = [], 0
    for _ in range(draw(st.integers(1, 5))):
        level = draw(st.integers(0, min(level + 1, 2))) if items else 0
        items.append(Item(draw(_phrase(2, 8)), level))
    return items


numbered_list = st.lists(_phrase(2, 8).map(lambda text: Item(_capital(text), 0, numbered=True)), min_size=1,
                         max_size=4)
cell = st.lists(_phrase(1, 5), min_size=1, max_size=2).map("\n".join)  # "\n": the cell's next paragraph
table = st.tuples(st.integers(2, 4), st.integers(2, 3)).flatmap(
    lambda size: st.tuples(st.lists(title, min_size=size[1], max_size=size[1]),
                           st.lists(st.lists(cell, min_size=size[1], max_size=size[1]),
                                    min_size=size[0] - 1, max_size=size[0] - 1))
).map(lambda parts: [TableNode([parts[0], *parts[1]])])
body = st.one_of(sentence.map(lambda text: [Para(text)]), emphasised().map(lambda p: [p]),
                 title.map(lambda text: [Para([Span(text, bold=True)])]),  # a bold label
                 bullet_list(), numbered_list, table)


@st.composite
def outlines(draw) -> Outline:
    """Numbered chapters and sections (at least two headings, so Markdown's `#` are the headings), then
    perhaps unnumbered appendices."""
    nodes: list = []
    counters: list[int] = []
    for _ in range(draw(st.integers(2, 6))):
        level = draw(st.integers(1, min(len(counters) + 1, 3)))
        counters = counters[:level] + [0] * (level - len(counters[:level]))
        counters[-1] += 1
        nodes.append(Heading(level, ".".join(map(str, counters)), draw(title)))
        for part in draw(st.lists(body, min_size=1, max_size=4)):
            nodes.extend(part)
    for number in range(1, draw(st.integers(0, 2)) + 1):
        nodes.append(Heading(1, None, f"Bilaga {number} {draw(title)}"))
        nodes.extend(draw(body))
    return Outline(title="Slumpat ledningssystem", nodes=nodes)


def _inline(text: str | list[Span]) -> str:
    if isinstance(text, str):
        return text
    marked = []
    for span in text:
        core, space = span.text.rstrip(" "), span.text[len(span.text.rstrip(" ")):]
        mark = "**" if span.bold else "*" if span.italic else ""
        marked.append(f"{mark}{core}{mark}{space}")
    return "".join(marked)


def _as_markdown(outline: Outline, width: int) -> str:
    """The outline as Markdown, paragraphs and items wrapped at `width` characters."""
    blocks: list[str] = []
    number = 0
    for previous, node in zip([None, *outline.nodes], outline.nodes, strict=False):
        if isinstance(node, Heading):
            blocks.append("#" * node.level + " " + (f"{node.number} {node.text}" if node.number else node.text))
        elif isinstance(node, Para):
            blocks.append("\n".join(textwrap.wrap(_inline(node.text), width, break_on_hyphens=False)))
        elif isinstance(node, Item):
            # Word numbers a run of numbered items on; so does the Markdown written here.
            number = number + 1 if isinstance(previous, Item) and previous.numbered else 1
            marker = f"{number}." if node.numbered else "-"
            indent = "  " * node.level
            lines = textwrap.wrap(node.text, width, break_on_hyphens=False)
            item = "\n".join([f"{indent}{marker} {lines[0]}", *(f"{indent}{' ' * (len(marker) + 1)}{line}"
                                                                 for line in lines[1:])])
            tight = isinstance(previous, Item) and previous.numbered == node.numbered
            blocks[-1:] = [f"{blocks[-1]}\n{item}"] if tight else [*blocks[-1:], item]
        else:
            header, *rows = node.rows
            lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(c.replace("\n", "<br>") for c in row) + " |" for row in rows]
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _expected_texts(outline: Outline) -> list[str]:
    texts: list[str] = []
    for node in outline.nodes:
        if isinstance(node, (Para, Item)):
            texts.append(node.text if isinstance(node.text, str) else "".join(s.text for s in node.text))
        elif isinstance(node, TableNode):
            texts.extend(line for row in node.rows for content in row for line in content.split("\n"))
    return texts


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(), st.integers(30, 90))
def test_markdown_reads_back_its_outline_and_as_its_docx(outline, width):
    with tempfile.TemporaryDirectory() as folder:
        markdown = Path(folder) / "plan.md"
        markdown.write_text(_as_markdown(outline, width), encoding="utf-8")
        model = read(markdown)
        docx = read(write_docx(outline, "styled", Path(folder) / "plan.docx"))
    assert model.outline() == [(n.level, n.number, n.text) for n in outline.nodes if isinstance(n, Heading)]
    assert [unit.text for unit in model.text_units()] == _expected_texts(outline)
    items = [(n.level, n.text) for n in outline.nodes if isinstance(n, Item)]
    assert [(u.locator.block_index, u.text) for u in model.text_units() if u.is_list_item] == [
        (u.locator.block_index, u.text) for u in docx.text_units() if u.is_list_item]
    assert len(items) == sum(1 for u in model.text_units() if u.is_list_item)
    assert model_shape(model) == model_shape(docx)
    assert not model.fidelity.excluded and not model.fidelity.unreadable
