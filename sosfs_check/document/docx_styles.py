"""Paragraph styles: resolve heading levels through names, localised ids, basedOn chains and outline levels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from sosfs_check.document.ooxml import on_off, w, wval

# Built-in heading styles in the languages municipal Word installations use. Matched on id and on name,
# case- and space-insensitively: "Heading 1", "heading1", "Rubrik 1", "Rubrik1", "Überschrift 1".
_HEADING_NAME = re.compile(r"^(heading|rubrik|overskrift|otsikko|überschrift|titre)\s*([1-9])$", re.IGNORECASE)
_TOC_NAME = re.compile(r"^(toc|innehållsförteckning|innehåll)\s*\d*$|^toc\s?heading$", re.IGNORECASE)
_TITLE_NAME = re.compile(r"^(title|rubrik|titel)$", re.IGNORECASE)


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


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, StyleInfo] = {}
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
                bold=on_off(rpr, "b"),
                size_half_points=int(sz) if sz and sz.isdigit() else None,
            )
            if style.get(w("default")) in ("1", "true"):
                self.default_paragraph_style = style_id

    def _chain(self, style_id: str | None) -> list[StyleInfo]:
        chain, seen = [], set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            info = self._styles[style_id]
            chain.append(info)
            style_id = info.based_on
        return chain

    def name(self, style_id: str | None) -> str | None:
        info = self._styles.get(style_id or "")
        return info.name if info else style_id

    def heading_level(self, style_id: str | None) -> tuple[int, str] | None:
        """(level, signal) from the style or the first ancestor that is a heading or has an outline level."""
        for info in self._chain(style_id):
            for candidate in (info.style_id, info.name):
                match = _HEADING_NAME.match(candidate.replace("_", " ").strip())
                if match:
                    return int(match.group(2)), "style"
            if info.outline_level is not None and info.outline_level < 9:
                return info.outline_level + 1, "outline_level"
        return None

    def is_toc(self, style_id: str | None) -> bool:
        return any(_TOC_NAME.match(info.name) or _TOC_NAME.match(info.style_id) for info in self._chain(style_id))

    def is_title(self, style_id: str | None) -> bool:
        return any(_TITLE_NAME.match(info.name) or info.style_id.lower() == "title" for info in self._chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        """(numId, level) of numbering linked to the style, inherited through basedOn."""
        for info in self._chain(style_id):
            if info.num_id is not None:
                return info.num_id, info.num_level or 0
        return None

    def bold(self, style_id: str | None) -> bool:
        return next((info.bold for info in self._chain(style_id) if info.bold is not None), False)

    def size(self, style_id: str | None) -> int | None:
        found = next((info.size_half_points for info in self._chain(style_id) if info.size_half_points), None)
        return found or self.default_size
