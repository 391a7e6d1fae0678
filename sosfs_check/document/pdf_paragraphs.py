"""Paragraphs and list items rebuilt from the lines of a PDF, in reading order.

Two lines in a row belong to one paragraph unless something shows a new one starts:

* a list marker (a bullet, or an enumerator on a line in body text style), a different size or weight (a heading
  after body text), more space above the line than the usual line pitch, or a first line indented more than the
  line before; a line that falls back left of a list item's text ends the item;
* otherwise a line that goes on in lower case, or after a word broken with a hyphen, continues;
* where both lines stand in one column on one page, the first word of the next line is measured: if it would have
  fitted at the end of the line before, that line was ended on purpose, and the paragraph ends there;
* across a page or column break the text tells: a line that ends without closing punctuation continues.

Wrapped words are joined again and real hyphens kept by line_joining.join_wrapped, the same as for text exports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from sosfs_check.document.line_joining import join_wrapped
from sosfs_check.document.pdf_lines import Line
from sosfs_check.document.pdf_thresholds import ParagraphCues, pdf_layout
from sosfs_check.document.raw import RawParagraph

# Measuring the line pitch: lines that start within this many points of each other stand in one column, a step
# of more than this many em between baselines is a gap, not a pitch, and without a measure the pitch is single
# line spacing.
_SAME_COLUMN = 50.0
_MAX_PITCH_EM = 2.5
_SINGLE_SPACING_EM = 1.2
_SENTENCE_END = (".", "!", "?")
_PUNCTUATION = ".,;:!?()[]\"'”»«"
_CLOSING = (*_SENTENCE_END, ":", ";")
_HYPHENS = ("-", "\u2010")


@dataclass(frozen=True)
class Metrics:
    """What body text looks like in this document: its size and the usual distance between baselines."""

    body_size: float
    pitches: dict[float, float]
    words: frozenset[str] = frozenset()  # words seen whole somewhere (_collect_words)

    def pitch(self, size: float) -> float:
        return self.pitches.get(size, size * _SINGLE_SPACING_EM)

    def body_style(self, line: Line) -> bool:
        return not line.bold and abs(line.size - self.body_size) <= pdf_layout().paragraphs.style_size_tolerance


def measure(pages: list[list[Line]], cells: list[Line]) -> Metrics:
    """Body size: the size most characters have. Pitch per size: the most common distance between the baselines
    of two lines of that size, one right below the other. Words: those the document has whole somewhere, in the
    body or in a table."""
    sizes: Counter[float] = Counter()
    steps: dict[float, Counter[float]] = {}
    words: set[str] = set()
    for lines in [*pages, cells]:
        _collect_words(lines, words)
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
        ordered = sorted(lines, key=lambda line: (line.x0 // _SAME_COLUMN, line.top))
        for above, below in pairwise(ordered):
            step = below.bottom - above.bottom
            if (above.size == below.size and 0 < step < _MAX_PITCH_EM * above.size
                    and abs(above.x0 - below.x0) < _SAME_COLUMN):
                steps.setdefault(above.size, Counter())[round(step * 2) / 2] += 1
    body = sizes.most_common(1)[0][0] if sizes else 0.0  # no text: nothing is body style
    return Metrics(body_size=body, pitches={size: c.most_common(1)[0][0] for size, c in steps.items()},
                   words=frozenset(words))


def _collect_words(lines: list[Line], words: set[str]) -> None:
    """The words of lines that hold more than one, but not one that ends in a hyphen, nor the first after a
    line of one word: those may be pieces of a word broken at the line's end."""
    after_single = False
    for line in lines:
        parts = line.text.split()
        if len(parts) > 1:
            whole = parts[1:] if after_single else parts
            words.update(word_key(word) for word in whole if not word.endswith(_HYPHENS))
        after_single = len(parts) == 1


def word_key(word: str) -> str:
    """A word as the document vocabulary holds it: without the punctuation around it, case folded."""
    return word.strip(_PUNCTUATION).casefold()


@dataclass
class Built:
    paragraph: RawParagraph
    first: int  # index of its first line in the input
    lines: list[Line]


def build_paragraphs(placed: list[tuple[Line, float]], metrics: Metrics,
                     footnotes: dict[tuple[int, str], str] | None = None,
                     cell: tuple[float, float] | None = None) -> list[Built]:
    """Paragraphs from lines in reading order, each line with the right edge of its column; `cell`: the left and
    right border of the table cell the lines stand in."""
    cues = pdf_layout().paragraphs
    built: list[Built] = []
    open_lines: list[Line] = []
    glued: list[bool] = []  # per open line: it goes on without a space
    open_edge = 0.0
    start = 0
    for index, (line, edge) in enumerate(placed):
        if open_lines and _continues(open_lines, open_edge, line, metrics, cues, cell is not None):
            last = open_lines[-1]
            # In a cell the text keeps as far from the right border as from the left one.
            limit = cell[1] - (last.x0 - cell[0]) if cell is not None else open_edge
            glued[-1] = _compound_hyphen(last, line, metrics) or _broken_word(last, line, limit, metrics, cues)
            open_lines.append(line)
            glued.append(False)
            open_edge = edge
            continue
        if open_lines:
            built.append(_paragraph(open_lines, glued, start, metrics, footnotes or {}))
        open_lines, glued, open_edge, start = [line], [False], edge, index
    if open_lines:
        built.append(_paragraph(open_lines, glued, start, metrics, footnotes or {}))
    return built


def is_list_item(line: Line, metrics: Metrics) -> bool:
    return line.marker is not None and (line.bullet or metrics.body_style(line))


def _continues(lines: list[Line], edge: float, line: Line, metrics: Metrics, cues: ParagraphCues,
               in_cell: bool) -> bool:
    last, first = lines[-1], lines[0]
    if is_list_item(line, metrics) or line.typed_bullet:
        return False
    if abs(line.size - last.size) > cues.style_size_tolerance or line.bold != last.bold:
        return False
    flowing = line.page == last.page and line.top > last.top and line.x0 < last.x1 and last.x0 < line.x1
    indent = cues.indent_em * last.size
    if flowing:
        if line.bottom - last.bottom > cues.gap_ratio * metrics.pitch(last.size):
            return False
        if is_list_item(first, metrics):
            if line.x0 < first.text_x0 - indent:
                return False  # back at the margin: the item has ended
        elif line.x0 - last.x0 > indent:
            return False  # an indented first line
    text = last.text.rstrip()
    if len(text) > 1 and text.endswith(_HYPHENS) and text[-2].isalpha():
        return True
    if line.text[:1].islower():
        return True
    if flowing:
        space = cues.space_em * last.size
        if in_cell and text.endswith(_SENTENCE_END) and line.text[:1].isupper():
            return False  # a table cell's paragraphs have no space between them, and rarely two sentences
        return last.x1 + space + line.first_word_width > edge  # it did not fit: the line was wrapped
    return not text.endswith(_CLOSING)


def _compound_hyphen(last: Line, line: Line, metrics: Metrics) -> bool:
    """A hyphen at the end of a line that belongs to the compound ("Senior alert-" + "ombud"): both parts are
    words the document has whole, and the joined word is not. join_wrapped would take it for a broken word."""
    ending = last.text.split()[-1] if last.text.split() else ""
    following = line.text.split()[0] if line.text.split() else ""
    if not ending.endswith(_HYPHENS) or not following:
        return False
    joined = join_wrapped([ending, following])
    return ("-" not in joined and word_key(ending[:-1]) in metrics.words and word_key(following) in metrics.words
            and word_key(joined) not in metrics.words)


def _broken_word(last: Line, line: Line, limit: float, metrics: Metrics, cues: ParagraphCues) -> bool:
    """A one-word line that ends where the next letter would not fit before `limit`, where neither it nor the next
    line's first word is a word the document has whole elsewhere: "förbättringsarbet" + "et" broke,
    "ledningsgruppen" + "på" wrapped.
    A word longer than its column or table cell is broken like that, without a hyphen."""
    if " " in last.text or not line.text:
        return False
    room = limit - last.x1
    known = word_key(last.text) in metrics.words or word_key(line.text.split()[0]) in metrics.words
    return room < line.first_char_width + cues.broken_word_slack and not known


def _paragraph(lines: list[Line], glued: list[bool], start: int, metrics: Metrics,
               footnotes: dict[tuple[int, str], str]) -> Built:
    first = lines[0]
    item = is_list_item(first, metrics)
    texts: list[str] = []
    for index, line in enumerate(lines):
        text = line.text if index or item else line.full_text
        if index and glued[index - 1]:
            texts[-1] += text
        else:
            texts.append(text)
    paragraph = RawParagraph(
        text=" ".join(join_wrapped(texts).split()),
        list_level=0 if item else None,
        marker=first.marker if item else None,
        bold=all(line.bold for line in lines),
        size_half_points=round(first.size * 2),
        footnotes=[footnotes[(line.page, mark)] for line in lines for mark in line.marks
                   if (line.page, mark) in footnotes],
    )
    return Built(paragraph=paragraph, first=start, lines=lines)
