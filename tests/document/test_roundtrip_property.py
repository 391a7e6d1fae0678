"""Random section trees rendered to .docx in every shape must read back as the same outline and text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devtools.docx_factory import SHAPES, Heading, Item, Outline, Para, TableNode, write_docx
from sosfs_check.document.reader import read

WORDS = ["nämnden", "enhetschefen", "rutin", "avvikelse", "risk", "egenkontroll", "kvalitet", "ärende",
         "uppföljning", "samverkan", "klagomål", "personal", "process", "ledning", "åtgärd", "brukare"]
word = st.sampled_from(WORDS)


def _phrase(min_words: int, max_words: int) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=min_words, max_size=max_words).map(" ".join)


sentence = _phrase(5, 12).map(lambda text: text[0].upper() + text[1:] + ".")
heading_text = _phrase(1, 4).map(lambda text: text[0].upper() + text[1:])
body_node = st.one_of(
    sentence.map(Para),
    st.tuples(_phrase(2, 6), st.integers(0, 1), st.booleans()).map(lambda t: Item(t[0], t[1] if t[2] else 0, t[2])),
    st.tuples(st.integers(2, 4), st.integers(2, 4)).flatmap(
        lambda size: st.lists(st.lists(_phrase(1, 5), min_size=size[1], max_size=size[1]),
                              min_size=size[0], max_size=size[0]).map(TableNode)),
)


@st.composite
def outlines(draw) -> Outline:
    """A section tree with numbers as Word would display them (every level starts at 1)."""
    nodes: list = []
    counters: list[int] = []
    for _ in range(draw(st.integers(1, 8))):
        level = draw(st.integers(1, min(len(counters) + 1, 3)))
        counters = counters[:level]
        if len(counters) < level:
            counters.append(0)
        counters[-1] += 1
        nodes.append(Heading(level, ".".join(map(str, counters)), draw(heading_text)))
        nodes.extend(draw(st.lists(body_node, min_size=1, max_size=4)))
    return Outline(title="Slumpat ledningssystem", nodes=nodes)


def _expected_texts(outline: Outline) -> list[str]:
    texts = []
    for node in outline.nodes:
        if isinstance(node, (Para, Item)):
            texts.append(node.text)
        elif isinstance(node, TableNode):
            texts.extend(cell for row in node.rows for cell in row)
    return texts


def _contains_in_order(found: list[str], expected: list[str]) -> bool:
    """Every expected text starts some later unit, in order (the features shape appends an insertion)."""
    position = 0
    for text in expected:
        while position < len(found) and not found[position].startswith(text):
            position += 1
        if position == len(found):
            return False
        position += 1
    return True


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(outlines())
def test_every_shape_reads_back_the_same_outline_and_text(outline):
    expected_outline = [(n.level, n.number, n.text) for n in outline.nodes if isinstance(n, Heading)]
    expected_texts = _expected_texts(outline)
    with tempfile.TemporaryDirectory() as folder:
        for shape in SHAPES:
            model = read(write_docx(outline, shape, Path(folder) / f"{shape}.docx"))
            assert model.outline() == expected_outline, shape
            texts = [unit.text for unit in model.text_units() if unit.locator.block_index >= 0]
            if shape == "features":
                assert _contains_in_order(texts, expected_texts)
            else:
                assert texts == expected_texts, shape


def _as_text_export(outline: Outline, width: int, blank_between_lines: bool) -> str:
    """The outline as text copied from a PDF: numbered headings, bullets, paragraphs wrapped at `width`
    characters, optionally with a blank line after every wrapped line. Tables are left out."""
    import textwrap

    joiner = "\n\n" if blank_between_lines else "\n"
    lines: list[str] = []
    for node in outline.nodes:
        if isinstance(node, Heading):
            lines.append(f"{node.number} {node.text}")
        elif isinstance(node, Item):
            lines.append(joiner.join(textwrap.wrap(f"• {node.text}", width)))
        elif isinstance(node, Para):
            lines.append(joiner.join(textwrap.wrap(node.text, width)))
    return "\n\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None, derandomize=True)
@given(outlines(), st.integers(20, 70), st.booleans())
def test_a_wrapped_text_export_reads_back_the_same_outline_and_text(outline, width, blank_between_lines):
    expected_outline = [(n.level, n.number, n.text) for n in outline.nodes if isinstance(n, Heading)]
    expected_texts = [node.text for node in outline.nodes if isinstance(node, (Para, Item))]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.txt"
        path.write_text(_as_text_export(outline, width, blank_between_lines), encoding="utf-8")
        model = read(path)
    assert model.outline() == expected_outline
    assert [unit.text for unit in model.text_units()] == expected_texts
