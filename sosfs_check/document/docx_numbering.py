"""Compute the numbers and bullets Word displays, from numbering.xml.

python-docx does not do this at all; mammoth and docx2python get formats wrong.
We keep one counter vector per list definition (abstractNum) as Word does, honour start values,
startOverride restarts, lower-level restarts, numFmt (decimal, letters, roman, bullet, none) and lvlText.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from sosfs_check.document.ooxml import w, wval

_BULLET_FALLBACK = "•"
# Symbol-font bullets are private-use characters; show a plain bullet instead.
_PRIVATE_USE = range(0xE000, 0xF900)


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    text: str
    legal: bool


def _roman(number: int) -> str:
    pairs = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
             (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for value, letters in pairs:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    # Word repeats the letter after z: a..z, aa..zz, aaa..
    if number <= 0:
        return ""
    letter = chr(ord("a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def format_number(value: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalZero"):
        return f"{value:02d}" if fmt == "decimalZero" and value < 10 else str(value)
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "none":
        return ""
    return str(value)


class Numbering:
    def __init__(self, root: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._num_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        # Word counts per list definition (abstractNum): several w:num on one definition continue each
        # other's numbering, and a w:num with startOverride restarts it the first time it is used.
        self._counters: dict[str, list[int | None]] = {}
        self._pending_restarts: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iter(w("abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(w("lvl")):
                ilvl = int(lvl.get(w("ilvl"), "0"))
                start = wval(lvl, "start")
                levels[ilvl] = Level(
                    start=int(start) if start and start.lstrip("-").isdigit() else 1,
                    fmt=wval(lvl, "numFmt") or "decimal",
                    text=(wval(lvl, "lvlText") or "") if lvl.find(w("lvlText")) is not None else f"%{ilvl + 1}.",
                    legal=lvl.find(w("isLgl")) is not None,
                )
            self._abstract[abstract.get(w("abstractNumId"), "")] = levels
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"), "")
            self._num_abstract[num_id] = wval(num, "abstractNumId") or ""
            overrides = {}
            for override in num.iter(w("lvlOverride")):
                start = wval(override, "startOverride")
                if start and start.isdigit():
                    overrides[int(override.get(w("ilvl"), "0"))] = int(start)
            self._overrides[num_id] = overrides
            self._pending_restarts[num_id] = dict(overrides)

    def levels(self, num_id: str) -> dict[int, Level]:
        return self._abstract.get(self._num_abstract.get(num_id, ""), {})

    def is_bullet(self, num_id: str, ilvl: int) -> bool:
        level = self.levels(num_id).get(ilvl)
        return level is not None and level.fmt == "bullet"

    def next_marker(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (numId, level) and return the marker Word shows, or None if unnumbered."""
        if num_id in ("", "0"):
            return None  # numId 0 removes numbering inherited from the style
        levels = self.levels(num_id)
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(self._num_abstract.get(num_id, ""), [None] * 9)
        level = levels[ilvl]
        restart = self._pending_restarts.get(num_id, {}).pop(ilvl, None)
        if restart is not None:
            counters[ilvl] = restart
        else:
            start = self._overrides.get(num_id, {}).get(ilvl, level.start)
            current = counters[ilvl]
            counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.fmt == "bullet":
            return _bullet(level.text)
        text = level.text
        for index in range(ilvl + 1):
            placeholder = f"%{index + 1}"
            if placeholder not in text:
                continue
            upper = levels.get(index)
            value = counters[index]
            if value is None:
                value = self._overrides.get(num_id, {}).get(index, upper.start if upper else 1)
                counters[index] = value
            fmt = "decimal" if level.legal else (upper.fmt if upper else "decimal")
            text = text.replace(placeholder, format_number(value, fmt))
        return text.strip() or None


def _bullet(text: str) -> str:
    if not text or any(ord(ch) in _PRIVATE_USE for ch in text):
        return _BULLET_FALLBACK
    return text
