"""What later stages read of a DocumentModel, to compare two readers' models of the same document."""

from __future__ import annotations

from sosfs_check.document.model import DocumentModel, Paragraph, Section, Table


def model_shape(model: DocumentModel) -> list:
    """Sections, blocks, cells and locators with their ids, and the reading counts; not what only one format
    has (Word's style names, core properties, header and footer)."""
    counts = {key: model.fidelity.counts.get(key, 0)
              for key in ("paragraphs", "list_items", "tables", "cells", "sections")}
    return [counts, [_section(s) for s in model.sections]]


def _section(section: Section) -> tuple:
    return (section.id, section.level, section.number, section.number_source, section.heading,
            section.heading_signal, [_block(b) for b in section.blocks], [_section(c) for c in section.subsections])


def _block(block: Paragraph | Table) -> tuple:
    if isinstance(block, Paragraph):
        return (block.id, block.text, block.list_level, block.marker, block.origin, block.locator)
    return (block.id, block.n_rows, block.n_columns, block.header_rows, block.locator,
            [(c.id, c.row, c.column, c.header, c.is_header, c.text, [_block(i) for i in c.blocks])
             for c in block.cells])
