"""Open a PDF safely: identify the file, refuse decompression bombs, huge page counts, encryption and damage with
one typed error each, before any page is read.

The PDF library (pypdfium2, Chrome's PDFium) parses the file; it limits nesting depth itself and rebuilds a
damaged cross-reference table where it can. What it does not limit is how far a compressed stream may unpack, so
every Flate stream is unpacked here first, in chunks, against a byte budget; images are skipped, since text
extraction never decodes them. Other filters (LZW, run length) are rare in text and not measured.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from sosfs_check.document.pdf_thresholds import pdf_layout
from sosfs_check.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    UnsupportedFormatError,
)

PDF_MAGIC = b"%PDF-"
_HEADER_WINDOW = 1024  # the header may follow some junk bytes (the PDF specification allows 1 KB)
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_DICTIONARY_WINDOW = 16 * 1024  # a stream's dictionary stands right before it, after "obj"
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_FLATE = re.compile(rb"/FlateDecode\b|/Fl\b")
_CHUNK = 64 * 1024
_PASSWORD_ERRORS = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}


@dataclass(frozen=True)
class PdfLimits:
    """Ceilings for one file; defaults from data/pdf_layout.yaml."""

    max_pages: int
    max_uncompressed_bytes: int

    @classmethod
    def default(cls, max_pages: int | None = None, max_uncompressed_bytes: int | None = None) -> PdfLimits:
        limits = pdf_layout().limits
        return cls(max_pages=max_pages or limits.max_pages,
                   max_uncompressed_bytes=max_uncompressed_bytes or limits.max_uncompressed_mb * 1024 * 1024)


def is_pdf(data: bytes) -> bool:
    return PDF_MAGIC in data[:_HEADER_WINDOW]


def open_pdf(path: Path, data: bytes, limits: PdfLimits) -> pdfium.PdfDocument:
    """The opened document, or a typed error naming `path`. The caller closes the document."""
    messages = pdf_layout().messages
    if not data:
        raise EmptyDocumentError("filen är tom (0 byte)", path)
    if not is_pdf(data):
        raise UnsupportedFormatError(messages.not_pdf, path)
    _check_streams(path, data, limits.max_uncompressed_bytes)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in _PASSWORD_ERRORS:
            raise UnsupportedFormatError(messages.encrypted, path) from exc
        raise CorruptDocumentError(messages.corrupt, path) from exc
    pages = len(document)
    if pages > limits.max_pages:
        document.close()
        raise DocumentTooLargeError(messages.too_many_pages.format(pages=pages, limit=limits.max_pages), path)
    return document


def looks_truncated(data: bytes) -> bool:
    """A complete PDF ends with %%EOF (and perhaps a line break or some padding)."""
    return b"%%EOF" not in data[-_HEADER_WINDOW:]


def _check_streams(path: Path, data: bytes, budget: int) -> None:
    """Unpack every non-image Flate stream, layer by layer, and raise as soon as the total passes `budget`."""
    messages = pdf_layout().messages
    max_depth = pdf_layout().limits.max_filter_depth
    spent = 0
    for match in _STREAM.finditer(data):
        start = match.start()
        opening = data.rfind(b"obj", max(0, start - _DICTIONARY_WINDOW), start)
        dictionary = data[opening:start] if opening >= 0 else b""
        if _IMAGE.search(dictionary):
            continue
        depth = len(_FLATE.findall(dictionary))
        if depth == 0:
            continue
        if depth > max_depth:
            raise DocumentTooLargeError(messages.nested_filters.format(depth=depth), path)
        pieces: Iterator[bytes] = _pieces(data, match.end())
        for _ in range(depth):
            pieces = _inflate(pieces)
        for piece in pieces:
            spent += len(piece)
            if spent > budget:
                raise DocumentTooLargeError(messages.too_large.format(limit_mb=budget // (1024 * 1024)), path)


def _pieces(data: bytes, start: int) -> Iterator[bytes]:
    view = memoryview(data)
    for offset in range(start, len(data), _CHUNK):
        yield bytes(view[offset:offset + _CHUNK])


def _inflate(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """Unpack a zlib stream from its pieces, at most one chunk of output at a time; stops at the stream's end or
    at the first damage (the PDF library reports damage where it matters)."""
    decoder = zlib.decompressobj()
    try:
        for piece in pieces:
            pending = piece
            while pending and not decoder.eof:
                out = decoder.decompress(pending, _CHUNK)
                if out:
                    yield out
                pending = decoder.unconsumed_tail
            if decoder.eof:
                return
    except zlib.error:
        return
