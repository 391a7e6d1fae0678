"""Footnotes at the foot of a PDF page: smaller than the body text, low on the page, each starting with its
number. They are taken out of the text flow (a paragraph that goes on over the page break must not swallow
them) and given back to the paragraph whose footnote mark they answer, as the .docx reader does.
"""

from __future__ import annotations

import re

from sosfs_check.document.line_joining import join_wrapped
from sosfs_check.document.pdf_lines import Line
from sosfs_check.document.pdf_thresholds import pdf_layout

_NOTE_START = re.compile(r"^(?P<mark>\d{1,3})\s+(?P<text>\S.*)$")


def split_footnotes(lines: list[Line], height: float, body_size: float) -> tuple[list[Line], dict[str, str]]:
    """The page's other lines, and its footnotes by mark. The footnote area starts at the highest small line in
    the lowest part of the page that starts with a number that a mark in the text above refers to; everything
    small below it belongs to it."""
    cues = pdf_layout().footnotes
    small = sorted((line for line in lines if line.top >= height * (1 - cues.bottom_share)
                    and line.size <= body_size * cues.max_size_ratio), key=lambda line: line.top)
    marks = {mark for line in lines for mark in line.marks}
    start = next((line.top for line in small if (match := _NOTE_START.match(line.full_text))
                  and match.group("mark") in marks), None)
    if start is None:
        return lines, {}
    area = [line for line in small if line.top >= start]
    notes: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in area:
        match = _NOTE_START.match(line.full_text)
        if match:
            current = notes.setdefault(match.group("mark"), [])
            current.append(match.group("text"))
        elif current is not None:
            current.append(line.full_text)
    taken = {id(line) for line in area}
    return [line for line in lines if id(line) not in taken], {mark: join_wrapped(parts) for mark, parts in notes.items()}
