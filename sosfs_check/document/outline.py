"""Turn a reader's raw blocks into the DocumentModel: the section tree, block ids and locators."""

from __future__ import annotations

from sosfs_check.document.headings import heuristics
from sosfs_check.document.model import (
    PATH_SEPARATOR,
    Cell,
    CoreProperties,
    DocumentModel,
    Fidelity,
    FidelityItem,
    Locator,
    Paragraph,
    Section,
    Table,
)
from sosfs_check.document.raw import RawNote, RawParagraph, RawTable


class _Builder:
    def __init__(self) -> None:
        self.preamble = Section(id="s000", heading="", level=0)
        self.roots: list[Section] = [self.preamble]
        self.stack: list[Section] = []
        self.section_count = 0
        self.block_index = 0
        self.path = ""  # section path of the open section, rebuilt only when a section opens
        self.paragraph = 0  # blocks so far directly under the open heading

    @property
    def current(self) -> Section:
        return self.stack[-1] if self.stack else self.preamble

    def open_section(self, block: RawParagraph) -> None:
        self.section_count += 1
        level = max(1, block.heading_level or 1)
        section = Section(
            id=f"s{self.section_count:03d}", number=block.number, heading=block.text, level=level,
            number_source=block.number_source, heading_signal=block.heading_signal,
        )
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        (self.stack[-1].subsections if self.stack else self.roots).append(section)
        self.stack.append(section)
        self.path = PATH_SEPARATOR.join(s.title for s in self.stack)
        self.paragraph = 0

    def add(self, block: RawParagraph | RawTable) -> None:
        block_id = f"b{self.block_index:04d}"
        self.paragraph += 1
        if isinstance(block, RawParagraph):
            locator = Locator(section=self.path, block_index=self.block_index, char_end=len(block.text),
                              paragraph=self.paragraph)
            self.current.blocks.append(_paragraph(block, block_id, locator))
        else:
            locator = Locator(section=self.path, block_index=self.block_index, paragraph=self.paragraph)
            self.current.blocks.append(_table(block, block_id, locator))
        self.block_index += 1


def _cell_locator(table: Locator, row: int, column: int, length: int) -> Locator:
    return Locator(section=table.section, block_index=table.block_index, row=row, column=column, char_end=length,
                   paragraph=table.paragraph)


def _paragraph(block: RawParagraph, block_id: str, locator: Locator) -> Paragraph:
    return Paragraph(
        id=block_id, text=block.text, style=block.style, list_level=block.list_level, marker=block.marker,
        origin=block.origin,
        footnotes=block.footnotes, locator=locator,
    )


def _table(block: RawTable, block_id: str, locator: Locator) -> Table:
    header_rows = block.header_rows or _guess_header_rows(block)
    headers: dict[int, str] = {}
    for cell in block.cells:
        if cell.row < header_rows and cell.text:
            for column in range(cell.column, cell.column + cell.column_span):
                headers[column] = (headers.get(column, "") + " " + cell.text).strip()
    cells = []
    for raw in block.cells:
        cell_id = f"{block_id}.r{raw.row}c{raw.column}"
        blocks = [
            _paragraph(inner, f"{cell_id}.{index}", _cell_locator(locator, raw.row, raw.column, len(inner.text)))
            if isinstance(inner, RawParagraph)
            else _table(inner, f"{cell_id}.{index}", _cell_locator(locator, raw.row, raw.column, 0))
            for index, inner in enumerate(raw.blocks)
        ]
        is_header = raw.row < header_rows
        cells.append(Cell(
            id=cell_id, row=raw.row, column=raw.column, row_span=raw.row_span, column_span=raw.column_span,
            text=raw.text, header=None if is_header else headers.get(raw.column), is_header=is_header,
            blocks=blocks, locator=_cell_locator(locator, raw.row, raw.column, len(raw.text)),
        ))
    return Table(id=block_id, n_rows=block.n_rows, n_columns=block.n_columns, header_rows=header_rows,
                 cells=cells, locator=locator)


def _guess_header_rows(table: RawTable) -> int:
    """The first row is a header when the table has more rows and every first-row cell is a short label."""
    if table.n_rows < 2 or table.n_columns < 2:
        return 0
    first = [cell for cell in table.cells if cell.row == 0]
    limit = heuristics().header_row_max_words
    if first and all(cell.text and len(cell.text.split()) <= limit for cell in first):
        return 1
    return 0


def build_document(
    blocks: list[RawParagraph | RawTable], *, source_name: str, sha256: str, fmt: str,
    properties: CoreProperties, notes: list[RawNote], counts: dict[str, int], warnings: list[str],
) -> DocumentModel:
    builder = _Builder()
    paths: list[str] = []  # section path in force at each raw block, for anchoring fidelity notes
    for block in blocks:
        if isinstance(block, RawParagraph) and block.heading_level is not None:
            builder.open_section(block)
        else:
            builder.add(block)
        paths.append(builder.path)
    fidelity = Fidelity(counts=dict(sorted(counts.items())), warnings=warnings)
    for note in notes:
        if note.at_block < 0:
            location = "(utanför brödtexten)"
        else:
            # A note raised before raw block i stands in the section that was open before that block.
            location = (paths[note.at_block - 1] if 0 < note.at_block <= len(paths) else "") or "(före första rubriken)"
        item = FidelityItem(kind=note.kind, location=location, detail=note.detail)
        (fidelity.excluded if note.bucket == "excluded" else fidelity.unreadable).append(item)
    fidelity.counts["sections"] = builder.section_count
    sections = builder.roots if builder.preamble.blocks else builder.roots[1:]
    return DocumentModel(source_name=source_name, sha256=sha256, format=fmt,
                         properties=properties, sections=sections, fidelity=fidelity)
