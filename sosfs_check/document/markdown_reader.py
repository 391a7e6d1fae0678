"""Read Markdown with markdown-it-py into the raw blocks a .docx gives.

`#` headings are headings (their typed numbers are split off as for Word headings: "## 4.2 Riskanalys"),
paragraphs whose text is all bold are bold paragraphs (a bold line in Word), bullet and numbered lists give
list items with their nesting level and marker, pipe tables give tables with a header row (`<br>` separates a
cell's paragraphs), and an image gives its alternative text. Emphasis and links are reduced to their text.
Markup Markdown does not know stays text, as it is rendered: a typed "•" in a cell is the cell's text.

Nothing is dropped in silence: HTML comments are reported as left out; other HTML is read for its text and
reported, and so are images without alternative text and lines the parser could not place (nesting deeper
than it follows).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sosfs_check.document.headings import mark_headings
from sosfs_check.document.line_joining import join_wrapped
from sosfs_check.document.raw import RawCell, RawParagraph, RawTable, TextRead
from sosfs_check.document.text_cues import text_cues

_BREAK = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_PIPE = re.compile(r"(?<!\\)\|")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")
# Blocks whose source lines markdown-it reports, to find lines it could not place.
_LEAVES = {"inline", "code_block", "fence", "html_block", "hr", "table_open"}
_TABLE_TOKENS = {"table_open", "thead_open", "thead_close", "tr_open", "tr_close", "table_close"}


@cache
def _parser() -> MarkdownIt:
    # CommonMark with GitHub's pipe tables and strikethrough. The nesting limit stays the preset's: deeper
    # input is not followed (and reported), so a hostile file cannot exhaust the recursion.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def read_markdown(lines: list[str]) -> TextRead:
    """Blocks, notes and counts of a Markdown file given as lines."""
    walker = _Walker(lines)
    walker.walk(_parser().parse("\n".join(lines)))
    mark_headings(walker.read.blocks)
    return walker.read


@dataclass
class _Line:
    """One line of inline text: after a soft break (the source wrapped) or a hard break (`<br>`)."""

    text: str = ""
    hard: bool = False


@dataclass
class _Inline:
    lines: list[_Line] = field(default_factory=lambda: [_Line()])
    bold_chars: int = 0
    plain_chars: int = 0
    alt_texts: list[str] = field(default_factory=list)

    @property
    def bold(self) -> bool:
        return self.bold_chars > 0 and self.plain_chars == 0


@dataclass
class _Item:
    marker: str
    level: int
    used: bool = False  # its first paragraph, the item's text, has been read


@dataclass
class _Table:
    line: int
    cells: list[RawCell] = field(default_factory=list)
    rows: int = 0
    header_rows: int = 0
    columns: int = 0
    column: int = 0  # of the next cell in the open row
    row_line: int = 0


class _Walker:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.read = TextRead()
        self.items: list[_Item] = []  # open list items, innermost last
        self.lists = 0  # open lists, for the nesting level
        self.table: _Table | None = None
        self.in_head = False
        self.placed: set[int] = set()  # source lines markdown-it reported for a block
        self.bullets = text_cues().lists.markdown_bullets

    def walk(self, tokens: list[Token]) -> None:
        context: Token | None = None  # the token that opened the block an inline token belongs to
        for token in tokens:
            kind = token.type
            if token.map and kind in _LEAVES:
                self.placed.update(range(*token.map))
            if kind == "inline":
                self._inline_block(context, token)
            elif kind in ("heading_open", "paragraph_open", "th_open", "td_open"):
                context = token
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.lists += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists -= 1
            elif kind == "list_item_open":
                level = self.lists - 1
                marker = f"{token.info}{token.markup}" if token.info else self.bullets[level % len(self.bullets)]
                self.items.append(_Item(marker=marker, level=level))
            elif kind == "list_item_close":
                self.items.pop()
            elif kind in ("code_block", "fence"):
                self._code(token)
            elif kind == "html_block":
                self._html_block(token)
            elif kind in _TABLE_TOKENS:
                self._table_token(token)
            # Closing tokens, block quotes, table bodies and thematic breaks hold no text of their own.
        self._report_unplaced()

    # ---- paragraphs and headings -------------------------------------------------------------
    def _inline_block(self, context: Token | None, token: Token) -> None:
        line = token.map[0] if token.map else 0
        inline = self._inline(token, line)
        if context is not None and context.type in ("th_open", "td_open"):
            assert self.table is not None  # markdown-it opens cells only inside a table
            self._cell(self.table, inline)
            return
        if context is not None and context.type == "heading_open":
            text = " ".join(_text(inline.lines).split())
            if text:
                self.read.add(RawParagraph(text=text, heading_level=int(context.tag[1:]), heading_signal="style"),
                              line)
        else:
            # A list item's first paragraph is the item; later ones in it are paragraphs, as Word shows them.
            item = self.items[-1] if self.items and not self.items[-1].used else None
            if item is not None:
                item.used = True
            text = _text(inline.lines)
            if text:
                self.read.add(RawParagraph(text=text, list_level=item.level if item else None,
                                           marker=item.marker if item else None, bold=inline.bold), line)
        for block in _alt_paragraphs(inline):
            self.read.add(block, line)

    def _inline(self, token: Token, line: int) -> _Inline:
        inline = _Inline()
        bold = 0
        for child in token.children or []:
            kind = child.type
            if kind in ("text", "code_inline"):
                inline.lines[-1].text += child.content
                if child.content.strip():
                    if bold:
                        inline.bold_chars += len(child.content)
                    else:
                        inline.plain_chars += len(child.content)
            elif kind in ("softbreak", "hardbreak"):
                inline.lines.append(_Line(hard=kind == "hardbreak"))
            elif kind in ("strong_open", "strong_close"):
                bold += 1 if kind == "strong_open" else -1
            elif kind == "image":
                self._image(child, inline, line)
            elif kind == "html_inline":
                self._html_inline(child.content, inline, line)
            # Emphasis, strikethrough and links only wrap text that the loop reads.
        return inline

    def _image(self, image: Token, inline: _Inline, line: int) -> None:
        self.read.counts["images"] += 1
        alt = " ".join(image.content.split())
        if alt:
            inline.alt_texts.append(alt)
        else:
            source = image.attrs.get("src", "")
            self.read.note(line, "unreadable", "image",
                           f"bild utan alternativtext ({source}); eventuell text i bilden kan inte läsas")

    def _html_inline(self, markup: str, inline: _Inline, line: int) -> None:
        if _BREAK.match(markup):
            inline.lines.append(_Line(hard=True))
        elif _COMMENT.fullmatch(markup):
            self._comments(markup, line)
        elif not markup.startswith("</"):
            self.read.note(line, "unreadable", "html", f"HTML-kod som inte tolkades (texten lästes): {markup}")

    def _html_block(self, token: Token) -> None:
        line = token.map[0] if token.map else 0
        rest = self._comments(token.content, line)
        text = html.unescape(_TAG.sub(" ", rest))
        if _TAG.search(rest):
            self.read.note(line, "unreadable", "html",
                           f"HTML-kod som inte tolkades (texten lästes): {' '.join(rest.split())}")
        if text.strip():
            self.read.add(RawParagraph(text=" ".join(join_wrapped(text.split("\n")).split())), line)

    def _comments(self, markup: str, line: int) -> str:
        """Report the HTML comments in `markup` as left out; the markup without them."""
        for comment in _COMMENT.findall(markup):
            self.read.counts["comments"] += 1
            self.read.note(line, "excluded", "comment", f"HTML-kommentar: {' '.join(comment.split())}")
        return _COMMENT.sub("", markup)

    def _code(self, token: Token) -> None:
        text = "\n".join(line.strip() for line in token.content.strip("\n").split("\n") if line.strip())
        if text:
            self.read.add(RawParagraph(text=text), token.map[0] if token.map else 0)

    # ---- tables ------------------------------------------------------------------------------
    def _table_token(self, token: Token) -> None:
        kind = token.type
        if kind == "table_open":
            self.table = _Table(line=token.map[0] if token.map else 0)
            return
        table = self.table
        assert table is not None  # the other table tokens stand between table_open and table_close
        if kind in ("thead_open", "thead_close"):
            self.in_head = kind == "thead_open"
        elif kind == "tr_open":
            table.column, table.row_line = 0, token.map[0] if token.map else 0
        elif kind == "tr_close":
            self._excess_cells(table)
            table.rows += 1
            table.header_rows += int(self.in_head)
        else:
            self.read.add(RawTable(cells=table.cells, n_rows=table.rows, n_columns=table.columns,
                                   header_rows=table.header_rows), table.line)
            self.table = None

    def _cell(self, table: _Table, inline: _Inline) -> None:
        cell = RawCell(row=table.rows, column=table.column)
        # In a cell, `<br>` separates paragraphs: the only way a pipe table cell holds more than one.
        cell.blocks.extend(RawParagraph(text=text) for text in map(_joined, _between_hard_breaks(inline.lines))
                           if text)
        cell.blocks.extend(_alt_paragraphs(inline))
        table.cells.append(cell)
        table.column += 1
        table.columns = max(table.columns, table.column)

    def _excess_cells(self, table: _Table) -> None:
        """GitHub's tables drop the cells of a row beyond the header's columns: read them from the source."""
        source = self.lines[table.row_line].strip().lstrip(">").strip()
        source = source.removeprefix("|")
        source = source[:-1] if source.endswith("|") and not source.endswith("\\|") else source
        for text in _PIPE.split(source)[table.column:]:
            children = _parser().parseInline(text.strip())
            self._cell(table, self._inline(children[0], table.row_line))

    def _report_unplaced(self) -> None:
        for index, line in enumerate(self.lines):
            # A line of markup alone (">", "-", "1.") holds no words to lose; a link definition is not shown.
            readable = any(c.isalpha() for c in line) and not _REFERENCE_DEFINITION.match(line)
            if readable and index not in self.placed:
                self.read.note(index, "unreadable", "markdown",
                               f"rad som inte kunde tolkas (för djup nästling): {line.strip()}")


def _alt_paragraphs(inline: _Inline) -> list[RawParagraph]:
    """Images' alternative text after the paragraph or in the cell they stand in, as the .docx reader does."""
    return [RawParagraph(text=alt, origin="image_alt_text") for alt in inline.alt_texts]


def _text(lines: list[_Line]) -> str:
    """Soft-broken lines joined as wrapped text; a hard break kept as a line break, as Word's w:br."""
    return "\n".join(text for text in map(_joined, _between_hard_breaks(lines)) if text)


def _between_hard_breaks(lines: list[_Line]) -> list[list[str]]:
    groups: list[list[str]] = []
    for line in lines:
        if line.hard or not groups:
            groups.append([])
        groups[-1].append(line.text)
    return groups


def _joined(wrapped: list[str]) -> str:
    return " ".join(join_wrapped(wrapped).split())
