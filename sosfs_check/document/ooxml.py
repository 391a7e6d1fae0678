"""WordprocessingML namespaces and small element helpers shared by the .docx reader modules."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W_NS,
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}


def w(tag: str) -> str:
    """Clark name of a w: element or attribute."""
    return f"{{{W_NS}}}{tag}"


def local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def wval(element: etree._Element | None, child: str, attr: str = "val") -> str | None:
    """The w:val (or other attribute) of a direct w:child, or None."""
    if element is None:
        return None
    found = element.find(w(child))
    return None if found is None else found.get(w(attr))


def on_off(element: etree._Element | None, child: str) -> bool | None:
    """Read a toggle property like w:b: None when absent, False for val=0/false/off."""
    if element is None:
        return None
    found = element.find(w(child))
    if found is None:
        return None
    return found.get(w("val"), "true").lower() not in ("0", "false", "off")
