"""Turn a Markdown development document (shared/seeds/d*.md) into the corpus outline, using markdown-it-py.

Unlike the text exports (seed_parser.py) the Markdown keeps its structure, so its spec in corpus/sources/
only names the title and footer. `#` headings carry typed numbers; `- ` bullets may nest; `1. ` items are
numbered list items, never headings; pipe tables have a header row and separate a cell's lines with `<br>`;
a `**Label**` line is a bold paragraph, not a heading. Markdown the seeds do not use is refused, not dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from devtools.docx_factory import Heading, Item, Outline, Para, Span, TableNode

_PARSER = MarkdownIt("commonmark").enable("table")
_TYPED_NUMBER = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\s+(?P<text>\S.*)$")
_LINE_BREAK = re.compile(r"^<br\s*/?>$", re.IGNORECASE)


def parse_markdown_seed(seed_path: Path, spec: dict) -> Outline:
    tree = SyntaxTreeNode(_PARSER.parse(seed_path.read_text(encoding="utf-8")))
    outline = Outline(title=spec["title"], footer=spec.get("footer"))
    for node in tree.children:
        outline.nodes.extend(_block(node))
    return outline


def _block(node: SyntaxTreeNode) -> list[Heading | Para | Item | TableNode]:
    if node.type == "heading":
        return [_heading(node)]
    if node.type == "paragraph":
        return [Para(_inline(node))]
    if node.type in ("bullet_list", "ordered_list"):
        return _items(node, level=0)
    if node.type == "table":
        return [_table(node)]
    raise _unsupported(node)


def _heading(node: SyntaxTreeNode) -> Heading:
    text = "".join(span.text for span in _inline(node))
    typed = _TYPED_NUMBER.match(text)
    level = int(node.tag[1:])
    return Heading(level, typed["number"], typed["text"]) if typed else Heading(level, None, text)


def _items(node: SyntaxTreeNode, level: int) -> list[Item]:
    numbered = node.type == "ordered_list"
    if numbered and node.attrs.get("start", 1) != 1:
        raise _unsupported(node)  # the writer restarts every numbered list at 1
    items: list[Item] = []
    for list_item in node.children:
        for child in list_item.children:
            if child.type == "paragraph":
                items.append(Item(_inline(child), level, numbered))
            elif child.type in ("bullet_list", "ordered_list"):
                items.extend(_items(child, level + 1))
            else:
                raise _unsupported(child)
    return items


def _table(node: SyntaxTreeNode) -> TableNode:
    head, *body = node.children  # markdown-it only recognises a pipe table with its header row
    rows = [[_inline(cell) for cell in row.children] for section in (head, *body) for row in section.children]
    return TableNode(rows=rows, header=True)


def _inline(block: SyntaxTreeNode) -> list[Span]:
    """The block's text as spans, adjacent spans with the same formatting joined."""
    spans: list[Span] = []
    for span in _spans(block.children[0], bold=False, italic=False):
        if spans and (spans[-1].bold, spans[-1].italic) == (span.bold, span.italic):
            spans[-1] = Span(spans[-1].text + span.text, span.bold, span.italic)
        elif span.text:
            spans.append(span)
    return spans


def _spans(node: SyntaxTreeNode, bold: bool, italic: bool) -> Iterator[Span]:
    for child in node.children:
        if child.type == "text":
            yield Span(child.content, bold, italic)
        elif child.type == "softbreak":
            yield Span(" ", bold, italic)  # a wrapped source line, not a new paragraph
        elif child.type == "html_inline" and _LINE_BREAK.match(child.content):
            yield Span("\n", bold, italic)  # a table cell's next line
        elif child.type == "strong":
            yield from _spans(child, True, italic)
        elif child.type == "em":
            yield from _spans(child, bold, True)
        else:
            raise _unsupported(child)


def _unsupported(node: SyntaxTreeNode) -> ValueError:
    line = f" (line {node.map[0] + 1})" if node.map else ""
    return ValueError(f"Markdown {node.type}{line} is not rendered to .docx: extend markdown_seed.py")
