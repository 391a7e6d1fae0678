"""Read plain text and Markdown: decode safely, take out a table of contents, rebuild paragraphs, lists and
numbered headings (plain text) or parse the Markdown (markdown_reader)."""

from __future__ import annotations

import codecs

from sosfs_check.document.headings import HeadingHeuristics, detect_headings, heuristics, split_typed_number
from sosfs_check.document.line_joining import join_wrapped
from sosfs_check.document.markdown_reader import read_markdown
from sosfs_check.document.raw import RawParagraph, TextRead
from sosfs_check.document.text_cues import text_cues
from sosfs_check.document.text_toc import find_table_of_contents
from sosfs_check.document.typed_bullets import match_bullet

_SENTENCE_END = (".", "!", "?")  # what finishes a sentence; a heading line may end without any


def decode(data: bytes) -> tuple[str, list[str]]:
    """Text and warnings. UTF-8 (BOM or not) and UTF-16 with BOM; otherwise cp1252, announced."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), [
            "Filen är inte UTF-8; den lästes som Windows-1252 (latin-1). Kontrollera å, ä och ö i citaten."
        ]


def read_text(text: str, markdown: bool) -> TextRead:
    """Blocks, notes and counts of a text export or a Markdown file."""
    # Lines keep their indentation: a list whose bullets were lost in the export still shows its items indented.
    # Markdown keeps trailing spaces too: two of them are a line break.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not markdown:
        lines = [line.rstrip() for line in lines]
    toc = find_table_of_contents(lines, markdown)
    if toc is not None:
        # Blank, not removed: line numbers stay those of the file, and the text around the table stays apart.
        lines[toc.start:toc.end] = [""] * (toc.end - toc.start)
    read = read_markdown(lines) if markdown else _read_plain(lines)
    if toc is not None:
        read.note(toc.start, "excluded", "toc", toc.detail())
        read.counts["toc_paragraphs"] += len(toc.titles)
    return read


def _read_plain(lines: list[str]) -> TextRead:
    paragrapher = _Paragrapher()
    for index, (line, upcoming) in enumerate(zip(lines, _next_nonblank(lines), strict=True)):
        paragrapher.line(index, line, upcoming)
    paragrapher.flush()
    detect_headings(paragrapher.read.blocks, formatting_known=False)
    return paragrapher.read


class _Paragrapher:
    """Rebuild paragraphs from the lines of text copied from Word or a PDF.

    * Lines are wrapped: a paragraph's lines follow each other, sometimes with a blank line between every two.
      A line that starts in lower case after a line left open (no closing punctuation) continues the
      paragraph, blank line or not. Words broken with a hyphen at a line end are joined (line_joining).
    * A typed section number that continues the numbering ("4" after "3.2") starts a heading even after an
      open line; a top-level number that goes back ("1." in chapter 6) is a numbered list item.
    * A list item that goes on in lower case is wrapped, and so is one whose next line is indented to where
      the item's text starts (a hanging indent); a line in upper case after it, or after a finished sentence,
      starts a paragraph.
    * A short line standing alone, after a closed sentence and before one that starts a sentence or a list,
      is an unnumbered heading ("Riskanalys") — unless a lead-in ("… i fyra områden:") or another short
      line comes before it, or one follows: then it is an item of a list that lost its bullets.
    * After a lead-in ending in a colon ("Förvaltningschefen ansvarar för att:"), an indented line starts a
      new item of a list that lost its bullets; an unindented one continues the item.
    """

    def __init__(self) -> None:
        self.h = heuristics()
        self.slack = text_cues().lists.continuation_indent_slack
        self.read = TextRead()
        self.lines: list[str] = []  # of the open paragraph or list item
        self.start = 0  # source line where the open block starts
        self.item: RawParagraph | None = None  # the open list item, its text still in `lines`
        self.item_column = 0  # where the open item's text starts, for lines that continue it
        self.last_number: tuple[int, ...] = ()  # of the last typed section number taken as a heading
        self.after_lead_in = False  # in the items that follow "… ansvarar för att:"

    def flush(self) -> None:
        if self.lines:
            block = self.item or RawParagraph(text="")
            block.text = " ".join(join_wrapped(self.lines).split())
            self.read.add(block, self.start)
        self.lines = []
        self.item = None

    def line(self, index: int, raw: str, upcoming_raw: str | None) -> None:
        line, upcoming = raw.strip(), upcoming_raw.strip() if upcoming_raw is not None else None
        if not line:
            new_item = (self.after_lead_in and upcoming_raw is not None and upcoming_raw[:1].isspace()
                        and not self._marked_item())
            open_text = self._open_text()
            if open_text and not new_item and (_continues(open_text, upcoming, self.h.terminal_punctuation)
                                               or self._continues_item(upcoming_raw)):
                return  # a wrapped line, exported with a blank line after it
            self.flush()
            return
        blocks = self.read.blocks
        before = self._open_text() or (blocks[-1].text if blocks and self.item is None else "")
        if before.endswith(":") and self.item is None:
            self.after_lead_in = True
        elif line[0].isupper() and not raw[:1].isspace():
            self.after_lead_in = False
        if self.after_lead_in and raw[:1].isspace() and line[0].islower() and not self._marked_item():
            self.flush()
            self.item = RawParagraph(text="", list_level=0)  # an item whose bullet the export lost
            self._append(line, index)
            return
        bullet = match_bullet(raw)
        if bullet:
            self.flush()
            self.item = RawParagraph(text="", list_level=0, marker=bullet.group("marker"))
            self.item_column = bullet.start("text")
            self._append(bullet.group("text"), index)
            return
        if self._continues_item(raw):
            self._append(line, index)
            return
        if self._typed(raw, index) or self._short_heading(line, upcoming, index):
            return
        if line[0].isupper() and (self.item is not None or self._open_text().endswith(_SENTENCE_END)):
            # A wrapped item goes on in lower case; a capital after it, or after a finished sentence, starts
            # the next paragraph (Word's "save as text" writes one paragraph per line, without blank lines).
            self.flush()
        self._append(line, index)

    def _append(self, line: str, index: int) -> None:
        if not self.lines:
            self.start = index
        self.lines.append(line)

    def _open_text(self) -> str:
        return " ".join(self.lines)

    def _marked_item(self) -> bool:
        return self.item is not None and self.item.marker is not None

    def _continues_item(self, raw: str | None) -> bool:
        """A line without a marker, indented to the open bullet's text: the bullet's text wrapped."""
        if raw is None or not self._marked_item() or match_bullet(raw):
            return False
        return _indent(raw) >= self.item_column - self.slack

    def _closed(self, line: str) -> bool:
        # A list item rarely ends with punctuation: after one, a line in upper case may start something new.
        return (not self._open_text() or _closes(self._open_text(), self.h.terminal_punctuation)
                or (self.item is not None and line[0].isupper()))

    def _typed(self, raw: str, index: int) -> bool:
        line = raw.strip()
        typed = split_typed_number(line)
        if typed is None:
            return False
        number = tuple(int(part) for part in typed[0].split("."))
        follows = _follows(number, self.last_number)
        goes_back = not follows and len(number) == 1 and bool(self.last_number) and number[0] <= self.last_number[0]
        if not (follows or goes_back or self._closed(line)):
            return False
        self.flush()
        if goes_back:
            self.item = RawParagraph(text="", list_level=0, marker=f"{typed[0]}.")
            self.item_column = _indent(raw) + len(line) - len(typed[1])
            self._append(typed[1], index)
        else:
            self.read.add(RawParagraph(text=line), index)
            self.last_number = number
        return True

    def _short_heading(self, line: str, upcoming: str | None, index: int) -> bool:
        if not self._closed(line) or not _heading_like(line, self.h):
            return False
        blocks = self.read.blocks
        # A table before a short line introduces nothing; only a paragraph can be a lead-in.
        before = blocks[-1] if blocks and not self._open_text() and isinstance(blocks[-1], RawParagraph) else None
        lead_in = before is not None and before.heading_signal == "none" and before.list_level is None and (
            before.text.endswith((":", ";")) or _heading_like(before.text, self.h))
        if lead_in or upcoming is None or _heading_like(upcoming, self.h) or not (
                upcoming[0].isupper() or match_bullet(upcoming)):
            return False
        self.flush()
        self.read.add(RawParagraph(text=line, heading_signal="short_line"), index)
        return True


def _heading_like(line: str, h: HeadingHeuristics) -> bool:
    """The shape of an unnumbered heading: a capital, a few words, no colon and no closing punctuation."""
    return (bool(line) and line[0].isupper() and len(line.split()) <= h.plain_text_heading_max_words
            and ":" not in line and line[-1] not in h.terminal_punctuation)


def _indent(raw: str) -> int:
    expanded = raw.expandtabs()
    return len(expanded) - len(expanded.lstrip())


def _next_nonblank(lines: list[str]) -> list[str | None]:
    """For every line, the next non-blank line after it."""
    found: list[str | None] = [None] * len(lines)
    upcoming: str | None = None
    for index in range(len(lines) - 1, -1, -1):
        found[index] = upcoming
        if lines[index]:
            upcoming = lines[index]
    return found


def _follows(number: tuple[int, ...], last: tuple[int, ...]) -> bool:
    """Whether a section number continues the numbering: the first, a first subsection (3.2 → 3.2.1), or the
    next at this or a higher level (3.2 → 3.3, 3.2 → 4)."""
    if not last:
        return number in ((1,), (1, 1))
    if number == (*last, 1):
        return True
    return any(number == (*last[:depth], last[depth] + 1) for depth in range(len(last)))


def _closes(text: str, terminal: str) -> bool:
    return bool(text) and text.rstrip()[-1] in (*terminal, *_SENTENCE_END, ":")


def _continues(text: str, upcoming: str | None, terminal: str) -> bool:
    return upcoming is not None and upcoming[0].islower() and not _closes(text, terminal)
