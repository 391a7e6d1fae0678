"""`read(path)`: any supported file to a DocumentModel, or a typed SosfsCheckError."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO, TypedDict

from sosfs_check.document.container import DEFAULT_MAX_XML_BYTES, open_docx
from sosfs_check.document.model import CoreProperties, DocumentModel
from sosfs_check.errors import EmptyDocumentError, InputNotFoundError, UnsupportedFormatError

MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt", ".text", *MARKDOWN_SUFFIXES}
DOCX_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
PDF_SUFFIXES = {".pdf"}


def _check_path(path: Path) -> None:
    if not path.exists():
        raise InputNotFoundError("filen finns inte", path)
    if path.is_dir():
        raise InputNotFoundError("sökvägen är en mapp, inte en fil", path)
    if not os.access(path, os.R_OK):
        raise InputNotFoundError("filen kan inte läsas (behörighet saknas)", path)


class ReadLimits(TypedDict, total=False):
    """The reader's safety limits as the command line sets them: `read(path, **limits)`."""

    max_xml_bytes: int
    max_pages: int | None
    max_pdf_bytes: int | None


Source = Path | str | bytes | BinaryIO
"""A path, the file's bytes, or a binary file object (an upload in a notebook, `open(f, "rb")`)."""


def read(source: Source, *, name: str | None = None, max_xml_bytes: int = DEFAULT_MAX_XML_BYTES,
         max_pages: int | None = None, max_pdf_bytes: int | None = None) -> DocumentModel:
    """Read a .docx, .pdf, .txt or .md ledningssystem into a DocumentModel.

    `name`: the file name for bytes or a file object (its suffix tells the format; without one, a zip package is
    read as .docx, a PDF as .pdf and anything else as text): `read(upload.getvalue(), name="plan.docx")`.
    `max_xml_bytes` limits what a .docx unpacks to; `max_pages` and `max_pdf_bytes` limit a PDF's page count and
    what its compressed streams unpack to (None: the defaults in data/pdf_layout.yaml, 2000 pages and 200 MB).

    >>> model = read("ledningssystem.docx")      # doctest: +SKIP
    >>> model.outline()[:1]                      # doctest: +SKIP
    [(1, '1', 'Inledning')]
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        _check_path(path)
        data = path.read_bytes()  # once: hashed, identified and unpacked from memory
    else:
        data = source if isinstance(source, bytes) else source.read()
        given = name or Path(str(getattr(source, "name", "") or "")).name
        path = Path(given or _default_name(data))
    data_hash = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() in TEXT_SUFFIXES:
        model = _read_text(path, data, data_hash)
    elif path.suffix.lower() in PDF_SUFFIXES:
        model = _read_pdf(path, data, data_hash, max_pages, max_pdf_bytes)
    else:
        model = _read_docx(path, data, data_hash, max_xml_bytes)
    if not model.has_text():
        raise EmptyDocumentError("dokumentet innehåller ingen text", path)
    return model


def _default_name(data: bytes) -> str:
    from sosfs_check.document.pdf_source import is_pdf

    if data[:2] == b"PK":
        return "dokument.docx"
    return "dokument.pdf" if is_pdf(data) else "dokument.txt"


def _read_text(path: Path, data: bytes, data_hash: str) -> DocumentModel:
    from sosfs_check.document.outline import build_document
    from sosfs_check.document.text_reader import decode, read_text

    if not data.strip():
        raise EmptyDocumentError("filen är tom", path)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormatError("filen är binär och inte en textfil", path)
    text, warnings = decode(data)
    read = read_text(text, markdown=path.suffix.lower() in MARKDOWN_SUFFIXES)
    return build_document(read.blocks, source_name=path.name, sha256=data_hash, fmt="text",
                          properties=CoreProperties(), notes=read.notes(), counts=read.all_counts(),
                          warnings=warnings)


def _read_docx(path: Path, data: bytes, data_hash: str, max_xml_bytes: int) -> DocumentModel:
    from sosfs_check.document.docx_reader import read_docx_blocks
    from sosfs_check.document.headings import mark_headings
    from sosfs_check.document.outline import build_document

    package = open_docx(path, data, max_xml_bytes)
    try:
        blocks, walker, properties = read_docx_blocks(package)
    finally:
        package.close()
    mark_headings(blocks)
    return build_document(blocks, source_name=path.name, sha256=data_hash, fmt="docx", properties=properties,
                          notes=walker.notes, counts=dict(walker.counts), warnings=[])


def _read_pdf(path: Path, data: bytes, data_hash: str, max_pages: int | None,
              max_pdf_bytes: int | None) -> DocumentModel:
    from sosfs_check.document.outline import build_document
    from sosfs_check.document.pdf_reader import read_pdf
    from sosfs_check.document.pdf_source import PdfLimits

    pdf = read_pdf(path, data, PdfLimits.default(max_pages, max_pdf_bytes))
    return build_document(pdf.read.blocks, source_name=path.name, sha256=data_hash, fmt="pdf",
                          properties=pdf.properties, notes=pdf.outside_notes + pdf.read.notes(),
                          counts=pdf.read.all_counts(), warnings=pdf.warnings)
