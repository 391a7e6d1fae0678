"""Open a .docx package safely: identify the file, guard against zip bombs and hostile XML.

Nothing here interprets WordprocessingML; it only hands out parsed XML parts.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from sosfs_check.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    UnsafeXmlError,
    UnsupportedFormatError,
)

DEFAULT_MAX_XML_BYTES = 200 * 1024 * 1024
"""Default ceiling for the uncompressed size of all XML parts together (media files are not counted)."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_FOREIGN_MAGIC = {
    b"%PDF": "en PDF-fil",
    b"\x89PNG": "en PNG-bild",
    b"\xff\xd8\xff": "en JPEG-bild",
    b"GIF8": "en GIF-bild",
    b"{\\rtf": "en RTF-fil",
}
_FOREIGN_PACKAGES = {
    "xl/workbook.xml": "en Excel-fil (.xlsx)",
    "ppt/presentation.xml": "en PowerPoint-fil (.pptx)",
    "content.xml": "en OpenDocument-fil",
}


def _parser() -> etree.XMLParser:
    # Entities are never resolved, DTDs never loaded, nothing fetched from the network.
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
                           remove_blank_text=False)


def sniff_ole(data: bytes, path: Path) -> None:
    """Raise the right error for an OLE compound file: encrypted .docx or legacy .doc."""
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        raise UnsupportedFormatError("dokumentet är lösenordsskyddat (krypterat); spara en kopia utan lösenord", path)
    raise UnsupportedFormatError(
        "filen är ett äldre Word-dokument (.doc); öppna den i Word och spara som .docx", path
    )


@dataclass
class DocxPackage:
    """The parts of an opened .docx, with XML parsed on demand under a byte budget."""

    path: Path
    archive: zipfile.ZipFile
    max_xml_bytes: int
    names: set[str] = field(default_factory=set)
    _spent: int = 0
    _cache: dict[str, etree._Element | None] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return name in self.names

    def xml(self, name: str) -> etree._Element | None:
        """Parse one XML part; None if it does not exist."""
        if name in self._cache:
            return self._cache[name]
        if name not in self.names:
            self._cache[name] = None
            return None
        budget = self.max_xml_bytes - self._spent
        try:
            with self.archive.open(name) as handle:
                data = handle.read(budget + 1)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise CorruptDocumentError(f"delen {name} kan inte packas upp ({exc})", self.path) from exc
        except NotImplementedError as exc:
            raise CorruptDocumentError(f"delen {name} använder en komprimering som inte stöds", self.path) from exc
        if len(data) > budget:
            limit_mb = self.max_xml_bytes // (1024 * 1024)
            raise DocumentTooLargeError(
                f"XML-innehållet är större än gränsen {limit_mb} MB uppackat (möjlig zip-bomb); "
                "höj gränsen med --max-xml-mb om filen är legitim",
                self.path,
            )
        self._spent += len(data)
        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            if b"<!DOCTYPE" in data[:65536].upper():
                raise UnsafeXmlError(f"delen {name} innehåller DOCTYPE/entiteter, som aldrig tolkas", self.path) from exc
            raise CorruptDocumentError(f"delen {name} är inte giltig XML ({exc})", self.path) from exc
        # A DOCTYPE has no place in OOXML; its presence means entity tricks, which we refuse outright.
        if root.getroottree().docinfo.doctype:
            raise UnsafeXmlError(f"delen {name} innehåller DOCTYPE/entiteter, som aldrig tolkas", self.path)
        self._cache[name] = root
        return root

    def close(self) -> None:
        self.archive.close()


def open_docx(path: Path, data: bytes, max_xml_bytes: int = DEFAULT_MAX_XML_BYTES) -> DocxPackage:
    """Identify and open a .docx from its bytes (read once by the caller), raising a typed error for anything
    else; `path` names the file in messages."""
    head = data[:8]
    if not head:
        raise EmptyDocumentError("filen är tom (0 byte)", path)
    if head.startswith(OLE_MAGIC):
        sniff_ole(data, path)
    for magic, what in _FOREIGN_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormatError(f"filen är {what}, inte ett Word-dokument (.docx)", path)
    if not head.startswith(ZIP_MAGIC) and not head.startswith(b"PK"):
        raise UnsupportedFormatError("filen är inte ett Word-dokument (.docx)", path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise CorruptDocumentError("filen är en skadad eller avkortad zip-fil och kan inte öppnas", path) from exc
    if "word/document.xml" not in names:
        archive.close()
        for part, what in _FOREIGN_PACKAGES.items():
            if part in names:
                raise UnsupportedFormatError(f"filen är {what}, inte ett Word-dokument (.docx)", path)
        raise CorruptDocumentError("zip-filen saknar word/document.xml och är inget Word-dokument", path)
    declared = sum(info.file_size for info in archive.infolist() if info.filename.endswith((".xml", ".rels")))
    if declared > max_xml_bytes:
        archive.close()
        limit_mb = max_xml_bytes // (1024 * 1024)
        raise DocumentTooLargeError(
            f"XML-innehållet är {declared // (1024 * 1024)} MB uppackat, över gränsen {limit_mb} MB "
            "(möjlig zip-bomb); höj gränsen med --max-xml-mb om filen är legitim",
            path,
        )
    return DocxPackage(path=path, archive=archive, max_xml_bytes=max_xml_bytes, names=names)
