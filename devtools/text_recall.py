"""Measure how much of a .docx's visible body text the reader returns, and how much else it returns.

The reference is computed independently of the reader, straight from word/document.xml: every w:t
that is not inside a deletion, a moved-from range, the fallback branch of mc:AlternateContent, a run
formatted as hidden (w:vanish), or a table-of-contents field or paragraph. Headers and footers live in other parts and are never counted.
Both sides are compared as multisets of word tokens, so order and whitespace do not matter but a text
read twice lowers precision.

Usage: .venv/bin/python -m devtools.text_recall corpus/*.docx corpus/variants/*.docx
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from sosfs_check.document.ooxml import NS, w

_TOKEN = re.compile(r"\w+", re.UNICODE)
_HIDDEN = {w("del"), w("moveFrom"), f"{{{NS['mc']}}}Fallback"}


@dataclass(frozen=True)
class Recall:
    name: str
    reference_tokens: int
    read_tokens: int
    recall: float
    precision: float


def _reference_texts(root: etree._Element) -> list[str]:
    texts: list[str] = []
    in_toc_field = False
    for paragraph in root.iter(w("p")):
        if any(ancestor.tag in _HIDDEN for ancestor in paragraph.iterancestors()):
            continue
        instructions = " ".join(i.text or "" for i in paragraph.iter(w("instrText")))
        starts_toc = "TOC" in instructions.split()
        ends_field = any(f.get(w("fldCharType")) == "end" for f in paragraph.iter(w("fldChar")))
        in_toc_field = in_toc_field or starts_toc
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        toc_style = style is not None and style.get(w("val"), "").upper().startswith("TOC")
        if not in_toc_field and not toc_style:
            texts.append("".join(t.text or "" for t in paragraph.iter(w("t")) if _visible_in(t, paragraph)))
        if ends_field and not starts_toc:
            in_toc_field = False
    return texts


def _visible_in(text: etree._Element, paragraph: etree._Element) -> bool:
    """Not deleted, not a fallback copy, and not in a paragraph nested inside this one (text boxes)."""
    for ancestor in text.iterancestors():
        if ancestor is paragraph:
            return True
        if ancestor.tag in _HIDDEN or ancestor.tag == w("p"):
            return False
        if ancestor.tag == w("r") and ancestor.find(f"{w('rPr')}/{w('vanish')}") is not None:
            return False
    return False


def tokens(texts: list[str]) -> Counter[str]:
    return Counter(token.lower() for text in texts for token in _TOKEN.findall(text))


def reference_tokens(path: Path) -> Counter[str]:
    """Word tokens of the visible body text of a .docx, as defined in this module's docstring."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return tokens(_reference_texts(root))


def compare(reference: Counter[str], found: Counter[str]) -> tuple[float, float]:
    """(recall, precision) of found tokens against the reference multiset."""
    overlap = sum((reference & found).values())
    return overlap / max(1, sum(reference.values())), overlap / max(1, sum(found.values()))


def model_texts(model) -> list[str]:
    """The texts a DocumentModel holds, comparable with the reference: headings, then every passage.
    A heading's typed number is w:t text; a number from Word's automatic numbering is not."""
    texts = [s.title if s.number_source == "text" else s.heading for s in model.walk_sections() if s.level > 0]
    return texts + [unit.text for unit in model.text_units()]


def measure(path: Path) -> Recall:
    from sosfs_check.document.reader import read

    reference = reference_tokens(path)
    found = tokens(model_texts(read(path)))
    recall, precision = compare(reference, found)
    return Recall(name=path.name, reference_tokens=sum(reference.values()), read_tokens=sum(found.values()),
                  recall=recall, precision=precision)


def main(paths: list[str]) -> None:
    print(f"{'dokument':55} {'ref':>7} {'läst':>7} {'recall':>8} {'precision':>9}")
    for path in paths:
        r = measure(Path(path))
        print(f"{r.name:55} {r.reference_tokens:7d} {r.read_tokens:7d} {r.recall:8.4f} {r.precision:9.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
