"""Bad and hostile input: one typed error with a Swedish message, a documented exit code, no traceback."""

import subprocess
import sys
import zipfile

import pytest

from sosfs_check.document.reader import read
from sosfs_check.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    InputNotFoundError,
    UnsafeXmlError,
    UnsupportedFormatError,
)
from tests.document.ooxml_fixture import zip_bytes

_DOC_XML = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>')


def _ole(extra: bytes) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + extra


CASES = [
    ("pdf", b"%PDF-1.7\n...", UnsupportedFormatError, "PDF"),
    ("png", b"\x89PNG\r\n\x1a\n....", UnsupportedFormatError, "PNG"),
    ("xlsx", zip_bytes({"xl/workbook.xml": b"<x/>"}), UnsupportedFormatError, "Excel"),
    ("legacy-doc", _ole(b"WordDocument".decode().encode("utf-16-le")), UnsupportedFormatError, ".doc"),
    ("encrypted", _ole("EncryptionInfo".encode("utf-16-le")), UnsupportedFormatError, "lösenordsskyddat"),
    ("truncated", zip_bytes({"word/document.xml": _DOC_XML.format(text="x").encode()})[:40], CorruptDocumentError, "skadad"),
    ("no-document-xml", zip_bytes({"word/other.xml": b"<x/>"}), CorruptDocumentError, "word/document.xml"),
    ("empty", b"", EmptyDocumentError, "tom"),
    ("no-text", zip_bytes({"word/document.xml": _DOC_XML.format(text="").encode()}), EmptyDocumentError, "ingen text"),
    ("doctype", zip_bytes({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
                      + _DOC_XML.format(text="&a;").split("?>", 1)[1].encode()}), UnsafeXmlError, "DOCTYPE"),
    ("bad-xml", zip_bytes({"word/document.xml": b"<w:document><unclosed>"}), CorruptDocumentError, "XML"),
]


@pytest.mark.parametrize("name,data,error,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_raises_typed_swedish_error(tmp_path, name, data, error, words):
    path = tmp_path / f"{name}.docx"
    path.write_bytes(data)
    with pytest.raises(error) as info:
        read(path)
    assert words in info.value.user_message()
    assert str(path) in info.value.user_message()


def test_zip_bomb_is_refused_and_limit_can_be_raised(tmp_path):
    text = "kvalitet " * 200_000  # 1.8 MB of XML that compresses to a few kB
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bytes({"word/document.xml": _DOC_XML.format(text=text).encode()}))
    with pytest.raises(DocumentTooLargeError):
        read(path, max_xml_bytes=1024 * 1024)
    assert read(path, max_xml_bytes=4 * 1024 * 1024).text_units()


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(InputNotFoundError):
        read(tmp_path / "nope.docx")
    with pytest.raises(InputNotFoundError):
        read(tmp_path)


def test_cli_exit_code_and_no_traceback(tmp_path):
    path = tmp_path / "fil.docx"
    path.write_bytes(b"%PDF-1.4")
    # check=False: the non-zero exit code is what the test asserts.
    result = subprocess.run([sys.executable, "-m", "sosfs_check", "read", str(path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == UnsupportedFormatError.exit_code
    assert result.stderr.startswith("Fel: ") and "Traceback" not in result.stderr


def test_large_legitimate_document_with_big_media_is_read(tmp_path):
    """Media do not count against the XML limit: a 40 MB embedded image is no zip bomb."""
    path = tmp_path / "stor.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", _DOC_XML.format(text="Ledningssystem med stor bild."),
                         compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("word/media/image1.png", b"\x89PNG" + bytes(40 * 1024 * 1024),
                         compress_type=zipfile.ZIP_STORED)
    model = read(path, max_xml_bytes=1024 * 1024)
    assert [unit.text for unit in model.text_units()] == ["Ledningssystem med stor bild."]
