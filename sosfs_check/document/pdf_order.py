"""Reading order on a page: down each column, columns left to right, and text that spans the columns (a title,
a heading, a wide table) between them, where it stands.

A column gutter is a blank vertical strip, at least `min_gutter` wide, with lines standing side by side on both
sides of it; lines that cross it (at most a tenth of the block) span the columns and cut the page into bands.
Within a band the left column is read before the right one, and each column is searched for gutters of its own
(three columns). Without a gutter, lines are read top to bottom and lines on one baseline left to right.
Every item comes with the right edge of its column, for the paragraph builder's "would the next word have
fitted?" test.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from sosfs_check.document.pdf_thresholds import ColumnCues


class Box(Protocol):
    @property
    def x0(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def bottom(self) -> float: ...


B = TypeVar("B", bound=Box)


def reading_order(items: list[B], right_edge: float, body_size: float, cues: ColumnCues) -> list[tuple[B, float]]:
    """`items` in reading order, each with the right edge of the column it stands in."""
    placed: list[tuple[B, float]] = []
    _order(items, right_edge, _Gutters(cues.min_gutter_em * body_size, cues), placed)
    return placed


def _order(items: list[B], right_edge: float, gutters: _Gutters, placed: list[tuple[B, float]]) -> None:
    gutter = gutters.find(items) if len(items) > 1 else None
    if gutter is None:
        placed.extend((item, right_edge) for item in _top_down(items))
        return
    start, end = gutter
    left = [item for item in items if item.x1 <= start]
    right = [item for item in items if item.x0 >= end]
    spanning = sorted((item for item in items if item.x1 > start and item.x0 < end), key=lambda i: i.top)
    left_edge = max(item.x1 for item in left)
    bounds = [float("-inf"), *(item.top for item in spanning), float("inf")]
    for band in range(len(bounds) - 1):
        low, high = bounds[band], bounds[band + 1]
        _order([i for i in left if low <= i.top < high], left_edge, gutters, placed)
        _order([i for i in right if low <= i.top < high], right_edge, gutters, placed)
        if band < len(spanning):
            placed.append((spanning[band], right_edge))


def _top_down(items: list[B]) -> list[B]:
    """Top to bottom; items on one line (their middles within each other's height) left to right."""
    rows: list[list[B]] = []
    for item in sorted(items, key=lambda i: (i.top + i.bottom) / 2):
        middle = (item.top + item.bottom) / 2
        if rows and rows[-1][0].top <= middle <= rows[-1][0].bottom:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [item for row in rows for item in sorted(row, key=lambda i: i.x0)]


class _Gutters:
    def __init__(self, min_width: float, cues: ColumnCues) -> None:
        self.min_width = min_width
        self.cues = cues

    def find(self, items: list[B]) -> tuple[float, float] | None:
        """The widest blank strip that separates lines standing side by side, or None. A strip is where at most
        the allowed share of the items cover the page; the gutter is its part covered by the fewest."""
        allowed = int(len(items) * self.cues.max_spanning_share)
        events = sorted([(item.x0, 1) for item in items] + [(item.x1, -1) for item in items])
        best: tuple[float, float] | None = None
        depth = 0
        region: list[tuple[float, float, int]] = []  # segments (start, end, depth) of the current low strip
        for (x, step), (following, _) in zip(events, [*events[1:], (events[-1][0], 0)], strict=True):
            depth += step
            if depth <= allowed and following > x and x > events[0][0]:
                region.append((x, following, depth))
                continue
            if depth > allowed and region:
                best = self._wider(items, region, best)
                region = []
        return best

    def _wider(self, items: list[B], region: list[tuple[float, float, int]],
               best: tuple[float, float] | None) -> tuple[float, float] | None:
        """The best of `best` and the least covered run of the region's segments."""
        lowest = min(depth for _, _, depth in region)
        runs: list[tuple[float, float]] = []
        for start, end, depth in region:
            if depth != lowest:
                continue
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        for start, end in runs:
            wider = best is None or end - start > best[1] - best[0]
            if end - start >= self.min_width and wider and self._side_by_side(items, start, end):
                best = (start, end)
        return best

    def _side_by_side(self, items: list[B], start: float, end: float) -> bool:
        left = [item for item in items if item.x1 <= start]
        right = [item for item in items if item.x0 >= end]
        pairs = sum(1 for a in left if any(a.top < b.bottom and b.top < a.bottom for b in right))
        return pairs >= self.cues.min_side_by_side
