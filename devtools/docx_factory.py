"""Write realistic .docx files from a simple outline, in the shapes real municipal documents have.

Shapes:
  styled       built-in Heading N styles, typed numbers in the heading text, real lists and tables
  bold         no heading styles at all: headings are bold Normal paragraphs (larger for level 1)
  swedish      custom styles with Swedish ids and names ("Rubrik1"/"Rubrik 1"), one based on another
  autonumber   Heading styles linked to a multilevel list in numbering.xml; numbers are not in the text
  features     styled, plus a TOC field, page header and footer, content controls, a text box
               (DrawingML with a VML fallback), tracked changes and a merged table cell
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from sosfs_check.document.ooxml import NS

SHAPES = ("styled", "bold", "swedish", "autonumber", "features")


@dataclass(frozen=True)
class Span:
    """A run of text with its own formatting: Markdown's **bold** and *emphasis*."""
    text: str
    bold: bool = False
    italic: bool = False


# Plain text, or runs with their own formatting. In a table cell, "\n" starts a new paragraph.
Inline = str | list[Span]


@dataclass
class Heading:
    level: int
    number: str | None
    text: str


@dataclass
class Para:
    text: Inline


@dataclass
class Item:
    text: Inline
    level: int = 0
    numbered: bool = False


@dataclass
class TableNode:
    rows: list[list[Inline]]
    header: bool = True
    merge_first_column: bool = False  # vertically merge column 0 over all body rows


@dataclass
class Outline:
    title: str
    nodes: list[Heading | Para | Item | TableNode] = field(default_factory=list)
    footer: str | None = None


def _spans(content: Inline) -> list[Span]:
    return [Span(content)] if isinstance(content, str) else content


def _lines(content: Inline) -> list[list[Span]]:
    """The paragraphs of a table cell: its spans split at every line break."""
    lines: list[list[Span]] = [[]]
    for span in _spans(content):
        for index, part in enumerate(span.text.split("\n")):
            if index:
                lines.append([])
            lines[-1].append(replace(span, text=part))
    return lines


def _add_runs(paragraph, spans: list[Span], bold: bool = False) -> None:
    """One run per span; `bold` makes every run bold (a table's header row)."""
    for span in spans:
        if not span.text:
            continue
        run = paragraph.add_run(span.text)
        if span.bold or bold:
            run.bold = True
        if span.italic:
            run.italic = True


def _numbering_part(document) -> object:
    return document.part.numbering_part.element


def _add_abstract(document, abstract_xml: str, num_id: int, abstract_id: int) -> None:
    numbering = _numbering_part(document)
    abstract = parse_xml(abstract_xml)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    ))


def _heading_numbering(document, style_names: list[str]) -> None:
    style_ids = [document.styles[name].style_id for name in style_names]
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="{style_ids[i]}"/>'
        f'<w:lvlText w:val="{".".join(f"%{k + 1}" for k in range(i + 1))}{"." if i == 0 else ""}"/>'
        f'<w:lvlJc w:val="left"/></w:lvl>'
        for i in range(len(style_ids))
    )
    _add_abstract(document, f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
                            f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>', 90, 90)
    for i, name in enumerate(style_names):
        ppr = document.styles[name].element.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{i}"/><w:numId w:val="90"/></w:numPr>'))


def _list_numbering(document) -> None:
    bullet = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{ch}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, ch in enumerate("•o▪")
    )
    _add_abstract(document, f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">{bullet}</w:abstractNum>', 91, 91)
    decimal = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%{i + 1}{suffix}"/>'
        f'<w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, suffix) in enumerate((("decimal", "."), ("lowerLetter", ")"), ("lowerRoman", ".")))
    )
    _add_abstract(document, f'<w:abstractNum {nsdecls("w")} w:abstractNumId="92">{decimal}</w:abstractNum>', 92, 92)


class _Writer:
    def __init__(self, shape: str) -> None:
        if shape not in SHAPES:
            raise ValueError(shape)
        self.shape = shape
        self.document = Document()
        self.numbered_list_count = 0
        self.numbered_num_id = 92
        _list_numbering(self.document)
        self.heading_styles = [f"Heading {i}" for i in range(1, 5)]
        if shape == "swedish":
            self.heading_styles = self._swedish_styles()
        if shape == "autonumber":
            _heading_numbering(self.document, self.heading_styles)

    def _swedish_styles(self) -> list[str]:
        names = []
        for level in range(1, 5):
            style = self.document.styles.add_style(f"Rubrik {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.document.styles["Normal"]
            style.font.bold = True
            style.font.size = Pt(16 - 2 * level)
            names.append(style.name)
        # A house style built on "Rubrik 1": the reader must follow the basedOn chain.
        chapter = self.document.styles.add_style("Kapitelrubrik", WD_STYLE_TYPE.PARAGRAPH)
        chapter.base_style = self.document.styles["Rubrik 1"]
        names[0] = chapter.name
        return names

    def heading(self, node: Heading) -> None:
        text = node.text if self.shape == "autonumber" or not node.number else f"{node.number} {node.text}"
        if self.shape == "bold":
            paragraph = self.document.add_paragraph()
            run = paragraph.add_run(text)
            run.bold = True
            run.font.size = Pt(16 if node.level == 1 else 13 if node.level == 2 else 11)
            return
        paragraph = self.document.add_paragraph(text, style=self.heading_styles[min(node.level, 4) - 1])
        if self.shape == "autonumber" and not node.number:
            # An unnumbered heading in an auto-numbered document: Word's "Numbering: None" (numId 0).
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))

    def para(self, node: Para):
        paragraph = self.document.add_paragraph()
        _add_runs(paragraph, _spans(node.text))
        return paragraph

    def restart_numbering(self) -> None:
        """A numbered list after other content starts at 1 again, as Word's 'Restart numbering' does."""
        self.numbered_list_count += 1
        self.numbered_num_id = 100 + self.numbered_list_count
        _numbering_part(self.document).append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{self.numbered_num_id}"><w:abstractNumId w:val="92"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))

    def item(self, node: Item):
        paragraph = self.document.add_paragraph(style="List Paragraph")
        _add_runs(paragraph, _spans(node.text))
        num_id = self.numbered_num_id if node.numbered else 91
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{node.level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ))
        return paragraph

    def table(self, node: TableNode):
        n_columns = max(len(row) for row in node.rows)
        table = self.document.add_table(rows=len(node.rows), cols=n_columns)
        table.style = "Table Grid"
        for r, row in enumerate(node.rows):
            for c, content in enumerate(row):
                cell = table.cell(r, c)
                lines = _lines(content)
                paragraphs = [cell.paragraphs[0], *(cell.add_paragraph() for _ in lines[1:])]
                for paragraph, spans in zip(paragraphs, lines, strict=False):
                    _add_runs(paragraph, spans, bold=r == 0 and node.header)
        if node.header:
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            tr_pr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
        if node.merge_first_column and len(node.rows) > 2:
            table.cell(1, 0).merge(table.cell(len(node.rows) - 1, 0))
        return table


def write_docx(outline: Outline, shape: str, path: Path) -> Path:
    """Render outline in the given shape and save it to path."""
    writer = _Writer(shape)
    document = writer.document
    document.core_properties.title = outline.title
    document.core_properties.author = "sosfs_check corpus"
    if shape == "features":
        _add_toc(document, [n for n in outline.nodes if isinstance(n, Heading)])
    written_paragraphs = []
    tables = []
    for previous, node in zip([None, *outline.nodes], outline.nodes, strict=False):
        if isinstance(node, Heading):
            writer.heading(node)
        elif isinstance(node, Para):
            written_paragraphs.append(writer.para(node))
        elif isinstance(node, Item):
            if node.numbered and not (isinstance(previous, Item) and previous.numbered):
                writer.restart_numbering()
            writer.item(node)
        else:
            tables.append(writer.table(node))
    if outline.footer:
        document.sections[0].footer.paragraphs[0].text = outline.footer
        document.sections[0].header.paragraphs[0].text = outline.title
    if shape == "features":
        _decorate(document, written_paragraphs, tables)
    document.core_properties.created = document.core_properties.modified = _FIXED_TIME
    document.core_properties.last_modified_by = "sosfs_check corpus"
    document.core_properties.revision = 1
    document.save(path)
    _freeze_zip_times(path)
    return path


_FIXED_TIME = datetime(2026, 1, 1, tzinfo=UTC)


def _freeze_zip_times(path: Path) -> None:
    """Rewrite the package with fixed entry times so a rebuilt corpus file is byte-identical."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data,
                             compress_type=zipfile.ZIP_DEFLATED)


def _add_toc(document, headings: list[Heading]) -> None:
    """A real TOC field with cached entries, as Word leaves it after 'Update field'."""
    body = document.element.body
    first = body[0] if len(body) else None
    paragraphs = []
    begin = parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>'
    )
    paragraphs.append(begin)
    for index, heading in enumerate(headings[:12]):
        label = f"{heading.number} {heading.text}" if heading.number else heading.text
        paragraphs.append(parse_xml(
            f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">{_xml_escape(label)}</w:t></w:r>'
            f'<w:r><w:tab/></w:r><w:r><w:t>{index + 2}</w:t></w:r></w:p>'
        ))
    paragraphs.append(parse_xml(f'<w:p {nsdecls("w")}><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'))
    for paragraph in paragraphs:
        if first is not None:
            first.addprevious(paragraph)
        else:
            body.append(paragraph)


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _decorate(document, paragraphs, tables) -> None:
    """Content controls, a text box, tracked changes and a merged cell on existing content."""
    if paragraphs:
        # 1. A block-level content control around the first body paragraph.
        p = paragraphs[0]._p
        sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Inledning"/></w:sdtPr><w:sdtContent/></w:sdt>')
        p.addprevious(sdt)
        sdt.find(qn("w:sdtContent")).append(p)
    if len(paragraphs) > 1:
        # 2. An inline content control around the runs of the second paragraph.
        p = paragraphs[1]._p
        runs = p.findall(qn("w:r"))
        sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent/></w:sdt>')
        if runs:
            runs[0].addprevious(sdt)
            for run in runs:
                sdt.find(qn("w:sdtContent")).append(run)
    if len(paragraphs) > 2:
        # 3. Tracked changes: an insertion kept, a deletion dropped.
        p = paragraphs[2]._p
        p.append(parse_xml(
            f'<w:ins {nsdecls("w")} w:id="901" w:author="Granskare" w:date="2026-01-01T00:00:00Z">'
            '<w:r><w:t xml:space="preserve"> Tillagt vid revidering.</w:t></w:r></w:ins>'
        ))
        p.append(parse_xml(
            f'<w:del {nsdecls("w")} w:id="902" w:author="Granskare" w:date="2026-01-01T00:00:00Z">'
            '<w:r><w:delText xml:space="preserve"> Struken mening som inte ska läsas.</w:delText></w:r></w:del>'
        ))
    if len(paragraphs) > 3:
        # 4. A text box anchored in a paragraph: DrawingML choice with a VML fallback holding the same text.
        box_text = "Faktaruta: ledningssystemet revideras årligen av förvaltningsledningen."
        host = paragraphs[3]._p
        namespaces = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items() if k in ("w", "wp", "a", "mc", "wps", "v"))
        host.append(parse_xml(_TEXT_BOX.format(ns=namespaces, text=box_text)))
    if tables:
        # 5. A merged cell: the last table's last row spans two columns in its first cell.
        table = tables[-1]
        if len(table.columns) > 2 and len(table.rows) > 1:
            row = table.rows[-1]
            row.cells[0].merge(row.cells[1])


_TEXT_BOX = (
    '<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" '
    'distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="2000000" cy="600000"/><wp:wrapSquare wrapText="bothSides"/>'
    '<wp:docPr id="77" name="Textruta 1"/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
    '<wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
    '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shape id="Textruta1" type="#_x0000_t202" style="width:160pt;height:50pt">'
    '<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>'
    '</w:pict></mc:Fallback></mc:AlternateContent></w:r>'
)
