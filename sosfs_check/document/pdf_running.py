"""Running headers, footers and page numbers: lines in a page's top or bottom margin that come back.

A line is running when its text, with digits ignored ("Sida 3 av 12" and "Sida 4 av 12" are one text), stands
at the same height in the same margin on enough of the pages (data/pdf_layout.yaml, `running`). Lines that
are only a page number ("7", "Sida 7 av 12", "7 (12)") are taken out when they count up with the pages. Body text
never repeats at one height page after page, so a title that matches the header on the first page stays.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from sosfs_check.document.pdf_lines import Line
from sosfs_check.document.pdf_thresholds import RunningCues, pdf_layout

_DIGITS = re.compile(r"\d+")
_HEIGHT_TOLERANCE = 3.0  # points: a running line stands at the same height on every page, give or take


@dataclass(frozen=True)
class Running:
    """One kind of running text, for the fidelity report."""

    kind: str  # "header", "footer" or "page_number"
    text: str  # as on the first page it stands on
    pages: int


@dataclass(frozen=True)
class _Place:
    zone: str
    key: str


def find_running(pages: list[tuple[float, list[Line]]]) -> tuple[set[int], list[Running]]:
    """The ids of the running lines among each page's (height, lines), and what they were."""
    cues = pdf_layout().running
    seen: dict[_Place, list[Line]] = defaultdict(list)
    removed: set[int] = set()
    counted: dict[tuple[str, int], list[Line]] = defaultdict(list)  # by margin and number less page
    for height, lines in pages:
        for line in lines:
            zone = _zone(line, height, cues)
            if zone is None:
                continue
            if any(pattern.match(line.full_text.strip()) for pattern in _page_numbers(cues.page_number_patterns)):
                number = int(_DIGITS.findall(line.full_text)[0])
                counted[(zone, number - line.page)].append(line)
            else:
                seen[_Place(zone, _key(line.full_text))].append(line)
    needed = max(2, math.ceil(cues.min_share * len(pages)))
    # Page numbers count up with the pages; a lone number in a margin (a chapter's "8") is no page number.
    numbers = [line for group in counted.values() if len({ln.page for ln in group}) >= needed for line in group]
    removed.update(id(line) for line in numbers)
    running: dict[str, list[Line]] = defaultdict(list)
    if len(pages) >= cues.min_pages:
        for place, lines in seen.items():
            usual = Counter(round(line.top) for line in lines).most_common(1)[0][0]
            steady = [line for line in lines if abs(line.top - usual) <= _HEIGHT_TOLERANCE]
            if len({line.page for line in steady}) >= needed:
                removed.update(id(line) for line in steady)
                running[place.zone].extend(steady)
    found = [_described(zone, lines) for zone, lines in running.items()]
    if numbers:
        found.append(Running(kind="page_number", text=numbers[0].full_text, pages=len({ln.page for ln in numbers})))
    return removed, found


def _described(zone: str, lines: list[Line]) -> Running:
    """A header or footer of several lines as one text: its lines on the first page it stands on."""
    first = min(line.page for line in lines)
    text = " ".join(line.full_text for line in sorted(lines, key=lambda ln: ln.top) if line.page == first)
    return Running(kind=zone, text=text, pages=len({line.page for line in lines}))


def _zone(line: Line, height: float, cues: RunningCues) -> str | None:
    if line.bottom <= height * cues.margin_share:
        return "header"
    if line.top >= height * (1 - cues.margin_share):
        return "footer"
    return None


def _key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text).casefold().split())


@cache
def _page_numbers(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)
