"""Read a PDF into the blocks the outline builder takes from every reader.

Page by page: glyphs and rules (pdf_page), ruled tables with their cells (pdf_tables), lines (pdf_lines). Then over
the whole document: running headers, footers and page numbers out (pdf_running), footnotes apart (pdf_footnotes),
reading order across columns (pdf_order), the table of contents out (text_toc, as for text exports), paragraphs and
list items (pdf_paragraphs), tables joined over page breaks, and headings from typed numbers, size and weight
(headings, as for a .docx without heading styles). Pages without a text layer are listed as unreadable; a file
with nothing but such pages is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from sosfs_check.document.headings import mark_headings
from sosfs_check.document.model import CoreProperties
from sosfs_check.document.pdf_footnotes import split_footnotes
from sosfs_check.document.pdf_lines import Line, build_lines
from sosfs_check.document.pdf_order import reading_order
from sosfs_check.document.pdf_page import PageContent, read_page
from sosfs_check.document.pdf_paragraphs import Metrics, build_paragraphs, measure
from sosfs_check.document.pdf_running import Running, find_running
from sosfs_check.document.pdf_source import PdfLimits, looks_truncated, open_pdf
from sosfs_check.document.pdf_tables import PageTable, column_starts, raw_table, ruled_tables, unruled_tables
from sosfs_check.document.pdf_thresholds import Messages, pdf_layout
from sosfs_check.document.raw import RawNote, RawParagraph, TextRead
from sosfs_check.document.text_toc import find_table_of_contents
from sosfs_check.errors import ImageOnlyPdfError

_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")
_RIGHT_EDGE_QUANTILE = 0.95  # of the right ends of all lines: the right margin, not a stray wide line
_FEW_LINES = 40  # a document with fewer lines may have none that reaches the right margin


@dataclass
class PdfRead:
    read: TextRead
    outside_notes: list[RawNote]  # running headers and footers: outside the body, anchored nowhere
    properties: CoreProperties
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Page:
    content: PageContent
    lines: list[Line]
    tables: list[PageTable]


Entry = tuple[Line | PageTable, float] | None  # an item with its column's right edge; None ends a paragraph


def read_pdf(path: Path, data: bytes, limits: PdfLimits) -> PdfRead:
    messages = pdf_layout().messages
    document = open_pdf(path, data, limits)
    failed: list[tuple[int, str]] = []
    contents: list[PageContent] = []
    try:
        properties = _properties(document)
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError as exc:
                failed.append((index + 1, str(exc)))
                continue
            try:
                contents.append(read_page(page, index + 1))
            finally:
                page.close()
    finally:
        document.close()
    scan = pdf_layout().scanned
    scanned = [c.number for c in contents if len(c.glyphs) < scan.min_glyphs and c.image_share >= scan.min_image_share]
    if scanned and sum(len(c.glyphs) for c in contents) < scan.min_glyphs:
        raise ImageOnlyPdfError(messages.image_only.format(pages=len(scanned)), path)
    pages = []
    for content in contents:
        tables, outside = ruled_tables(content.rules, content.glyphs, content.number)
        pages.append(_Page(content, build_lines(outside, content.number), tables))
    starts = column_starts([page.lines for page in pages])
    for page in pages:
        unruled, page.lines = unruled_tables(page.lines, page.content.number, starts)
        page.tables = sorted([*page.tables, *unruled], key=lambda table: table.top)
    removed, running = find_running([(page.content.height, page.lines) for page in pages])
    for page in pages:
        page.lines = [line for line in page.lines if id(line) not in removed]
    cell_lines = [line for page in pages for table in page.tables for cell in table.cells for line in cell.lines]
    metrics = measure([page.lines for page in pages], cell_lines)
    footnotes: dict[tuple[int, str], str] = {}
    for page in pages:
        page.lines, notes = split_footnotes(page.lines, page.content.height, metrics.body_size)
        footnotes.update({(page.content.number, mark): text for mark, text in notes.items()})
    read = TextRead()
    stream = _stream(pages, metrics, read, scanned, failed, messages)
    remove_table_of_contents(stream, read)
    _build(stream, metrics, footnotes, read)
    mark_headings(read.blocks)
    read.counts["pages"] = len(contents) + len(failed)
    warnings = [messages.truncated] if looks_truncated(data) else []
    if scanned:
        warnings.append(messages.scanned_summary.format(count=len(scanned), pages=len(contents) + len(failed),
                                                        list=", ".join(map(str, scanned))))
    return PdfRead(read=read, outside_notes=[_running_note(r, messages) for r in running], properties=properties,
                   warnings=warnings)


def _stream(pages: list[_Page], metrics: Metrics, read: TextRead, scanned: list[int],
            failed: list[tuple[int, str]], messages: Messages) -> list[Entry]:
    """Every page's lines and tables in reading order, one page after the other; unreadable pages noted where they
    stand."""
    ends = sorted(line.x1 for page in pages for line in page.lines)
    document_edge = ends[int(len(ends) * _RIGHT_EDGE_QUANTILE)] if ends else 0.0
    if len(ends) < _FEW_LINES:
        # A short text does not show where its lines end; the left margin mirrored stands in for the right one.
        starts = [line.x0 for page in pages for line in page.lines]
        document_edge = max([document_edge, *(page.content.width - min(starts) for page in pages if starts)])
    failed_at = dict(failed)
    stream: list[Entry] = []
    columns = pdf_layout().columns
    for number in range(1, len(pages) + len(failed) + 1):
        if number in failed_at:
            read.note(len(stream), "unreadable", "pdf_page",
                      messages.page_failed.format(page=number, reason=failed_at[number]))
            stream.append(None)
            continue
        page = next(p for p in pages if p.content.number == number)
        if number in scanned:
            read.note(len(stream), "unreadable", "scanned_page", messages.scanned_page.format(page=number))
            stream.append(None)
        items: list[Line | PageTable] = [*page.lines, *page.tables]
        if not items:
            continue
        edge = max(document_edge, *(item.x1 for item in items))
        stream.extend(reading_order(items, edge, metrics.body_size, columns))
    return stream


def remove_table_of_contents(stream: list[Entry], read: TextRead) -> None:
    """Take a table of contents on one of the first pages out of the stream, noted where it stood."""
    last_page = pdf_layout().toc.search_pages
    positions = [index for index, entry in enumerate(stream)
                 if entry is not None and isinstance(entry[0], Line) and entry[0].page <= last_page]
    texts = []
    for index in positions:
        entry = stream[index]
        assert entry is not None and isinstance(entry[0], Line)
        texts.append(entry[0].full_text)
    toc = find_table_of_contents(texts)
    if toc is None:
        return
    first = positions[toc.start]
    for index in positions[toc.start:toc.end]:
        stream[index] = None
    read.note(first, "excluded", "toc", toc.detail())
    read.counts["toc_paragraphs"] += len(toc.titles)


def _build(stream: list[Entry], metrics: Metrics, footnotes: dict[tuple[int, str], str], read: TextRead) -> None:
    """Paragraphs from each run of lines, one table from each run of table parts that continue each other."""
    run: list[tuple[Line, float]] = []
    run_start = 0
    parts: list[PageTable] = []
    parts_start = 0
    list_items: list[tuple[RawParagraph, float, float]] = []  # item, marker position, column edge

    def flush_run() -> None:
        for built in build_paragraphs(run, metrics, footnotes):
            read.add(built.paragraph, run_start + built.first)
            if built.paragraph.list_level is not None:
                list_items.append((built.paragraph, built.lines[0].x0, run[built.first][1]))
        run.clear()

    def flush_parts() -> None:
        if parts:
            read.add(raw_table(list(parts), metrics), parts_start)
            parts.clear()

    for index, entry in enumerate(stream):
        if entry is None:
            flush_run()
            continue
        item, edge = entry
        if isinstance(item, PageTable):
            flush_run()
            if not (parts and item.continues(parts[-1])):
                flush_parts()
                parts_start = index
            parts.append(item)
            continue
        flush_parts()
        if not run:
            run_start = index
        run.append((item, edge))
    flush_run()
    flush_parts()
    _list_levels(list_items)


def _list_levels(items: list[tuple[RawParagraph, float, float]]) -> None:
    """A list item's level from how far right its marker stands among the markers of its column."""
    step = pdf_layout().lists.level_step_pt
    by_column: dict[int, list[float]] = {}
    for _, x0, edge in items:
        by_column.setdefault(round(edge / step), []).append(x0)
    for paragraph, x0, edge in items:
        left = min(by_column[round(edge / step)])
        paragraph.list_level = round((x0 - left) / step)


def _running_note(running: Running, messages: Messages) -> RawNote:
    template = {"header": messages.header, "footer": messages.footer, "page_number": messages.page_numbers}
    detail = template[running.kind].format(count=running.pages, text=running.text)
    return RawNote(bucket="excluded", kind=running.kind, detail=detail[:200], at_block=-1)


def _properties(document: pdfium.PdfDocument) -> CoreProperties:
    metadata = document.get_metadata_dict(skip_empty=True)
    modified = None
    match = _PDF_DATE.match(metadata.get("ModDate", ""))
    if match:
        year, month, day, hour, minute, second = (part or default for part, default in
                                                  zip(match.groups(), ("", "01", "01", "00", "00", "00"), strict=True))
        modified = f"{year}-{month}-{day}T{hour}:{minute}:{second}"
    return CoreProperties(title=metadata.get("Title") or None, author=metadata.get("Author") or None,
                          modified=modified)
