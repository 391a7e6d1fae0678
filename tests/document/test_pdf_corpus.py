"""Every corpus document printed to PDF by LibreOffice (corpus/pdf/, built by devtools/build_pdf_corpus.py) reads
as its .docx does: the same headings with their numbers and levels, the same text, the same check statuses.
Three layouts test what a PDF adds: text in two columns, landscape tables with and without borders, and running
headers, page numbers and a table of contents."""

from __future__ import annotations

import re
import shutil
from functools import cache

import pytest

from devtools.text_recall import compare, model_texts, reference_tokens, tokens
from sosfs_check import check
from sosfs_check.document.model import DocumentModel, Table
from sosfs_check.document.reader import read
from tests.conftest import REPO

PDFS = REPO / "corpus" / "pdf"
PAIRS = [(pdf, (REPO / "corpus" / f"{pdf.stem}.docx") if not pdf.stem.startswith("layout-") else pdf.with_suffix(".docx"))
         for pdf in sorted(PDFS.glob("*.pdf"))]


@cache
def _read(path) -> DocumentModel:
    return read(path)


@cache
def _statuses(path) -> dict[str, str]:
    return {finding.requirement_id: finding.status for finding in check(_read(path)).findings}


def test_every_corpus_document_and_layout_has_its_pdf():
    assert {pdf.stem for pdf, _ in PAIRS} == {
        *(docx.stem for docx in (REPO / "corpus").glob("*.docx")),
        "layout-two-column", "layout-landscape-table", "layout-running-toc"}
    assert all(docx.exists() for _, docx in PAIRS)


@pytest.mark.parametrize("pdf,docx", PAIRS, ids=[pdf.stem for pdf, _ in PAIRS])
def test_pdf_reads_as_its_docx(pdf, docx):
    expected, found = _read(docx).outline(), _read(pdf).outline()
    assert sum(heading in found for heading in expected) / len(expected) >= 0.98
    recall, precision = compare(reference_tokens(docx), tokens(model_texts(_read(pdf))))
    assert recall >= 0.99 and precision >= 0.99
    before, after = _statuses(docx), _statuses(pdf)
    assert sum(after[rid] == status for rid, status in before.items()) / len(before) >= 0.95


def test_two_columns_are_read_column_by_column():
    """A paragraph that wraps over many lines of the left column comes out whole, and so do most paragraphs."""
    docx, pdf = _read(PDFS / "layout-two-column.docx"), _read(PDFS / "layout-two-column.pdf")
    found = {unit.text for unit in pdf.text_units()}
    long_paragraphs = [unit.text for unit in docx.text_units() if len(unit.text.split()) > 20]
    assert sum(text in found for text in long_paragraphs) / len(long_paragraphs) >= 0.9
    assert pdf.fidelity.counts["pages"] < docx.fidelity.counts["paragraphs"] // 10  # it really is set tight


def _tables(model: DocumentModel) -> list[Table]:
    return [block for section in model.walk_sections() for block in section.blocks if isinstance(block, Table)]


def test_landscape_requirement_tables_with_and_without_borders_keep_their_columns():
    """Every 4-column requirement table, ruled or not, over page breaks or not, is one table whose cells know
    their column's header, as the .docx's do."""
    docx, pdf = _read(PDFS / "layout-landscape-table.docx"), _read(PDFS / "layout-landscape-table.pdf")
    expected = [(t.n_columns, t.header_texts()) for t in _tables(docx)]
    assert [(t.n_columns, t.header_texts()) for t in _tables(pdf)] == expected
    assert len(expected) == 7
    for table in _tables(pdf):
        body = [cell for cell in table.cells if not cell.is_header and cell.text]
        assert {cell.header for cell in body} <= set(table.header_texts())
        assert any(cell.header == "Mål" for cell in body)


def test_running_headers_page_numbers_and_table_of_contents_are_left_out_and_listed():
    docx, pdf = _read(PDFS / "layout-running-toc.docx"), _read(PDFS / "layout-running-toc.pdf")
    kinds = {item.kind: item.detail for item in pdf.fidelity.excluded}
    assert {"header", "page_number", "toc"} <= kinds.keys()
    assert kinds["toc"].startswith("innehållsförteckning (")
    texts = [unit.text for unit in pdf.text_units()]
    assert not [text for text in texts if re.search(r"Sida \d+ av \d+|\.{5}", text)]
    header = kinds["header"].split(": ", 1)[1]
    assert not [text for text in texts if header in text]
    # Headings once each, never from the table of contents; the document title is the only extra one.
    assert [heading for heading in pdf.outline() if heading[1] is not None] == [
        heading for heading in docx.outline() if heading[1] is not None]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_build_script_prints_a_layout_with_libreoffice(tmp_path):
    from devtools.build_pdf_corpus import convert, two_column

    source = two_column(_read(REPO / "corpus" / "001-trelleborg-socialnamnd.docx"), tmp_path / "kolumner.docx")
    [pdf] = convert([source], tmp_path, shutil.which("soffice") or "soffice")
    assert read(pdf).outline() == _read(PDFS / "layout-two-column.pdf").outline()
