"""Paragraph styles: resolve heading levels through names, localised ids, basedOn chains and outline levels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from sosfs_check.document.data_files import DataModel, load_data
from sosfs_check.document.ooxml import prop_on, properties, w, wval


class _StyleNames(DataModel):
    heading_names: tuple[str, ...]
    toc_names: tuple[str, ...]


@lru_cache(maxsize=1)
def _name_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Built-in heading and table-of-contents style names (data/word_styles.yaml) as patterns over a style's
    id or name: "Heading 1", "heading1", "Rubrik 1", "TOC 2", "TOC Heading"."""
    names = load_data("word_styles.yaml", _StyleNames)

    def alternation(words: tuple[str, ...]) -> str:
        return "|".join(r"\s*".join(map(re.escape, word.split())) for word in words)

    return (re.compile(rf"^({alternation(names.heading_names)})\s*([1-9])$", re.IGNORECASE),
            re.compile(rf"^({alternation(names.toc_names)})\s*\d*$", re.IGNORECASE))


@dataclass(frozen=True)
class StyleInfo:
    style_id: str
    name: str
    based_on: str | None
    outline_level: int | None
    num_id: str | None
    num_level: int | None
    bold: bool | None
    size_half_points: int | None


@dataclass(frozen=True)
class ResolvedStyle:
    name: str | None
    heading: tuple[int, str] | None
    is_toc: bool
    numbering: tuple[str, int] | None
    bold: bool
    size: int | None


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, StyleInfo] = {}
        self._resolved: dict[str | None, ResolvedStyle] = {}
        self.default_paragraph_style: str | None = None
        self.default_size: int | None = None
        if root is None:
            return
        defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        size = wval(defaults, "sz")
        self.default_size = int(size) if size and size.isdigit() else None
        for style in root.iter(w("style")):
            if style.get(w("type")) != "paragraph":
                continue
            style_id = style.get(w("styleId")) or ""
            ppr = style.find(w("pPr"))
            rpr = style.find(w("rPr"))
            numpr = ppr.find(w("numPr")) if ppr is not None else None
            outline = wval(ppr, "outlineLvl")
            ilvl = wval(numpr, "ilvl")
            sz = wval(rpr, "sz")
            self._styles[style_id] = StyleInfo(
                style_id=style_id,
                name=wval(style, "name") or style_id,
                based_on=wval(style, "basedOn"),
                outline_level=int(outline) if outline and outline.isdigit() else None,
                num_id=wval(numpr, "numId"),
                num_level=int(ilvl) if ilvl and ilvl.isdigit() else None,
                bold=prop_on(properties(rpr), "b"),
                size_half_points=int(sz) if sz and sz.isdigit() else None,
            )
            if style.get(w("default")) in ("1", "true"):
                self.default_paragraph_style = style_id

    def resolve(self, style_id: str | None) -> ResolvedStyle:
        """Everything the body walker asks of a paragraph style, through its basedOn chain, once per style."""
        cached = self._resolved.get(style_id)
        if cached is None:
            chain = self._chain(style_id)
            toc_name = _name_patterns()[1]
            cached = self._resolved[style_id] = ResolvedStyle(
                name=chain[0].name if chain else style_id,
                heading=_heading(chain),
                is_toc=any(toc_name.match(info.name) or toc_name.match(info.style_id) for info in chain),
                numbering=next(((info.num_id, info.num_level or 0) for info in chain if info.num_id is not None), None),
                bold=next((info.bold for info in chain if info.bold is not None), False),
                size=next((info.size_half_points for info in chain if info.size_half_points), None)
                or self.default_size,
            )
        return cached

    def _chain(self, style_id: str | None) -> list[StyleInfo]:
        chain, seen, current = [], set(), style_id
        while current and current in self._styles and current not in seen:
            seen.add(current)
            info = self._styles[current]
            chain.append(info)
            current = info.based_on
        return chain


def _heading(chain: list[StyleInfo]) -> tuple[int, str] | None:
    """(level, signal) from the style or the first ancestor that is a heading or has an outline level."""
    for info in chain:
        for candidate in (info.style_id, info.name):
            match = _name_patterns()[0].match(candidate.replace("_", " ").strip())
            if match:
                return int(match.group(2)), "style"
        if info.outline_level is not None and info.outline_level < 9:
            return info.outline_level + 1, "outline_level"
    return None
