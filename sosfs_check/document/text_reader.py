"""Read plain text and Markdown: decode safely, rebuild paragraphs, lists and numbered headings."""

from __future__ import annotations

import codecs
import re

from sosfs_check.document.headings import detect_headings, split_typed_number
from sosfs_check.document.raw import RawParagraph

_BULLET = re.compile(r"^\s*(?P<marker>[●•▪◦○■□➢►\-\*–\uf0b7\uf0a7]|\d{1,2}\)|[a-z]\))\s+(?P<text>\S.*)$")
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Text and warnings. UTF-8 (BOM or not) and UTF-16 with BOM; otherwise cp1252, announced."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), [
            "Filen är inte UTF-8; den lästes som Windows-1252 (latin-1). Kontrollera å, ä och ö i citaten."
        ]


def text_blocks(text: str, markdown: bool) -> list[RawParagraph]:
    blocks: list[RawParagraph] = []
    current: list[str] = []
    current_item: RawParagraph | None = None

    def flush() -> None:
        nonlocal current_item
        if current_item is not None:
            current_item.text = " ".join(current_item.text.split())
            blocks.append(current_item)
            current_item = None
        if current:
            blocks.append(RawParagraph(text=" ".join(" ".join(current).split())))
            current.clear()

    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw_line.strip()
        if not line:
            flush()
            continue
        heading = _MD_HEADING.match(line) if markdown else None
        if heading:
            flush()
            typed = split_typed_number(heading.group("text"))
            number, title = typed if typed else (None, heading.group("text"))
            blocks.append(RawParagraph(text=title, heading_level=len(heading.group("hashes")),
                                       heading_signal="style", number=number,
                                       number_source="text" if number else None))
            continue
        bullet = _BULLET.match(raw_line)
        if bullet:
            flush()
            current_item = RawParagraph(text=bullet.group("text"), list_level=0, marker=bullet.group("marker"))
            continue
        if not current and current_item is None and split_typed_number(line):
            flush()
            blocks.append(RawParagraph(text=line))
            continue
        if current_item is not None:
            current_item.text += " " + line
        else:
            current.append(line)
    flush()
    detect_headings(blocks, formatting_known=False)  # type: ignore[arg-type]
    return blocks
