"""Glyphs to lines: words from the gaps between glyphs, lines from the glyphs that share a baseline.

A line here is one piece of a printed line: where a wide gap separates two parts of a line (a column gutter, the
space between two cells of a table without borders), each part is a line of its own and the reading order
(pdf_order) puts them in place. A list marker or a section number stands apart from its text across a tab; it is
joined to the text and kept as the line's marker. Footnote marks (small raised digits) are taken out of the text
and kept with the line, so the footnote can be attached to its paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from sosfs_check.document.pdf_page import Glyph
from sosfs_check.document.pdf_thresholds import LineCues, ListCues, pdf_layout

_ENUMERATOR = re.compile(r"^(?:\(?\d{1,2}[.)]|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])$")
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,5}\.?$")


@dataclass(frozen=True, slots=True)
class Line:
    text: str  # without its marker and footnote marks
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the size most of its letters have
    bold: bool  # every letter is bold
    page: int
    first_word_width: float  # of the text's first word: would it have fitted on the line before?
    first_char_width: float  # of the text's first glyph: did a word too long for a table cell break before it?
    text_x0: float  # where the text after the marker starts
    marker: str | None = None  # a bullet or an enumerator standing apart from the text
    bullet: bool = False  # the marker is a bullet character, not an enumerator
    typed_bullet: bool = False  # the text starts with a bullet and a plain space: a paragraph starts here
    marks: tuple[str, ...] = ()  # footnote marks taken out of the text

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def full_text(self) -> str:
        """The text as printed, marker included."""
        return f"{self.marker} {self.text}" if self.marker else self.text


def build_lines(glyphs: list[Glyph], page: int) -> list[Line]:
    """The lines of a page or a table cell, in the order their glyphs come in the file."""
    cues = pdf_layout()
    fragments = _fragments(glyphs, cues.lines)
    rows = _rows(fragments)
    lines: list[Line] = []
    for row in rows:
        for run in _merge_row(row, cues.lines, cues.lists):
            line = _line(run, page, cues.lines, cues.lists)
            if line is not None:
                lines.append(line)
    return lines


def _fragments(glyphs: list[Glyph], cues: LineCues) -> list[list[Glyph]]:
    """Runs of glyphs in file order that go on along one baseline without a wide gap."""
    fragments: list[list[Glyph]] = []
    current: list[Glyph] = []
    for glyph in glyphs:
        if current:
            first, last = current[0], current[-1]
            size = max(glyph.size, last.size, 1.0)
            same_line = first.top - cues.same_line_em * size <= glyph.middle <= first.bottom + cues.same_line_em * size
            # A ligature's second letter shares the first one's box: only a step back past a glyph's start
            # leaves the line.
            forward = glyph.x0 >= last.x0 - 0.5 * size
            limit = cues.spaced_gap_em if glyph.space_before else cues.fragment_gap_em
            if same_line and forward and glyph.x0 - last.x1 <= limit * size:
                current.append(glyph)
                continue
            fragments.append(current)
        current = [glyph]
    if current:
        fragments.append(current)
    return fragments


def _rows(fragments: list[list[Glyph]]) -> list[list[list[Glyph]]]:
    """Fragments grouped by the line they stand on, each row ordered left to right."""
    ordered = sorted(fragments, key=lambda f: (f[0].top + f[0].bottom) / 2)
    rows: list[list[list[Glyph]]] = []
    for fragment in ordered:
        middle = (fragment[0].top + fragment[0].bottom) / 2
        if rows:
            anchor = rows[-1][0][0]
            if anchor.top <= middle <= anchor.bottom:
                rows[-1].append(fragment)
                continue
        rows.append([fragment])
    return [sorted(row, key=lambda f: f[0].x0) for row in rows]


def _merge_row(row: list[list[Glyph]], cues: LineCues, lists: ListCues) -> list[list[Glyph]]:
    """Join neighbours a narrow gap apart (a line the file wrote in pieces), and a marker to its text."""
    merged: list[list[Glyph]] = []
    for fragment in row:
        if merged:
            previous = merged[-1]
            size = max(previous[-1].size, fragment[0].size, 1.0)
            gap = fragment[0].x0 - previous[-1].x1
            marker = _word(previous) in lists.bullet_markers or bool(
                _ENUMERATOR.match(_word(previous)) or _SECTION_NUMBER.match(_word(previous)))
            if -0.5 * size <= gap <= cues.fragment_gap_em * size or (marker and gap <= cues.marker_gap_em * size):
                merged[-1] = [*previous, _spaced(fragment[0]), *fragment[1:]]
                continue
        merged.append(fragment)
    return merged


def _word(glyphs: list[Glyph]) -> str:
    """The text of a fragment that is a single word, or '' when it has a space."""
    if any(glyph.space_before for glyph in glyphs[1:]):
        return ""
    return "".join(glyph.char for glyph in glyphs)


def _spaced(glyph: Glyph) -> Glyph:
    if glyph.space_before:
        return glyph
    return Glyph(glyph.char, glyph.x0, glyph.x1, glyph.top, glyph.bottom, glyph.size, glyph.bold, True)


def _line(glyphs: list[Glyph], page: int, cues: LineCues, lists: ListCues) -> Line | None:
    letters = [g for g in glyphs if g.char.isalnum()] or glyphs
    size = Counter(round(g.size * 2) / 2 for g in letters).most_common(1)[0][0]
    baseline = sorted(g.bottom for g in glyphs if g.size >= size * cues.superscript_size_ratio)
    line_bottom = baseline[len(baseline) // 2] if baseline else glyphs[0].bottom
    space_gap = pdf_layout().glyphs.space_gap_em
    words: list[list[Glyph]] = []
    marks: list[str] = []
    raised: list[Glyph] = []
    for glyph in glyphs:
        if (glyph.size < size * cues.superscript_size_ratio
                and glyph.bottom < line_bottom - cues.superscript_rise_em * size):
            raised.append(glyph)
            continue
        if raised:
            _close_raised(raised, words, marks)
            raised = []
        gap = glyph.x0 - words[-1][-1].x1 if words else 0.0
        if not words or glyph.space_before or gap > space_gap * glyph.size:
            words.append([glyph])
        else:
            words[-1].append(glyph)
    if raised:
        _close_raised(raised, words, marks)
    if not words:
        return None
    marker, bullet = None, False
    first = "".join(g.char for g in words[0])
    apart = len(words) > 1 and words[1][0].x0 - words[0][-1].x1 >= lists.min_marker_gap_em * size
    if apart and first in lists.bullet_markers:
        marker, bullet = first, True
    elif apart and _ENUMERATOR.match(first):
        marker = first
    # A bullet typed with a plain space is text (the .docx has it so), but it starts a paragraph all the same.
    typed = not apart and len(words) > 1 and first in lists.bullet_markers and not first.isalnum()
    body = words[1:] if marker else words
    text = " ".join("".join(g.char for g in word) for word in body)
    return Line(
        text=text, x0=glyphs[0].x0, x1=max(g.x1 for g in glyphs), top=min(g.top for g in glyphs),
        bottom=max(g.bottom for g in glyphs), size=size, bold=all(g.bold for g in letters), page=page,
        first_word_width=body[0][-1].x1 - body[0][0].x0, first_char_width=body[0][0].x1 - body[0][0].x0,
        text_x0=body[0][0].x0, marker=marker, bullet=bullet, typed_bullet=typed,
        marks=tuple(marks),
    )


def _close_raised(raised: list[Glyph], words: list[list[Glyph]], marks: list[str]) -> None:
    """Raised small digits after a word are a footnote mark; before every word they number a footnote itself,
    and other raised text (an ordinal's letters) stays in the text."""
    text = "".join(g.char for g in raised)
    if text.isdigit() and words:
        marks.append(text)
    elif words and not raised[0].space_before:
        words[-1].extend(raised)
    else:
        words.append(list(raised))
