"""WordprocessingML namespaces and small element helpers shared by the .docx reader modules."""

from __future__ import annotations

from functools import cache

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


@cache
def w(tag: str) -> str:
    """Clark name of a w: element or attribute."""
    return f"{{{W_NS}}}{tag}"


_W_VAL = f"{{{W_NS}}}val"
_LOCAL_NAMES: dict[object, str] = {}


def local(element: etree._Element) -> str:
    """Local name of an element; comments and processing instructions give ''. Memoised: the reader asks
    this for every element of the body, and a document uses only a few dozen distinct tags."""
    tag = element.tag
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = _LOCAL_NAMES[tag] = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
    return name


def wval(element: etree._Element | None, child: str, attr: str = "val") -> str | None:
    """The w:val (or other attribute) of a direct w:child, or None."""
    if element is None:
        return None
    found = element.find(w(child))
    return None if found is None else found.get(w(attr))


def properties(element: etree._Element | None) -> dict[str, etree._Element]:
    """Direct children by local name (first wins): one pass over a w:pPr/w:rPr instead of a find() per
    property, which matters on the hot path of the body walk."""
    if element is None:
        return {}
    found: dict[str, etree._Element] = {}
    for child in element:
        found.setdefault(local(child), child)
    return found


def prop_val(props: dict[str, etree._Element], name: str) -> str | None:
    """w:val of the property `name` from a properties() dict."""
    element = props.get(name)
    return None if element is None else element.get(_W_VAL)


def prop_on(props: dict[str, etree._Element], name: str) -> bool | None:
    """A toggle property from a properties() dict: None when absent, False for val=0/false/off."""
    element = props.get(name)
    if element is None:
        return None
    return element.get(_W_VAL, "true").lower() not in ("0", "false", "off")
