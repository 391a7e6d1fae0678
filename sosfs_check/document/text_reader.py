"""Read plain text and Markdown: decode safely, rebuild paragraphs, lists and numbered headings."""

from __future__ import annotations

import codecs
import re

from sosfs_check.document.headings import HeadingHeuristics, detect_headings, heuristics, split_typed_number
from sosfs_check.document.raw import RawParagraph

_BULLET = re.compile(r"^\s*(?P<marker>[●•▪◦○■□➢►\-\*–\uf0b7\uf0a7]|\d{1,2}\)|[a-z]\))\s+(?P<text>\S.*)$")
_SENTENCE_END = (".", "!", "?")  # what finishes a sentence; a heading line may end without any
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")


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


def text_blocks(text: str, markdown: bool) -> list[RawParagraph]:
    """Paragraphs, list items and headings of a text export (see _Paragrapher)."""
    # Lines keep their indentation: a list whose bullets were lost in the export still shows its items indented.
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    paragrapher = _Paragrapher(markdown)
    for line, upcoming in zip(lines, _next_nonblank(lines), strict=True):
        paragrapher.line(line, upcoming)
    paragrapher.flush()
    detect_headings(paragrapher.blocks, formatting_known=False)  # type: ignore[arg-type]
    return paragrapher.blocks


class _Paragrapher:
    """Rebuild paragraphs from the lines of text copied from Word or a PDF.

    * Lines are wrapped: a paragraph's lines follow each other, sometimes with a blank line between every two.
      A line that starts in lower case after a line left open (no closing punctuation) continues the
      paragraph, blank line or not.
    * A typed section number that continues the numbering ("4" after "3.2") starts a heading even after an
      open line; a top-level number that goes back ("1." in chapter 6) is a numbered list item.
    * A list item that goes on in lower case is wrapped; a line in upper case after it, or after a finished
      sentence, starts a paragraph.
    * A short line standing alone, after a closed sentence and before one that starts a sentence or a list,
      is an unnumbered heading ("Riskanalys") — unless a lead-in ("… i fyra områden:") or another short
      line comes before it, or one follows: then it is an item of a list that lost its bullets.
    * After a lead-in ending in a colon ("Förvaltningschefen ansvarar för att:"), an indented line starts a
      new item of a list that lost its bullets; an unindented one continues the item.
    """

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.h = heuristics()
        self.blocks: list[RawParagraph] = []
        self.current: list[str] = []
        self.item: RawParagraph | None = None
        self.last_number: tuple[int, ...] = ()  # of the last typed section number taken as a heading
        self.after_lead_in = False  # in the items that follow "… ansvarar för att:"

    def flush(self) -> None:
        if self.item is not None:
            self.item.text = " ".join(self.item.text.split())
            self.blocks.append(self.item)
            self.item = None
        if self.current:
            self.blocks.append(RawParagraph(text=" ".join(" ".join(self.current).split())))
            self.current.clear()

    def line(self, raw: str, upcoming_raw: str | None) -> None:
        line, upcoming = raw.strip(), upcoming_raw.strip() if upcoming_raw is not None else None
        if not line:
            new_item = self.after_lead_in and upcoming_raw is not None and upcoming_raw[:1].isspace()
            if self._open_text() and not new_item and _continues(self._open_text(), upcoming,
                                                                self.h.terminal_punctuation):
                return  # a wrapped line, exported with a blank line after it
            self.flush()
            return
        before = self._open_text() or (self.blocks[-1].text if self.blocks and self.item is None else "")
        if before.endswith(":") and self.item is None:
            self.after_lead_in = True
        elif line[0].isupper() and not raw[:1].isspace():
            self.after_lead_in = False
        if self.after_lead_in and raw[:1].isspace() and line[0].islower():
            self.flush()
            self.item = RawParagraph(text=line, list_level=0)  # an item whose bullet the export lost
            return
        heading = _MD_HEADING.match(line) if self.markdown else None
        if heading:
            self.flush()
            typed = split_typed_number(heading.group("text"))
            number, title = typed if typed else (None, heading.group("text"))
            self.blocks.append(RawParagraph(text=title, heading_level=len(heading.group("hashes")),
                                            heading_signal="style", number=number,
                                            number_source="text" if number else None))
            return
        bullet = _BULLET.match(line)
        if bullet:
            self.flush()
            self.item = RawParagraph(text=bullet.group("text"), list_level=0, marker=bullet.group("marker"))
            return
        if self._typed(line) or self._short_heading(line, upcoming):
            return
        if line[0].isupper() and (self.item is not None or self._open_text().endswith(_SENTENCE_END)):
            # A wrapped item goes on in lower case; a capital after it, or after a finished sentence, starts
            # the next paragraph (Word's "save as text" writes one paragraph per line, without blank lines).
            self.flush()
        if self.item is not None:
            self.item.text += " " + line
        else:
            self.current.append(line)

    def _open_text(self) -> str:
        return self.item.text if self.item is not None else " ".join(self.current)

    def _closed(self, line: str) -> bool:
        # A list item rarely ends with punctuation: after one, a line in upper case may start something new.
        return (not self._open_text() or _closes(self._open_text(), self.h.terminal_punctuation)
                or (self.item is not None and line[0].isupper()))

    def _typed(self, line: str) -> bool:
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
            self.item = RawParagraph(text=typed[1], list_level=0, marker=f"{typed[0]}.")
        else:
            self.blocks.append(RawParagraph(text=line))
            self.last_number = number
        return True

    def _short_heading(self, line: str, upcoming: str | None) -> bool:
        if self.markdown or not self._closed(line) or not _heading_like(line, self.h):
            return False
        before = self.blocks[-1] if self.blocks and not self._open_text() else None
        lead_in = before is not None and before.heading_signal == "none" and before.list_level is None and (
            before.text.endswith((":", ";")) or _heading_like(before.text, self.h))
        if lead_in or upcoming is None or _heading_like(upcoming, self.h) or not (
                upcoming[0].isupper() or _BULLET.match(upcoming)):
            return False
        self.flush()
        self.blocks.append(RawParagraph(text=line, heading_signal="short_line"))
        return True


def _heading_like(line: str, h: HeadingHeuristics) -> bool:
    """The shape of an unnumbered heading: a capital, a few words, no colon and no closing punctuation."""
    return (bool(line) and line[0].isupper() and len(line.split()) <= h.plain_text_heading_max_words
            and ":" not in line and line[-1] not in h.terminal_punctuation)


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
