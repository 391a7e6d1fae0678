"""Walk word/document.xml in reading order and emit raw paragraphs and tables.

Handles what naive readers lose (see shared/style/docx-reading.md): content
controls in all five places, text boxes (DrawingML and VML, one branch of
mc:AlternateContent), tracked changes (insertions kept, deletions and
moved-from text dropped and reported), fields (result kept, TOC excluded),
merged cells once with their span, nested tables, foot- and endnotes, image alt
text and SmartArt text; hidden text (w:vanish) left out and reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from lxml import etree

from sosfs_check.document.docx_numbering import Numbering
from sosfs_check.document.docx_styles import Styles
from sosfs_check.document.ooxml import NS, local, prop_on, prop_val, properties, w, wval
from sosfs_check.document.raw import RawCell, RawNote, RawParagraph, RawTable

_CONTAINERS = {"ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir"}
_SKIPPED = {"del", "moveFrom", "pPr", "rPr", "instrText", "delText", "delInstrText", "commentReference"}
_RUN, _RUN_PROPERTIES, _TEXT, _PARAGRAPH_PROPERTIES = w("r"), w("rPr"), w("t"), w("pPr")
_CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_DIAGRAM_URI = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class _ParagraphText:
    """Accumulates the visible text of one paragraph and the objects found in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.note_refs: list[tuple[str, str]] = []  # ("footnote" | "endnote", id) in reading order
        self.hidden: list[str] = []  # text of runs formatted as hidden
        self.attached: list[etree._Element] = []  # text boxes and drawings, handled after the paragraph
        self.toc = False
        self.bold_chars = 0
        self.plain_chars = 0
        self.max_size: int | None = None


class BodyWalker:
    def __init__(self, styles: Styles, numbering: Numbering, notes: dict[tuple[str, str], str],
                 diagram_texts: dict[str, list[str]]) -> None:
        self.styles = styles
        self.numbering = numbering
        self.notes_text = notes
        self.diagram_texts = diagram_texts
        self.blocks: list[RawParagraph | RawTable] = []
        self.notes: list[RawNote] = []
        self.counts: Counter[str] = Counter()
        # Complex fields span runs and paragraphs: one [is_toc, in_code] entry per open field.
        self._fields: list[list[bool]] = []

    # ---- notes -------------------------------------------------------------------------------
    def _note(self, bucket: str, kind: str, detail: str) -> None:
        self.notes.append(RawNote(bucket=bucket, kind=kind, detail=detail[:200], at_block=len(self.blocks)))

    # ---- block level -------------------------------------------------------------------------
    def walk_body(self, body: etree._Element) -> list[RawParagraph | RawTable]:
        self.blocks = []
        self._walk_blocks(body, self.blocks)
        return self.blocks

    def _walk_blocks(self, parent: etree._Element, out: list[RawParagraph | RawTable]) -> None:
        for child in parent:
            name = local(child)
            if name == "p":
                out.extend(self._paragraph(child))
            elif name == "tbl":
                out.append(self._table(child))
            elif name == "sdt":
                self._block_sdt(child, out)
            elif name in ("customXml", "ins", "moveTo"):
                self._walk_blocks(child, out)
            elif name in ("del", "moveFrom"):
                self._dropped_revision(child)
            elif name == "AlternateContent":
                choice = child.find("mc:Choice", NS)
                if choice is not None:
                    self._walk_blocks(choice, out)

    def _block_sdt(self, sdt: etree._Element, out: list[RawParagraph | RawTable]) -> None:
        self.counts["content_controls"] += 1
        gallery = sdt.find("w:sdtPr/w:docPartObj/w:docPartGallery", NS)
        content = sdt.find(w("sdtContent"))
        if content is None:
            return
        if gallery is not None and "table of contents" in (gallery.get(w("val")) or "").lower():
            text = " ".join(t for t in content.itertext()).strip()
            self.counts["toc_paragraphs"] += len(content.findall(".//w:p", NS))
            self._note("excluded", "toc", f"innehållsförteckning ({len(text)} tecken): {text[:120]}")
            return
        self._walk_blocks(content, out)

    def _dropped_revision(self, element: etree._Element) -> None:
        text = "".join(t.text or "" for t in element.iter(w("delText"), w("t")))
        if text.strip():
            self.counts["tracked_deletions"] += 1
            self._note("excluded", "deleted_text", f"borttagen text (spårad ändring): {text}")

    # ---- paragraphs --------------------------------------------------------------------------
    def _paragraph(self, p: etree._Element) -> list[RawParagraph | RawTable]:
        ppr = properties(p[0] if len(p) and p[0].tag == _PARAGRAPH_PROPERTIES else None)
        style = self.styles.resolve(prop_val(ppr, "pStyle") or self.styles.default_paragraph_style)
        acc = _ParagraphText()
        acc.toc = any(is_toc for is_toc, _ in self._fields)
        self._collect(p, acc, style.bold)
        text = _normalise("".join(acc.parts))

        if acc.toc or style.is_toc:
            if text:
                self.counts["toc_paragraphs"] += 1
                self._note("excluded", "toc", f"rad i innehållsförteckningen: {text}")
            return []

        paragraph = RawParagraph(text=text, style=style.name)
        paragraph.footnotes = [self.notes_text[ref] for ref in acc.note_refs if self.notes_text.get(ref)]
        for kind, _ in acc.note_refs:
            self.counts[f"{kind}s"] += 1
        if acc.hidden:
            hidden = " ".join(" ".join(acc.hidden).split())
            self.counts["hidden_runs"] += len(acc.hidden)
            self._note("excluded", "hidden_text", f"dold text (formaterad som dold): {hidden}")
        total = acc.bold_chars + acc.plain_chars
        paragraph.bold = total > 0 and acc.bold_chars == total
        paragraph.size_half_points = acc.max_size or style.size

        heading = style.heading
        outline = prop_val(ppr, "outlineLvl")
        if heading is None and outline and outline.isdigit() and int(outline) < 9:
            heading = (int(outline) + 1, "outline_level")
        num = _num_ref(ppr.get("numPr")) or style.numbering
        marker = self.numbering.next_marker(*num) if num else None

        if heading is not None and text:
            paragraph.heading_level, paragraph.heading_signal = heading
            if marker and num and not self.numbering.is_bullet(*num):
                paragraph.number = marker.rstrip(".").strip() or None
                paragraph.number_source = "numbering" if paragraph.number else None
        elif marker is not None and text:
            paragraph.list_level = num[1] if num else 0
            paragraph.marker = marker
            self.counts["list_items"] += 1

        produced: list[RawParagraph | RawTable] = []
        if text or paragraph.footnotes:
            self.counts["paragraphs"] += 1
            produced.append(paragraph)
        for obj in acc.attached:
            produced.extend(self._object(obj))
        return produced

    def _collect(self, element: etree._Element, acc: _ParagraphText, bold: bool) -> None:
        """Gather visible text; `bold` is what a run without its own w:b shows (the paragraph style's)."""
        for child in element:
            # Runs and their text are nearly every element of a body; test them first, by Clark name.
            tag = child.tag
            if tag == _RUN:
                run_bold = bold
                if len(child) and child[0].tag == _RUN_PROPERTIES:
                    rpr = properties(child[0])
                    if prop_on(rpr, "vanish"):
                        # Hidden text is not what a reader of the document sees: leave it out, say so.
                        acc.hidden.append("".join(t.text or "" for t in child.iter(_TEXT)))
                        continue
                    explicit = prop_on(rpr, "b")
                    run_bold = bold if explicit is None else explicit
                    size = prop_val(rpr, "sz")
                    if size and size.isdigit():
                        acc.max_size = max(acc.max_size or 0, int(size))
                self._collect(child, acc, run_bold)
                continue
            if tag == _TEXT:
                if not self._in_field_code():
                    text = child.text or ""
                    acc.parts.append(text)
                    if text.strip():
                        if bold:
                            acc.bold_chars += len(text)
                        else:
                            acc.plain_chars += len(text)
                continue
            name = local(child)
            if name in _SKIPPED:
                if name in ("del", "moveFrom"):
                    self._dropped_revision(child)
            elif name in ("tab", "ptab"):
                acc.parts.append("\t")
            elif name in ("br", "cr"):
                acc.parts.append("\n")
            elif name == "noBreakHyphen":
                acc.parts.append("-")
            elif name == "fldChar":
                self._field_char(child, acc)
            elif name in ("footnoteReference", "endnoteReference"):
                acc.note_refs.append((name.removesuffix("Reference"), child.get(w("id")) or ""))
            elif name in ("drawing", "pict", "object"):
                acc.attached.append(child)
            elif name == "AlternateContent":
                choice = child.find("mc:Choice", NS)
                if choice is not None:
                    self._collect(choice, acc, bold)
            elif name == "sdt":
                self.counts["content_controls"] += 1
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._collect(content, acc, bold)
            elif name in _CONTAINERS:
                if name == "ins":
                    self.counts["tracked_insertions"] += 1
                if name == "fldSimple" and "TOC" in (child.get(w("instr")) or "").upper().split():
                    acc.toc = True
                self._collect(child, acc, bold)

    def _in_field_code(self) -> bool:
        """Between a field's begin and separate: the instruction, never displayed."""
        return any(in_code for _, in_code in self._fields) if self._fields else False

    def _field_char(self, element: etree._Element, acc: _ParagraphText) -> None:
        kind = element.get(w("fldCharType"))
        if kind == "begin":
            # The instruction follows in later runs; peek at the following instrText siblings.
            is_toc = _following_instruction(element).split()[:1] == ["TOC"]
            self._fields.append([is_toc, True])
            acc.toc = acc.toc or is_toc
        elif kind == "separate" and self._fields:
            self._fields[-1][1] = False
        elif kind == "end" and self._fields:
            is_toc, _ = self._fields.pop()
            acc.toc = acc.toc or is_toc

    # ---- drawings, text boxes, objects -------------------------------------------------------
    def _object(self, obj: etree._Element) -> list[RawParagraph | RawTable]:
        out: list[RawParagraph | RawTable] = []
        boxes = obj.findall(".//w:txbxContent", NS)
        for box in boxes:
            self.counts["text_boxes"] += 1
            inner: list[RawParagraph | RawTable] = []
            self._walk_blocks(box, inner)
            for block in inner:
                if isinstance(block, RawParagraph):
                    block.origin = "text_box"
                    block.heading_level = None
            out.extend(inner)
        if boxes:
            return out
        for doc_pr in obj.iter(f"{{{NS['wp']}}}docPr"):
            alt = (doc_pr.get("descr") or doc_pr.get("title") or "").strip()
            graphic = obj.find(".//a:graphicData", NS)
            uri = graphic.get("uri") if graphic is not None else ""
            if uri == _DIAGRAM_URI:
                out.extend(self._diagram(graphic, alt))
            elif uri == _CHART_URI:
                self.counts["charts"] += 1
                self._note("unreadable", "chart", f"diagram (chart) {alt or doc_pr.get('name', '')}: värden läses inte")
                if alt:
                    out.append(RawParagraph(text=alt, origin="image_alt_text"))
            else:
                self.counts["images"] += 1
                if alt:
                    out.append(RawParagraph(text=alt, origin="image_alt_text"))
                else:
                    self._note("unreadable", "image", f"bild utan alternativtext ({doc_pr.get('name', 'namnlös')}); "
                                                      "eventuell text i bilden kan inte läsas")
            break
        else:
            if local(obj) == "object" or obj.find(".//{urn:schemas-microsoft-com:office:office}OLEObject") is not None:
                self.counts["embedded_objects"] += 1
                self._note("unreadable", "embedded_object", "inbäddat objekt (OLE); innehållet kan inte läsas")
            elif obj.find(".//v:imagedata", NS) is not None:
                self.counts["images"] += 1
                self._note("unreadable", "image", "bild (VML) utan text; eventuell text i bilden kan inte läsas")
        return out

    def _diagram(self, graphic: etree._Element, alt: str) -> list[RawParagraph]:
        self.counts["smartart"] += 1
        rel_ids = graphic.find("{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds")
        rel = rel_ids.get(f"{{{_R_NS}}}dm") if rel_ids is not None else None
        texts = self.diagram_texts.get(rel or "", [])
        if not texts:
            self._note("unreadable", "smartart", f"SmartArt-grafik {alt}: texten kunde inte läsas")
            return [RawParagraph(text=alt, origin="image_alt_text")] if alt else []
        return [RawParagraph(text=text, origin="diagram") for text in texts]

    # ---- tables ------------------------------------------------------------------------------
    def _table(self, tbl: etree._Element) -> RawTable:
        self.counts["tables"] += 1
        cells: list[RawCell] = []
        open_by_column: dict[int, RawCell] = {}
        header_rows = 0
        n_columns = 0
        rows = list(_unwrap(tbl, "tr"))
        for row_index, tr in enumerate(rows):
            trpr = tr.find(w("trPr"))
            if trpr is not None and trpr.find(w("tblHeader")) is not None and header_rows == row_index:
                header_rows += 1
            column = int(wval(trpr, "gridBefore") or 0)
            for tc in _unwrap(tr, "tc"):
                tcpr = tc.find(w("tcPr"))
                span = int(wval(tcpr, "gridSpan") or 1)
                vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
                if vmerge is not None and vmerge.get(w("val"), "continue") == "continue" and column in open_by_column:
                    open_by_column[column].row_span += 1
                    column += span
                    continue
                cell = RawCell(row=row_index, column=column, column_span=span)
                self._walk_blocks(tc, cell.blocks)
                self.counts["cells"] += 1
                cells.append(cell)
                if vmerge is not None:
                    open_by_column[column] = cell
                else:
                    open_by_column.pop(column, None)
                column += span
            n_columns = max(n_columns, column)
        return RawTable(cells=cells, n_rows=len(rows), n_columns=n_columns, header_rows=header_rows)


def _unwrap(parent: etree._Element, tag: str) -> Iterable[etree._Element]:
    """Children named tag, looking through content controls and customXml wrappers."""
    for child in parent:
        name = local(child)
        if name == tag:
            yield child
        elif name == "sdt":
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _unwrap(content, tag)
        elif name == "customXml":
            yield from _unwrap(child, tag)


def _num_ref(numpr: etree._Element | None) -> tuple[str, int] | None:
    if numpr is None:
        return None
    props = properties(numpr)
    num_id = prop_val(props, "numId")
    if num_id is None:
        return None
    ilvl = prop_val(props, "ilvl")
    return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0


def _following_instruction(fld_char: etree._Element) -> str:
    run = fld_char.getparent()
    parts = []
    sibling = run.getnext() if run is not None else None
    while sibling is not None:
        if sibling.find(w("fldChar")) is not None:
            break
        instr = sibling.find(w("instrText"))
        if instr is not None:
            parts.append(instr.text or "")
        sibling = sibling.getnext()
    return "".join(parts).strip().upper()


def _normalise(text: str) -> str:
    # Keep line breaks, fold runs of spaces and tabs that Word uses for layout.
    if "\n" not in text:
        return " ".join(text.replace("\t", " ").split())
    lines = [" ".join(line.replace("\t", " ").split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()
