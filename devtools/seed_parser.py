"""Rebuild the structure of a seed text export (headings, paragraphs, lists, tables) from its hand-checked spec.

The exports lost Word's structure: paragraphs are hard-wrapped, bullets are characters, tables are
listed column by column. The spec in corpus/sources/NNN.yaml says what the generic rules cannot know.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from devtools.docx_factory import Heading, Item, Outline, Para, TableNode

_NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(?P<text>[A-ZÅÄÖ].{0,100})$")
_BULLET = re.compile(r"^(?P<marker>[●•▪◦\-–\uf0b7\uf0a7*])\s*(?P<text>\S.*)$")
_NUMBERED_ITEM = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?P<text>\S.*)$")
_CONTINUES = re.compile(r"(\boch|\bsamt|,|-)$")


def _follows(previous: list[int], number: list[int]) -> bool:
    """A heading number must be the next sibling, first child or an ancestor's next sibling."""
    if not previous:
        return number == [1] or len(number) == 1
    if number == [*previous, 1]:
        return True
    for depth in range(len(previous), 0, -1):
        if number == [*previous[:depth - 1], previous[depth - 1] + 1]:
            return True
    return False


def parse_seed(seed_path: Path, spec: dict) -> Outline:
    noise = [re.compile(pattern) for pattern in spec.get("noise", [])]
    raw_lines = [raw for raw in seed_path.read_text(encoding="utf-8").splitlines()
                 if not any(p.search(raw.strip()) for p in noise)]
    lines = [raw.strip() for raw in raw_lines]
    # Some exports drop the bullet glyph and keep only the single space that followed it.
    space_bullets = bool(spec.get("space_bullets"))
    extra = {h["text"]: h["level"] for h in spec.get("extra_headings", [])}
    not_headings = tuple(spec.get("not_headings", []))
    tables = {t["heading"]: t for t in spec.get("tables", [])}

    outline = Outline(title=spec["title"], footer=spec.get("footer"))
    previous: list[int] = []
    paragraph: list[str] = []
    item: Item | None = None
    pending_table: dict | None = None
    table_lines: list[str] = []

    def flush() -> None:
        nonlocal item
        if item is not None:
            outline.nodes.append(item)
            item = None
        if paragraph:
            outline.nodes.append(Para(" ".join(paragraph)))
            paragraph.clear()

    def close_table() -> None:
        nonlocal pending_table
        if pending_table is not None:
            outline.nodes.append(_table(pending_table, table_lines))
            pending_table = None
            table_lines.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            continue
        heading = _NUMBERED.match(line)
        if heading and not line.startswith(not_headings):
            number = [int(part) for part in heading.group("number").split(".")]
            text = heading.group("text").strip()
            if _follows(previous, number) and not text.endswith("."):
                while _CONTINUES.search(text) and index < len(lines) and lines[index]:
                    text += " " + lines[index]
                    index += 1
                flush()
                close_table()
                previous = number
                label = heading.group("number")
                outline.nodes.append(Heading(len(number), label, text))
                if label in tables:
                    pending_table = tables[label]
                continue
        if pending_table is not None:
            table_lines.append(line)
            continue
        if line in extra:
            flush()
            outline.nodes.append(Heading(extra[line], None, line))
            continue
        bullet = _BULLET.match(line)
        numbered = _NUMBERED_ITEM.match(line)
        raw = raw_lines[index - 1]
        if space_bullets and not bullet and re.match(r"^ \S", raw) and line not in extra:
            flush()
            item = Item(text=line)
            continue
        if bullet or (numbered and not paragraph):
            flush()
            item = Item(text=(bullet or numbered).group("text").strip(), numbered=bool(numbered and not bullet))
            continue
        if item is not None:
            # The export wraps long bullets; a wrapped tail starts lower-case, or is a short capitalised
            # remainder ("Masterplan") of a bullet that has not ended its sentence.
            short_tail = (len(line.split()) <= 3 and len(item.text.split()) >= 6 and not line.endswith((":", ";"))
                          and not re.search(r"[.:;!?]\d*$", item.text))
            if line[0].islower() or line[0] in "(" or short_tail:
                item.text += " " + line
                continue
            flush()
        paragraph.append(line)
        following = next((candidate for candidate in lines[index:] if candidate), "")
        if line.endswith((".", "!", "?", ":")) and following[:1].isupper():
            flush()
    flush()
    close_table()
    return outline


def _table(spec: dict, lines: list[str]) -> TableNode:
    header_words = set(" ".join(spec["header"]).split())
    body = [line for line in lines if not set(line.split()) <= header_words]
    starts = spec["starts"]
    cells: list[list[str]] = [[] for _ in starts]
    column = -1
    for line in body:
        if column + 1 < len(starts) and line.startswith(starts[column + 1]):
            column += 1
        if column >= 0:
            cells[column].append(line)
    missing = [start for start, cell in zip(starts, cells, strict=False) if not cell]
    if missing:
        raise ValueError(f"table {spec['heading']}: no line starts with {missing}")
    texts = [_rewrap(cell) for cell in cells]
    return TableNode(rows=[list(spec["header"]), texts], header=True)


def _rewrap(lines: list[str]) -> str:
    """Join hard-wrapped lines into paragraphs separated by newlines (one per sentence group or bullet)."""
    out: list[str] = []
    for line in lines:
        starts_new = not out or out[-1].endswith((".", ":")) or line.startswith(("-", "•", "●")) or re.match(r"^\d\.", line)
        if starts_new:
            out.append(line)
        else:
            out[-1] += " " + line
    return "\n".join(out)


def load_spec(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
