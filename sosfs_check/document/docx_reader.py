"""Read a .docx into raw blocks: package parts, styles, numbering, foot- and endnotes, diagrams and the body."""

from __future__ import annotations

import re

from sosfs_check.document.container import DocxPackage
from sosfs_check.document.docx_body import BodyWalker
from sosfs_check.document.docx_numbering import Numbering
from sosfs_check.document.docx_styles import Styles
from sosfs_check.document.model import CoreProperties
from sosfs_check.document.ooxml import NS, w
from sosfs_check.document.raw import RawNote, RawParagraph, RawTable
from sosfs_check.errors import CorruptDocumentError

_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _notes(package: DocxPackage) -> dict[tuple[str, str], str]:
    """Footnote and endnote texts by (kind, id); separators are layout, not notes."""
    notes = {}
    for kind in ("footnote", "endnote"):
        root = package.xml(f"word/{kind}s.xml")
        if root is None:
            continue
        for note in root.iter(w(kind)):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join("".join(t.text or "" for t in p.iter(w("t"))) for p in note.iter(w("p")))
            notes[(kind, note.get(w("id")) or "")] = " ".join(text.split())
    return notes


def _relationships(package: DocxPackage) -> dict[str, str]:
    root = package.xml("word/_rels/document.xml.rels")
    if root is None:
        return {}
    return {rel.get("Id", ""): rel.get("Target", "") for rel in root.iter(f"{_REL_NS}Relationship")}


def _diagram_texts(package: DocxPackage, relationships: dict[str, str]) -> dict[str, list[str]]:
    texts = {}
    for rel_id, target in relationships.items():
        if "diagrams/data" not in target:
            continue
        root = package.xml("word/" + target.lstrip("/").removeprefix("word/"))
        if root is None:
            continue
        found = [" ".join("".join(t.text or "" for t in p.iter(f"{{{NS['a']}}}t")).split())
                 for p in root.iter(f"{{{NS['a']}}}p")]
        texts[rel_id] = [text for text in found if text]
    return texts


def _properties(package: DocxPackage) -> CoreProperties:
    root = package.xml("docProps/core.xml")
    if root is None:
        return CoreProperties()

    def text(path: str) -> str | None:
        found = root.find(path, NS)
        return found.text.strip() if found is not None and found.text and found.text.strip() else None

    return CoreProperties(title=text("dc:title"), author=text("dc:creator"), modified=text("dcterms:modified"))


def _margin_notes(package: DocxPackage) -> list[RawNote]:
    """Headers, footers and comments are not body text: report them, never mix them in."""
    notes = []
    for name in sorted(package.names):
        match = re.fullmatch(r"word/(header|footer)\d*\.xml", name)
        if match:
            root = package.xml(name)
            text = " ".join(" ".join(root.itertext()).split()) if root is not None else ""
            if text:
                kind = match.group(1)
                label = "sidhuvud" if kind == "header" else "sidfot"
                notes.append(RawNote(bucket="excluded", kind=kind, detail=f"{label}: {text}", at_block=-1))
    comments = package.xml("word/comments.xml")
    if comments is not None:
        for comment in comments.iter(w("comment")):
            text = " ".join(" ".join(comment.itertext()).split())
            author = comment.get(w("author")) or "okänd"
            notes.append(RawNote(bucket="excluded", kind="comment", detail=f"kommentar av {author}: {text}",
                                 at_block=-1))
    return notes


def read_docx_blocks(package: DocxPackage) -> tuple[list[RawParagraph | RawTable], BodyWalker, CoreProperties]:
    document = package.xml("word/document.xml")
    body = document.find(w("body")) if document is not None else None
    if body is None:
        raise CorruptDocumentError("word/document.xml saknar dokumentkropp (w:body)", package.path)
    walker = BodyWalker(
        styles=Styles(package.xml("word/styles.xml")),
        numbering=Numbering(package.xml("word/numbering.xml")),
        notes=_notes(package),
        diagram_texts=_diagram_texts(package, _relationships(package)),
    )
    blocks = walker.walk_body(body)
    walker.notes[:0] = _margin_notes(package)
    return blocks, walker, _properties(package)

