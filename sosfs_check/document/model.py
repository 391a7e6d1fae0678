"""The document model every later stage reads: sections, blocks in reading order, and fidelity.

It knows nothing of requirements or matching. Every block carries a Locator
that a report can quote so a user can find the passage in Word.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

HeadingSignal = Literal["style", "outline_level", "numbering_style", "typed_number", "font_size", "bold", "short_line",
                        "none"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Locator(Model):
    """Where a passage stands: section path with displayed numbers, block index, cell, character span."""

    section: str = Field(description="Section path as Word displays it, e.g. '3.1 Processer › 3.1.2 Ansvar'.")
    block_index: int = Field(description="Index of the block in reading order over the whole body.")
    row: int | None = Field(None, description="0-based table row, for a table cell.")
    column: int | None = Field(None, description="0-based table column, for a table cell.")
    char_start: int = Field(0, description="Start of the passage within the block's text.")
    char_end: int = Field(0, description="End of the passage within the block's text.")
    paragraph: int | None = Field(None, description="1-based place of the block among the paragraphs and tables "
                                                    "directly under its heading (a table counts as one).")

    def describe(self) -> str:
        """Where a person finds the passage in Word: "avsnitt 4.2 Riskanalys, tredje stycket", "…, tabellen i
        andra stycket, rad 3, kolumn 2"."""
        heading = self.section.rsplit(PATH_SEPARATOR, 1)[-1]
        where = f"avsnitt {heading}" if heading else "före första rubriken"
        place = _ordinal_paragraph(self.paragraph) if self.paragraph is not None else f"stycke {self.block_index + 1}"
        if self.row is None:
            return f"{where}, {place}"
        return f"{where}, tabellen i {place}, rad {self.row + 1}, kolumn {(self.column or 0) + 1}"


PATH_SEPARATOR = " › "
"""Between the headings of a section path: "3 Ansvar › 3.2 Enhetschef"."""

_ORDINALS = ("första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde",
             "elfte", "tolfte")


def _ordinal_paragraph(number: int) -> str:
    """"tredje stycket" up to the twelfth, then "stycke 13": as a reader counts on the page."""
    return f"{_ORDINALS[number - 1]} stycket" if 1 <= number <= len(_ORDINALS) else f"stycke {number}"


class Paragraph(Model):
    kind: Literal["paragraph"] = "paragraph"
    id: str
    text: str
    style: str | None = None
    list_level: int | None = Field(None, description="0-based list level when the paragraph is a list item.")
    marker: str | None = Field(None, description="The bullet or number Word displays before a list item.")
    origin: Literal["body", "text_box", "image_alt_text", "content_control", "diagram"] = "body"
    footnotes: list[str] = Field(default_factory=list, description="Texts of the footnotes and endnotes anchored in this paragraph.")
    locator: Locator

    @property
    def is_list_item(self) -> bool:
        return self.list_level is not None


class Cell(Model):
    id: str
    row: int
    column: int
    row_span: int = 1
    column_span: int = 1
    text: str
    header: str | None = Field(None, description="Text of the column's header cell, kept as context.")
    is_header: bool = False
    blocks: list[Block] = Field(default_factory=list, description="Paragraphs and nested tables in reading order.")
    locator: Locator


class Table(Model):
    kind: Literal["table"] = "table"
    id: str
    n_rows: int
    n_columns: int
    header_rows: int = 0
    cells: list[Cell]
    locator: Locator

    def header_texts(self) -> list[str]:
        return [cell.text for cell in self.cells if cell.is_header]


Block = Annotated[Paragraph | Table, Field(discriminator="kind")]


class Section(Model):
    id: str
    number: str | None = Field(None, description="The number Word displays, e.g. '3.1'; None for unnumbered.")
    number_source: Literal["numbering", "text"] | None = Field(
        None, description="Where the number comes from: Word's automatic numbering or typed in the heading.")
    heading: str
    level: int = Field(description="0 for the text before the first heading, 1 for top-level headings.")
    heading_signal: HeadingSignal = "none"
    blocks: list[Block] = Field(default_factory=list)
    subsections: list[Section] = Field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.number} {self.heading}" if self.number else self.heading

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.subsections:
            yield from child.walk()


class FidelityItem(Model):
    kind: str = Field(description="What it is: toc, header, footer, deleted_text, comment, chart, smartart, …")
    location: str = Field(description="Section path where it stands, or '(utanför brödtexten)'.")
    detail: str = Field("", description="Swedish description with the text concerned, shortened.")


class Fidelity(Model):
    """What was read, what was left out on purpose, and what could not be read."""

    counts: dict[str, int] = Field(default_factory=dict,
                                   description="How many of each thing were read: paragraphs, tables, text boxes …")
    excluded: list[FidelityItem] = Field(default_factory=list, description="Left out on purpose: TOC, headers, "
                                         "footers, comments, deleted text.")
    unreadable: list[FidelityItem] = Field(default_factory=list, description="Could not be read: charts, images "
                                           "without alternative text, embedded objects.")
    warnings: list[str] = Field(default_factory=list, description="Swedish warnings, e.g. a guessed encoding.")

    @property
    def complete(self) -> bool:
        return not self.unreadable


class CoreProperties(Model):
    title: str | None = None
    author: str | None = None
    modified: str | None = None


class TextUnit(Model):
    """One readable passage (a paragraph or a table cell) with its context, as analysis consumes it."""

    block_id: str
    text: str
    section_path: tuple[str, ...]
    section_level: int
    locator: Locator
    column_header: str | None = None
    is_list_item: bool = False
    is_heading_cell: bool = False


class DocumentModel(Model):
    source_name: str
    sha256: str
    format: Literal["docx", "text", "pdf"]
    properties: CoreProperties = Field(default_factory=CoreProperties)
    sections: list[Section]
    fidelity: Fidelity = Field(default_factory=Fidelity)

    def walk_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def __repr__(self) -> str:
        counts = self.fidelity.counts
        return (f"<DocumentModel {self.source_name} ({self.format}): {counts.get('sections', 0)} avsnitt, "
                f"{counts.get('paragraphs', 0)} stycken, {counts.get('tables', 0)} tabeller>")

    def _repr_html_(self) -> str:
        """The outline as a notebook shows it: headings with the numbers Word displays, indented by level."""
        from html import escape

        items = "".join(f'<li style="margin-left:{level - 1}em">{escape(f"{number} {heading}" if number else heading)}'
                        "</li>" for level, number, heading in self.outline())
        return f"<p><strong>{escape(self.source_name)}</strong> ({self.format})</p><ul>{items}</ul>"

    def has_text(self) -> bool:
        """True when there is a heading or any block with text (cheaper than walking text_units)."""
        return any(section.level > 0 or any(_block_has_text(b) for b in section.blocks)
                   for section in self.walk_sections())

    def outline(self) -> list[tuple[int, str | None, str]]:
        """(level, number, heading) for every heading, in order."""
        return [(s.level, s.number, s.heading) for s in self.walk_sections() if s.level > 0]

    def text_units(self) -> Iterator[TextUnit]:
        """Every paragraph and table cell in reading order, with section path and header context."""
        units: list[TextUnit] = []
        for root in self.sections:
            _units(root, (), units)
        return iter(units)

    def plain_text(self) -> str:
        """The body as text: headings on their own lines with their numbers, then blocks in order."""
        from sosfs_check.document.render import render_text

        return render_text(self)


def _block_has_text(block: Paragraph | Table) -> bool:
    if isinstance(block, Paragraph):
        return bool(block.text.strip())
    return any(_block_has_text(inner) for cell in block.cells for inner in cell.blocks)


# Lists filled by recursion rather than nested generators: a unit deep in a table in a subsection would
# otherwise pass through a chain of `yield from`, and a 40-page document has about 900 units.
def _units(section: Section, path: tuple[str, ...], units: list[TextUnit]) -> None:
    here = (*path, section.title) if section.level > 0 else path
    for block in section.blocks:
        _block_units(block, here, section.level, units)
    for child in section.subsections:
        _units(child, here, units)


def _block_units(block: Paragraph | Table, path: tuple[str, ...], level: int, units: list[TextUnit]) -> None:
    if isinstance(block, Paragraph):
        if block.text.strip():
            units.append(TextUnit(block_id=block.id, text=block.text, section_path=path, section_level=level,
                                  locator=block.locator, is_list_item=block.is_list_item))
        return
    for cell in block.cells:
        for inner in cell.blocks:
            if isinstance(inner, Table):
                _block_units(inner, path, level, units)
            elif inner.text.strip():
                units.append(TextUnit(block_id=inner.id, text=inner.text, section_path=path, section_level=level,
                                      locator=inner.locator, column_header=cell.header,
                                      is_list_item=inner.is_list_item, is_heading_cell=cell.is_header))


Cell.model_rebuild()
Section.model_rebuild()
