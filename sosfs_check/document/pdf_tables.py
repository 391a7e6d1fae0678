"""Tables on a PDF page: ruled tables from the rules that border their cells, and unruled ones from lines that
fall into the same columns row after row.

A ruled table is a connected set of horizontal and vertical rules; their positions give the row and column
boundaries, and a boundary missing inside the grid merges two cells (a span). Each glyph inside the grid belongs
to the cell it stands in, so the text of a cell is read as the cell's own lines, never mixed with its neighbours'.
A table that goes on over a page break comes back at the top of the next page with the same columns; the reader
joins the two (pdf_reader).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from sosfs_check.document.pdf_lines import Line, build_lines
from sosfs_check.document.pdf_page import Glyph, Rule
from sosfs_check.document.pdf_paragraphs import Metrics, build_paragraphs
from sosfs_check.document.pdf_thresholds import TableCues, pdf_layout
from sosfs_check.document.raw import RawCell, RawParagraph, RawTable


@dataclass
class TableCell:
    row: int
    column: int
    row_span: int
    column_span: int
    x0: float
    x1: float
    top: float
    bottom: float
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.full_text for line in self.lines)


@dataclass
class PageTable:
    page: int
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    cells: list[TableCell]

    @property
    def x0(self) -> float:
        return self.xs[0]

    @property
    def x1(self) -> float:
        return self.xs[-1]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_columns(self) -> int:
        return len(self.xs) - 1

    def continues(self, earlier: PageTable) -> bool:
        """This table, at the top of a page, goes on with `earlier` from the page before: the same columns."""
        tolerance = pdf_layout().tables.column_tolerance
        # The right border of a table without borders is where its longest line ends: not compared.
        return (self.page == earlier.page + 1 and len(self.xs) == len(earlier.xs)
                and all(abs(a - b) <= tolerance for a, b in zip(self.xs[:-1], earlier.xs[:-1], strict=True)))


def ruled_tables(rules: list[Rule], glyphs: list[Glyph], page: int) -> tuple[list[PageTable], list[Glyph]]:
    """The ruled tables of a page with their cells' lines, and the glyphs that stand outside every table."""
    cues = pdf_layout().tables
    tables = [table for group in _connected(rules, cues.join_tolerance)
              if (table := _grid(group, page, cues)) is not None]
    if not tables:
        return [], glyphs
    outside: list[Glyph] = []
    inside: dict[int, list[Glyph]] = {}
    for glyph in glyphs:
        cell = _cell_of(tables, glyph)
        if cell is None:
            outside.append(glyph)
        else:
            inside.setdefault(id(cell), []).append(glyph)
    for table in tables:
        for cell in table.cells:
            cell.lines = build_lines(inside.get(id(cell), []), page)
    return tables, outside


def _connected(rules: list[Rule], tolerance: float) -> list[list[Rule]]:
    """Rules that touch or cross, transitively (union-find)."""
    parent = list(range(len(rules)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, a in enumerate(rules):
        for j in range(i + 1, len(rules)):
            b = rules[j]
            if (a.x0 - tolerance <= b.x1 and b.x0 - tolerance <= a.x1
                    and a.top - tolerance <= b.bottom and b.top - tolerance <= a.bottom):
                parent[find(i)] = find(j)
    groups: dict[int, list[Rule]] = {}
    for index, rule in enumerate(rules):
        groups.setdefault(find(index), []).append(rule)
    return list(groups.values())


def _cluster(values: list[float], tolerance: float) -> list[float]:
    """Positions closer than `tolerance` are one (a border drawn twice, by the cells either side)."""
    clusters: list[list[float]] = []
    for value in sorted(values):
        if clusters and value - clusters[-1][-1] <= tolerance:
            clusters[-1].append(value)
        else:
            clusters.append([value])
    return [sum(c) / len(c) for c in clusters]


def _grid(rules: list[Rule], page: int, cues: TableCues) -> PageTable | None:
    horizontal = [r for r in rules if r.horizontal]
    vertical = [r for r in rules if not r.horizontal]
    tol = cues.join_tolerance
    xs = _cluster([(r.x0 + r.x1) / 2 for r in vertical], tol)
    ys = _cluster([(r.top + r.bottom) / 2 for r in horizontal], tol)
    if len(xs) - 1 < cues.min_columns or len(ys) - 1 < cues.min_rows:
        return None

    def vertical_at(x: float, y: float) -> bool:
        return any(abs((r.x0 + r.x1) / 2 - x) <= tol and r.top - tol <= y <= r.bottom + tol for r in vertical)

    def horizontal_at(y: float, x: float) -> bool:
        return any(abs((r.top + r.bottom) / 2 - y) <= tol and r.x0 - tol <= x <= r.x1 + tol for r in horizontal)

    taken: set[tuple[int, int]] = set()
    cells: list[TableCell] = []
    for row in range(len(ys) - 1):
        middle_y = (ys[row] + ys[row + 1]) / 2
        for column in range(len(xs) - 1):
            if (row, column) in taken:
                continue
            right = column + 1
            while right < len(xs) - 1 and not vertical_at(xs[right], middle_y):
                right += 1
            below = row + 1
            while below < len(ys) - 1 and not any(
                    horizontal_at(ys[below], (xs[c] + xs[c + 1]) / 2) for c in range(column, right)):
                below += 1
            taken.update((r, c) for r in range(row, below) for c in range(column, right))
            cells.append(TableCell(row=row, column=column, row_span=below - row, column_span=right - column,
                                   x0=xs[column], x1=xs[right], top=ys[row], bottom=ys[below]))
    return PageTable(page=page, xs=xs, ys=ys, cells=cells)


def _cell_of(tables: list[PageTable], glyph: Glyph) -> TableCell | None:
    x, y = (glyph.x0 + glyph.x1) / 2, glyph.middle
    for table in tables:
        if not (table.x0 <= x <= table.x1 and table.top <= y <= table.bottom):
            continue
        row = min(max(bisect_right(table.ys, y) - 1, 0), table.n_rows - 1)
        column = min(max(bisect_right(table.xs, x) - 1, 0), table.n_columns - 1)
        for cell in table.cells:
            if cell.row <= row < cell.row + cell.row_span and cell.column <= column < cell.column + cell.column_span:
                return cell
    return None


def raw_table(parts: list[PageTable], metrics: Metrics) -> RawTable:
    """One table from its parts on consecutive pages. A part that starts with the header row again (a repeated
    heading row) drops it; one whose first row has a cell left empty, or going on in lower case, holds the rest
    of a row the page break split, which goes back into that row."""
    padding = pdf_layout().tables.cell_padding
    rows: list[list[TableCell]] = []
    for index, part in enumerate(parts):
        part_rows = [[cell for cell in part.cells if cell.row == row] for row in range(part.n_rows)]
        if index and rows and part_rows:
            if [cell.text for cell in part_rows[0]] == [cell.text for cell in rows[0]]:
                part_rows = part_rows[1:]
            if part_rows and _split_row(rows[-1], part_rows[0]):
                for cell, rest in zip(rows[-1], part_rows[0], strict=True):
                    cell.lines.extend(rest.lines)
                part_rows = part_rows[1:]
        rows.extend(part_rows)
    cells: list[RawCell] = []
    for row_index, row in enumerate(rows):
        for cell in row:
            # The text keeps as far from the right border as from the left one.
            inset = min((line.x0 - cell.x0 for line in cell.lines), default=padding)
            placed = [(line, cell.x1 - inset) for line in cell.lines]
            built = build_paragraphs(placed, metrics, cell=(cell.x0, cell.x1))
            blocks: list[RawParagraph | RawTable] = [b.paragraph for b in built]
            cells.append(RawCell(row=row_index, column=cell.column, row_span=cell.row_span,
                                 column_span=cell.column_span, blocks=blocks))
    n_columns = max((len(part.xs) - 1 for part in parts), default=0)
    bold_first = bool(rows) and all(all(line.bold for line in cell.lines) for cell in rows[0] if cell.lines)
    bold_rest = any(not line.bold for row in rows[1:] for cell in row for line in cell.lines)
    return RawTable(cells=cells, n_rows=len(rows), n_columns=n_columns,
                    header_rows=1 if bold_first and bold_rest and any(c.lines for c in rows[0]) else 0)


def _split_row(last: list[TableCell], first: list[TableCell]) -> bool:
    if [cell.column for cell in last] != [cell.column for cell in first]:
        return False
    emptied = any(not rest.lines and cell.lines for cell, rest in zip(last, first, strict=True))
    lower = any(rest.lines and rest.lines[0].text[:1].islower() for rest in first)
    return emptied or lower


def column_starts(pages: list[list[Line]]) -> list[float]:
    """Where the second and later columns of tables without borders start, over the whole document: the left
    ends of lines that stand beside others, found in enough bands. A table that goes on over a page break may
    have only its header row in a column on the next page."""
    cues = pdf_layout().tables
    starts = [line.x0 for lines in pages for band in _bands(lines) if len(band) > 1 for line in band[1:]]
    clusters: list[list[float]] = []
    for x in sorted(starts):
        if clusters and x - clusters[-1][0] <= cues.unruled_column_tolerance:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [min(c) for c in clusters if len(c) >= cues.unruled_min_rows]


def unruled_tables(lines: list[Line], page: int, document_starts: list[float]) -> tuple[list[PageTable], list[Line]]:
    """Tables drawn without borders: a run of rows whose lines fall into the same columns, with at least
    `unruled_min_rows` rows that have text in two or more columns side by side; no line of the run crosses a column
    start. A new row starts where text stands side by side again after a blank band wider than the usual space
    between lines."""
    cues = pdf_layout().tables
    bands = _bands(lines)
    tolerance = cues.unruled_column_tolerance
    starts = [s for s in document_starts if any(abs(line.x0 - s) <= tolerance for line in lines)]
    if len(starts) + 1 < cues.unruled_min_columns:
        return [], lines
    tables: list[PageTable] = []
    taken: set[int] = set()
    run: list[list[Line]] = []
    for band in [*bands, []]:
        if band and all(_fits(line, starts, cues.unruled_column_tolerance) for line in band):
            run.append(band)
            continue
        table = _unruled(run, starts, page, cues)
        if table is not None:
            tables.append(table)
            taken.update(id(line) for cell in table.cells for line in cell.lines)
        run = []
    return tables, [line for line in lines if id(line) not in taken]


def _bands(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped by the height they stand at, top to bottom, each band left to right."""
    bands: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.middle):
        if bands and bands[-1][0].top <= line.middle <= bands[-1][0].bottom:
            bands[-1].append(line)
        else:
            bands.append([line])
    return [sorted(band, key=lambda ln: ln.x0) for band in bands]


def _fits(line: Line, starts: list[float], tolerance: float) -> bool:
    return not any(line.x0 < start - tolerance and line.x1 > start + tolerance for start in starts)


def _unruled(run: list[list[Line]], starts: list[float], page: int, cues: TableCues) -> PageTable | None:
    side_by_side = [i for i, band in enumerate(run) if len(band) > 1]
    if not side_by_side or len(side_by_side) < min(cues.unruled_min_rows, len(run)):
        return None
    rows = run[side_by_side[0]:]  # the first band with text side by side is the header row
    lines = [line for band in rows for line in band]
    used = [s for s in starts if any(abs(line.x0 - s) <= cues.unruled_column_tolerance for line in lines)]
    if len(used) + 1 < cues.unruled_min_columns:
        return None
    xs = [min(line.x0 for line in lines) - cues.cell_padding, *(s - cues.cell_padding for s in used),
          max(line.x1 for line in lines) + cues.cell_padding]
    if _page_columns(lines, xs, cues):
        return None
    ys = [rows[0][0].top]
    for above, below in pairwise(rows):
        blank = min(line.top for line in below) - max(line.bottom for line in above)
        if len(below) > 1 and blank > cues.unruled_row_gap_em * above[0].size:
            ys.append((max(line.bottom for line in above) + min(line.top for line in below)) / 2)
    ys.append(max(line.bottom for line in lines))
    cells = [TableCell(row=r, column=c, row_span=1, column_span=1, x0=xs[c], x1=xs[c + 1], top=ys[r],
                       bottom=ys[r + 1]) for r in range(len(ys) - 1) for c in range(len(xs) - 1)]
    table = PageTable(page=page, xs=xs, ys=ys, cells=cells)
    for line in lines:
        row = min(max(bisect_right(ys, line.middle) - 1, 0), len(ys) - 2)
        column = min(max(bisect_right(xs, line.x0) - 1, 0), len(xs) - 2)
        cells[row * (len(xs) - 1) + column].lines.append(line)
    return table


def _page_columns(lines: list[Line], xs: list[float], cues: TableCues) -> bool:
    """Text set in columns, not a table: few columns, and lines that run on to the next column's start (the
    column's text is wrapped to fill it). In a table most cells hold short texts."""
    if len(xs) - 1 > cues.page_columns_max:
        return False
    fills = []
    for line in lines:
        column = min(max(bisect_right(xs, line.x0) - 1, 0), len(xs) - 2)
        right = max(ln.x1 for ln in lines if xs[column] <= ln.x0 < xs[column + 1])
        fills.append((line.x1 - xs[column]) / max(1.0, right - xs[column]))
    fills.sort()
    return fills[len(fills) // 2] >= cues.page_columns_min_fill
