"""Intermediate blocks produced by the format readers, before the outline is built.

Readers (docx, text) only say what they saw; `outline.build_document` decides
sections, ids and locators the same way for every format.
"""

from __future__ import annotations

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
