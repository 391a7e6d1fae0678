"""What one PDF page holds, as the layout analysis needs it: glyphs with their box, size and weight, the rules
(thin lines that border table cells) and how much of the page images cover.

The only module that reads pages through pypdfium2. Coordinates are turned top-down: `top` grows down the page,
as a reader's eye goes.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from sosfs_check.document.pdf_thresholds import GlyphCues, TableCues, pdf_layout

_SPACES = {0x20, 0xA0, 0x09, 0x2002, 0x2003, 0x2009, 0x202F}
_BREAKS = {0x0A, 0x0D, 0x00}  # line breaks the library adds, nothing
# PDFium's codes for a hyphen that ends a line (one glyph by glyph, the other in a page's text): printed, so a hyphen.
_LINE_END_HYPHENS = {0x02, 0xFFFE}
_FORCE_BOLD = 1 << 18  # font descriptor flag 19
_MAX_PATH_SEGMENTS = 64  # a path with more segments is a drawing, not a border


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    space_before: bool  # a space character stands before it in the file (or a line break the library inferred)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal or vertical line segment: a table border, an underline, a separator."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass
class PageContent:
    number: int  # 1-based, as the reader counts pages
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    image_share: float = 0.0  # of the page area covered by images


@dataclass(frozen=True, slots=True)
class _Style:
    size: float
    bold: bool


def read_page(page: pdfium.PdfPage, number: int) -> PageContent:
    cues = pdf_layout()
    width, height = page.get_size()
    content = PageContent(number=number, width=width, height=height)
    textpage = page.get_textpage()
    try:
        content.glyphs = _glyphs(textpage.raw, height, cues.glyphs)
    finally:
        textpage.close()
    _objects(page, content, cues.tables)
    return content


def _glyphs(textpage: pdfium_c.FPDF_TEXTPAGE, height: float, cues: GlyphCues) -> list[Glyph]:
    glyphs: list[Glyph] = []
    styles: dict[bytes, _Style] = {}
    box = pdfium_c.FS_RECTF()
    space = False
    for index, code in enumerate(_codes(textpage)):
        if code in _SPACES:
            # A space the library inferred from a gap says nothing the gap does not; only a typed one counts.
            space = space or not pdfium_c.FPDFText_IsGenerated(textpage, index)
            continue
        if code in _BREAKS or (code < 0x20 and code not in _LINE_END_HYPHENS):
            space = True  # the words either side of a line break the library inferred are apart
            continue
        if code in _LINE_END_HYPHENS:
            code = ord("-")
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box):
            continue
        text_object = pdfium_c.FPDFText_GetTextObject(textpage, index)
        key = bytes(text_object)  # the pointer's value: glyphs of one text object share its font and size
        style = styles.get(key)
        if style is None:
            style = styles[key] = _style(text_object, textpage, index, cues)
        glyphs.append(Glyph(char=chr(code), x0=box.left, x1=box.right, top=height - box.top,
                            bottom=height - box.bottom, size=style.size, bold=style.bold, space_before=space))
        space = False
    return glyphs


def _codes(textpage: pdfium_c.FPDF_TEXTPAGE) -> list[int]:
    """The character code of every glyph index, from one call where the page has no characters outside the
    Basic Multilingual Plane (then a UTF-16 unit is a glyph), one call per glyph otherwise."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    codes = list(buffer)[:count]
    if any(0xD800 <= code <= 0xDFFF for code in codes):
        return [pdfium_c.FPDFText_GetUnicode(textpage, index) for index in range(count)]
    return codes


def _style(text_object: pdfium_c.FPDF_PAGEOBJECT, textpage: pdfium_c.FPDF_TEXTPAGE, index: int,
           cues: GlyphCues) -> _Style:
    """Size in points as printed (the font size scaled by the object's matrix) and whether the font is bold."""
    if not text_object:
        return _Style(size=pdfium_c.FPDFText_GetFontSize(textpage, index), bold=False)
    size = ctypes.c_float()
    pdfium_c.FPDFTextObj_GetFontSize(text_object, size)
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(text_object, matrix)
    scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
    font = pdfium_c.FPDFTextObj_GetFont(text_object)
    bold = pdfium_c.FPDFTextObj_GetTextRenderMode(text_object) == pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE
    if font:
        length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
        buffer = ctypes.create_string_buffer(max(1, length))
        pdfium_c.FPDFFont_GetBaseFontName(font, buffer, length)
        name = buffer.value.decode("latin-1").casefold()
        bold = (bold or any(part in name for part in cues.bold_name_parts)
                or pdfium_c.FPDFFont_GetWeight(font) >= cues.bold_min_weight
                or bool(pdfium_c.FPDFFont_GetFlags(font) & _FORCE_BOLD))
    return _Style(size=round(size.value * scale, 2), bold=bold)


def _objects(page: pdfium.PdfPage, content: PageContent, cues: TableCues) -> None:
    """Rules from thin paths and from the straight sides of stroked ones; the page area images cover."""
    image_area = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE), max_depth=0):
        left, bottom, right, top = obj.get_bounds()
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            width = min(right, content.width) - max(left, 0.0)
            height = min(top, content.height) - max(bottom, 0.0)
            image_area += max(0.0, width) * max(0.0, height)
            continue
        if min(right - left, top - bottom) <= cues.rule_max_thickness < max(right - left, top - bottom):
            content.rules.append(Rule(left, content.height - top, right, content.height - bottom))
        else:
            content.rules.extend(_stroked_sides(obj.raw, content.height, cues.rule_max_thickness))
    content.image_share = min(1.0, image_area / max(1.0, content.width * content.height))


def _stroked_sides(path: pdfium_c.FPDF_PAGEOBJECT, height: float, thickness: float) -> list[Rule]:
    """The horizontal and vertical sides of a stroked path (a cell drawn as a rectangle), in page coordinates."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    count = pdfium_c.FPDFPath_CountSegments(path)
    if not pdfium_c.FPDFPath_GetDrawMode(path, fill, stroke) or not stroke.value or not 0 < count <= _MAX_PATH_SEGMENTS:
        return []
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(path, matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    rules: list[Rule] = []
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (matrix.a * x.value + matrix.c * y.value + matrix.e,
                 matrix.b * x.value + matrix.d * y.value + matrix.f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not points:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            _add_side(rules, points[-1], point, height, thickness)
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_side(rules, point, start, height, thickness)
        points.append(point)
    return rules


def _add_side(rules: list[Rule], a: tuple[float, float], b: tuple[float, float], height: float,
              thickness: float) -> None:
    left, right = sorted((a[0], b[0]))
    low, high = sorted((a[1], b[1]))
    if min(right - left, high - low) <= thickness < max(right - left, high - low):
        rules.append(Rule(left, height - high, right, height - low))
