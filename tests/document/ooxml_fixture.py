"""Build tiny .docx packages from hand-written WordprocessingML, for features python-docx cannot author.

Each test states the exact XML a real Word file carries for one feature, so the
fixture documents the feature as much as it exercises the reader.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from sosfs_check.document.ooxml import NS

_EXTRA_NS = {
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "o": "urn:schemas-microsoft-com:office:office",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}
NAMESPACES = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in {**NS, **_EXTRA_NS}.items())
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def zip_bytes(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()


def part(root: str, inner: str) -> str:
    """An XML part whose root element declares every namespace the fixtures use."""
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><{root} {NAMESPACES}>{inner}</{root.split()[0]}>'


def paragraph(text: str, style: str | None = None, num: tuple[int, int] | None = None, ppr: str = "") -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f'<w:p><w:pPr>{props}{ppr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def build_docx(path: Path, body: str, *, styles: str = "", numbering: str = "", footnotes: str = "",
               comments: str = "", parts: dict[str, str] | None = None,
               relationships: dict[str, tuple[str, str]] | None = None) -> Path:
    """Write a .docx whose body is `body`; optional parts are given as their inner XML."""
    files: dict[str, bytes | str] = {"word/document.xml": part("w:document", f"<w:body>{body}</w:body>")}
    rels = dict(relationships or {})
    optional = {"styles": ("w:styles", styles), "numbering": ("w:numbering", numbering),
                "footnotes": ("w:footnotes", footnotes), "comments": ("w:comments", comments)}
    for kind, (root, inner) in optional.items():
        if inner:
            files[f"word/{kind}.xml"] = part(root, inner)
            rels.setdefault(f"rId{kind}", (kind, f"{kind}.xml"))
    files.update(parts or {})
    files["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{rel_id}" Type="{_REL_TYPE}{kind}" Target="{target}"/>'
                  for rel_id, (kind, target) in rels.items())
        + "</Relationships>"
    )
    path.write_bytes(zip_bytes(files))
    return path
