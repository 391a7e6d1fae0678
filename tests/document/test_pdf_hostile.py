"""Hostile and broken PDFs: one typed error with a Swedish message and a documented exit code, no traceback,
nothing written. Scanned pages are listed as unreadable; a PDF of nothing but scans is an error of its own."""

from __future__ import annotations

import subprocess
import sys
import zlib

import pytest

from sosfs_check.document.reader import read
from sosfs_check.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    ImageOnlyPdfError,
    UnsupportedFormatError,
)

_TEXT = b"BT /F1 11 Tf 72 720 Td (Ledningssystem for kvalitet) Tj 0 -16 Td (Enhetschefen ansvarar for rutinerna.) Tj ET"
_IMAGE = b"q 595 0 0 842 0 0 cm /Im1 Do Q"


def pdf_bytes(pages: list[bytes], *, extra: list[bytes] | None = None, trailer: bytes = b"",
              stream_dict: bytes = b"", compress: bool = False) -> bytes:
    """A small, valid PDF: one page per content stream, Helvetica as /F1 and a grey 1x1 image as /Im1.
    `extra` objects are numbered after the pages' ones; `stream_dict` and `compress` shape every content stream."""
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        (b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
        b" /Length 1 >>\nstream\n\x80\nendstream"),
    ]
    for index, content in enumerate(pages):
        data = zlib.compress(content) if compress else content
        flate = b" /Filter /FlateDecode" if compress else b""
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * index} 0 R "
                       "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> "
                       "/XObject << /Im1 3 0 R >> >> >>".encode())
        objects.append(b"<< /Length %d%s%s >>\nstream\n" % (len(data), flate, stream_dict) + data + b"\nendstream")
    objects.extend(extra or [])
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_small_pdf_is_read_from_a_path_and_from_its_bytes(tmp_path):
    model = read(_write(tmp_path, "ok.pdf", pdf_bytes([_TEXT])))
    assert [unit.text for unit in model.text_units()] == ["Ledningssystem for kvalitet",
                                                           "Enhetschefen ansvarar for rutinerna."]
    assert model.fidelity.counts["pages"] == 1 and not model.fidelity.warnings
    from_bytes = read(pdf_bytes([_TEXT]))
    assert from_bytes.source_name == "dokument.pdf" and from_bytes.plain_text() == model.plain_text()


def _encrypted() -> bytes:
    """The standard security handler with a user password: the owner and user hashes match no empty password."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <%s> /U <%s> >>" % (b"ab" * 32, b"cd" * 32)
    return pdf_bytes([_TEXT], extra=[encrypt], trailer=b"/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff>"
                                                        b"<00112233445566778899aabbccddeeff>] ")


CASES = [
    ("encrypted", _encrypted(), UnsupportedFormatError, "lösenordsskyddad"),
    ("garbage", b"%PDF-1.4\n" + bytes(range(256)) * 40, CorruptDocumentError, "skadad"),
    ("only-header", b"%PDF-1.4", CorruptDocumentError, "skadad"),
    ("not-pdf", b"Det har ar ingen PDF utan vanlig text.", UnsupportedFormatError, "inte en PDF"),
    ("empty", b"", EmptyDocumentError, "tom"),
    ("image-only", pdf_bytes([_IMAGE, _IMAGE]), ImageOnlyPdfError, "2 inskannade sidor"),
    ("blank", pdf_bytes([b""]), EmptyDocumentError, "ingen text"),
    ("nested-filters", pdf_bytes([_TEXT], stream_dict=b" /DecodeParms [null null null null]",
                                 compress=True).replace(b"/Filter /FlateDecode",
                                                        b"/Filter [/FlateDecode /FlateDecode /FlateDecode "
                                                        b"/FlateDecode]"),
     DocumentTooLargeError, "komprimerat 4 gånger"),
]


@pytest.mark.parametrize("name,data,error,words", CASES, ids=[c[0] for c in CASES])
def test_bad_pdf_raises_typed_swedish_error(tmp_path, name, data, error, words):
    path = _write(tmp_path, f"{name}.pdf", data)
    with pytest.raises(error) as info:
        read(path)
    assert words in info.value.user_message()
    assert str(path) in info.value.user_message()


def test_truncated_pdf_is_read_as_far_as_it_goes_and_says_so(tmp_path):
    """Cut off inside its trailer, a PDF still opens (PDFium rebuilds what is missing) and the reader says it is
    incomplete; cut off in the middle, it is damaged beyond reading."""
    whole = pdf_bytes([_TEXT, _TEXT.replace(b"Ledningssystem", b"Rutiner")])
    model = read(_write(tmp_path, "utan-slut.pdf", whole[:whole.index(b"startxref")]))
    assert "Rutiner for kvalitet" in [unit.text for unit in model.text_units()]
    assert any("avkortad" in warning for warning in model.fidelity.warnings)
    with pytest.raises(CorruptDocumentError) as info:
        read(_write(tmp_path, "halv.pdf", whole[:len(whole) * 3 // 4]))
    assert "avkortad" in info.value.user_message()


def test_decompression_bomb_is_refused_and_the_limit_can_be_raised(tmp_path):
    content = _TEXT + b" " * (8 * 1024 * 1024)  # 8 MB of blanks that pack to a few kB
    path = _write(tmp_path, "bomb.pdf", pdf_bytes([content], compress=True))
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(DocumentTooLargeError) as info:
        read(path, max_pdf_bytes=1024 * 1024)
    assert "--max-pdf-mb" in info.value.user_message()
    assert read(path, max_pdf_bytes=16 * 1024 * 1024).text_units()


def test_page_count_limit(tmp_path):
    path = _write(tmp_path, "sidor.pdf", pdf_bytes([_TEXT] * 30))
    with pytest.raises(DocumentTooLargeError) as info:
        read(path, max_pages=10)
    assert "30 sidor" in info.value.user_message() and "--max-sidor" in info.value.user_message()
    assert read(path, max_pages=30).fidelity.counts["pages"] == 30


def test_deeply_nested_objects_do_not_crash_the_reader(tmp_path):
    """100 000 nested arrays in the page's resources: PDFium stops at its own depth limit."""
    nested = b"[" * 100_000 + b"]" * 100_000
    data = pdf_bytes([_TEXT]).replace(b"/XObject << /Im1 3 0 R >>", b"/XObject << /Im1 3 0 R >> /Deep " + nested)
    model = read(_write(tmp_path, "djup.pdf", data))
    assert model.text_units()


def test_scanned_pages_are_listed_as_unreadable(tmp_path):
    model = read(_write(tmp_path, "blandad.pdf", pdf_bytes([_TEXT, _IMAGE, _TEXT, _IMAGE])))
    unreadable = [item for item in model.fidelity.unreadable if item.kind == "scanned_page"]
    assert [item.detail.split()[1] for item in unreadable] == ["2", "4"]
    assert "2 av 4 sidor saknar textlager och kunde inte läsas (sidorna 2, 4)" in model.fidelity.warnings


@pytest.mark.parametrize("name,data,code", [
    ("krypterad.pdf", _encrypted(), UnsupportedFormatError.exit_code),
    ("skannad.pdf", pdf_bytes([_IMAGE]), ImageOnlyPdfError.exit_code),
    ("trasig.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40, CorruptDocumentError.exit_code),
])
def test_cli_exit_code_one_line_and_nothing_written(tmp_path, name, data, code):
    path = _write(tmp_path, name, data)
    report = tmp_path / "rapport.html"
    result = subprocess.run([sys.executable, "-m", "sosfs_check", "check", str(path), "-o", str(report)],
                            capture_output=True, text=True, check=False)  # the exit code is what is asserted
    assert result.returncode == code
    assert result.stderr.startswith("Fel: ") and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not report.exists()
