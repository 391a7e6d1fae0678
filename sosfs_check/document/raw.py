"""Intermediate blocks produced by the format readers, before the outline is built.

Readers (docx, text) only say what they saw; `outline.build_document` decides
sections, ids and locators the same way for every format.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class RawParagraph:
    text: str
    style: str | None = None
    heading_level: int | None = None
    heading_signal: str = "none"
    number: str | None = None
    number_source: str | None = None  # "numbering" (numbering.xml) or "text" (typed in the heading)
    list_level: int | None = None
    marker: str | None = None
    origin: str = "body"
    footnotes: list[str] = field(default_factory=list)
    bold: bool = False
    size_half_points: int | None = None


@dataclass
class RawCell:
    row: int
    column: int
    row_span: int = 1
    column_span: int = 1
    blocks: list[RawParagraph | RawTable] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if isinstance(b, RawParagraph) and b.text.strip())


@dataclass
class RawTable:
    cells: list[RawCell]
    n_rows: int
    n_columns: int
    header_rows: int = 0

    @property
    def text(self) -> str:
        return "\n".join(cell.text for cell in self.cells)


@dataclass
class RawNote:
    """A fidelity note raised while reading, anchored before body block `at_block`."""

    bucket: str  # "excluded" or "unreadable"
    kind: str
    detail: str
    at_block: int


@dataclass
class TextRead:
    """What a text reader saw: blocks with the source line each starts on, and notes raised at a source line.

    Notes are anchored to blocks only at the end, so a reader can raise one before it knows which blocks a
    construct will give (a table of contents taken out before parsing, a comment inside a paragraph)."""

    blocks: list[RawParagraph | RawTable] = field(default_factory=list)
    block_lines: list[int] = field(default_factory=list)
    line_notes: list[tuple[int, str, str, str]] = field(default_factory=list)  # line, bucket, kind, detail
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, block: RawParagraph | RawTable, line: int) -> None:
        self.blocks.append(block)
        self.block_lines.append(line)

    def note(self, line: int, bucket: str, kind: str, detail: str) -> None:
        self.line_notes.append((line, bucket, kind, detail[:200]))

    def notes(self) -> list[RawNote]:
        """Notes in the order of their lines, each anchored after every block that starts on or before it."""
        return [RawNote(bucket=bucket, kind=kind, detail=detail, at_block=bisect_right(self.block_lines, line))
                for line, bucket, kind, detail in sorted(self.line_notes, key=lambda note: note[0])]

    def all_counts(self) -> dict[str, int]:
        """Paragraphs (headings included, as the .docx reader counts them), list items, tables and cells, with
        the counts raised while reading."""
        counts = Counter(self.counts)
        _count(self.blocks, counts)
        return dict(counts)


def _count(blocks: list[RawParagraph | RawTable], counts: Counter[str]) -> None:
    for block in blocks:
        if isinstance(block, RawTable):
            counts["tables"] += 1
            counts["cells"] += len(block.cells)
            for cell in block.cells:
                _count(cell.blocks, counts)
        else:
            counts["paragraphs"] += 1
            counts["list_items"] += block.list_level is not None
