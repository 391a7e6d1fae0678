"""One tiny hand-written .docx per Word feature that naive readers get wrong, and the model it must give."""

from __future__ import annotations

import pytest

from sosfs_check.document.model import Paragraph, Table
from sosfs_check.document.reader import read
from tests.document.ooxml_fixture import build_docx, paragraph

HEADING_STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="Rubrik 2"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:basedOn w:val="Rubrik1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Huvudrubrik"><w:name w:val="Huvudrubrik"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
)


def _blocks(model):
    return [block for section in model.walk_sections() for block in section.blocks]


def _tables(model) -> list[Table]:
    return [block for block in _blocks(model) if isinstance(block, Table)]


def test_swedish_style_ids_based_on_chain_and_outline_levels(tmp_path):
    body = (paragraph("Ledningssystem", "Kapitel") + paragraph("Text ett.")
            + paragraph("Ansvar", "Rubrik2") + paragraph("Text två.")
            + paragraph("Processer", "Huvudrubrik") + paragraph("Text tre.")
            + paragraph("Rutiner", ppr='<w:outlineLvl w:val="1"/>') + paragraph("Text fyra."))
    model = read(build_docx(tmp_path / "a.docx", body, styles=HEADING_STYLES))
    assert model.outline() == [(1, None, "Ledningssystem"), (2, None, "Ansvar"),
                               (1, None, "Processer"), (2, None, "Rutiner")]
    signals = [s.heading_signal for s in model.walk_sections() if s.level]
    assert signals == ["style", "style", "outline_level", "outline_level"]


NUMBERING = (
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1)"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>'
    '</w:abstractNum>'
    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="7"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="8"><w:abstractNumId w:val="2"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
)


def test_displayed_numbers_from_numbering_xml(tmp_path):
    body = (paragraph("Inledning", "Rubrik1", num=(5, 0)) + paragraph("Syfte", "Rubrik2", num=(5, 1))
            + paragraph("Mål", "Rubrik2", num=(5, 1)) + paragraph("Ansvar", "Rubrik1", num=(5, 0))
            + paragraph("Nämnden", "Rubrik2", num=(5, 1))
            + paragraph("första", num=(6, 0)) + paragraph("under", num=(6, 1)) + paragraph("under två", num=(6, 1))
            + paragraph("andra", num=(6, 0)) + paragraph("utan nummer", num=(6, 2))
            # Another w:num on the same list definition continues it; a startOverride restarts it.
            + paragraph("fortsätter", num=(7, 0)) + paragraph("börjar om", num=(8, 0)))
    model = read(build_docx(tmp_path / "n.docx", body, styles=HEADING_STYLES, numbering=NUMBERING))
    assert [(number, heading) for _, number, heading in model.outline()] == [
        ("3", "Inledning"), ("3.1", "Syfte"), ("3.2", "Mål"), ("4", "Ansvar"), ("4.1", "Nämnden")]
    items = [(p.marker, p.text) for p in _blocks(model) if isinstance(p, Paragraph) and p.is_list_item]
    assert items == [("A)", "första"), ("i.", "under"), ("ii.", "under två"), ("B)", "andra"),
                     ("C)", "fortsätter"), ("A)", "börjar om")]
    assert any(p.text == "utan nummer" and not p.is_list_item for p in _blocks(model) if isinstance(p, Paragraph))


def test_typed_numbers_in_heading_text_are_split(tmp_path):
    body = paragraph("3.1 Processer och rutiner", "Rubrik2") + paragraph("Text.")
    model = read(build_docx(tmp_path / "t.docx", body, styles=HEADING_STYLES))
    assert model.outline() == [(2, "3.1", "Processer och rutiner")]


def _cell(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraph(text)}</w:tc>"


def test_nested_table_is_kept_inside_its_cell_and_read_once(tmp_path):
    inner = f"<w:tbl><w:tr>{_cell('inre a')}{_cell('inre b')}</w:tr></w:tbl>"
    body = (f"<w:tbl><w:tr>{_cell('Krav')}{_cell('Rutin')}</w:tr>"
            f"<w:tr>{_cell('yttre')}<w:tc>{paragraph('före')}{inner}{paragraph('efter')}</w:tc></w:tr></w:tbl>")
    model = read(build_docx(tmp_path / "nested.docx", body))
    outer = _tables(model)[0]
    holder = next(cell for cell in outer.cells if len(cell.blocks) == 3)
    assert [type(block).__name__ for block in holder.blocks] == ["Paragraph", "Table", "Paragraph"]
    assert [c.text for c in holder.blocks[1].cells] == ["inre a", "inre b"]
    texts = [unit.text for unit in model.text_units()]
    assert texts.count("inre a") == 1 and texts.index("före") < texts.index("inre a") < texts.index("efter")


def test_content_controls_around_rows_and_cells(tmp_path):
    body = ("<w:tbl><w:tr>" + _cell("Krav") + _cell("Ansvar") + "</w:tr>"
            "<w:sdt><w:sdtPr/><w:sdtContent><w:tr>" + _cell("Riskanalys")
            + "<w:sdt><w:sdtPr/><w:sdtContent>" + _cell("Enhetschef") + "</w:sdtContent></w:sdt>"
            "</w:tr></w:sdtContent></w:sdt></w:tbl>")
    model = read(build_docx(tmp_path / "sdt.docx", body))
    table = _tables(model)[0]
    assert [(c.row, c.column, c.text) for c in table.cells] == [
        (0, 0, "Krav"), (0, 1, "Ansvar"), (1, 0, "Riskanalys"), (1, 1, "Enhetschef")]


def test_vertical_and_horizontal_merges_give_one_cell_with_span(tmp_path):
    restart, span = '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="2"/>'
    body = ("<w:tbl>"
            f"<w:tr>{_cell('Process', restart)}{_cell('steg 1')}{_cell('x')}</w:tr>"
            f"<w:tr>{_cell('', '<w:vMerge/>')}{_cell('steg 2 och 3', span)}</w:tr>"
            "</w:tbl>")
    table = _tables(read(build_docx(tmp_path / "merge.docx", body)))[0]
    assert [(c.text, c.row_span, c.column_span, c.column) for c in table.cells] == [
        ("Process", 2, 1, 0), ("steg 1", 1, 1, 1), ("x", 1, 1, 2), ("steg 2 och 3", 1, 2, 1)]


def test_vml_only_text_box_is_read_once(tmp_path):
    box = ('<w:r><w:pict><v:shape id="Textruta 2" type="#_x0000_t202"><v:textbox><w:txbxContent>'
           + paragraph("Avvikelser rapporteras i Treserva.") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    body = paragraph("Stycket före.") + f"<w:p>{box}</w:p>"
    model = read(build_docx(tmp_path / "vml.docx", body))
    texts = [u.text for u in model.text_units()]
    assert texts == ["Stycket före.", "Avvikelser rapporteras i Treserva."]
    assert _blocks(model)[1].origin == "text_box"


def test_footnotes_are_linked_to_their_anchor_paragraph(tmp_path):
    notes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1">' + paragraph("Se 3 kap. 1 § SOSFS 2011:9.") + "</w:footnote>")
    body = ('<w:p><w:r><w:t>Nämnden fastställer ledningssystemet.</w:t></w:r>'
            '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    model = read(build_docx(tmp_path / "fn.docx", body, footnotes=notes))
    first = _blocks(model)[0]
    assert first.text == "Nämnden fastställer ledningssystemet."
    assert first.footnotes == ["Se 3 kap. 1 § SOSFS 2011:9."]
    assert model.fidelity.counts["footnotes"] == 1


def test_hyperlinks_and_field_results_keep_their_text_not_the_code(tmp_path):
    body = ('<w:p><w:r><w:t xml:space="preserve">Se </w:t></w:r><w:hyperlink r:id="rIdLink">'
            '<w:r><w:t>Socialstyrelsens föreskrift</w:t></w:r></w:hyperlink>'
            '<w:r><w:t xml:space="preserve"> från </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2011</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:fldSimple w:instr=" PAGE "><w:r><w:t xml:space="preserve"> sida 4</w:t></w:r></w:fldSimple></w:p>')
    rels = {"rIdLink": ("hyperlink", "https://www.socialstyrelsen.se")}
    model = read(build_docx(tmp_path / "link.docx", body, relationships=rels))
    assert _blocks(model)[0].text == "Se Socialstyrelsens föreskrift från 2011 sida 4"


def test_moves_and_deletions_are_out_insertions_in(tmp_path):
    body = ('<w:p><w:r><w:t xml:space="preserve">Enhetschefen </w:t></w:r>'
            '<w:moveFrom w:id="1" w:author="A"><w:r><w:t>flyttad bort</w:t></w:r></w:moveFrom>'
            '<w:ins w:id="2" w:author="A"><w:r><w:t>ansvarar</w:t></w:r></w:ins>'
            '<w:del w:id="3" w:author="A"><w:r><w:delText>struken</w:delText></w:r></w:del>'
            '<w:moveTo w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> för egenkontroll.</w:t></w:r></w:moveTo></w:p>')
    model = read(build_docx(tmp_path / "rev.docx", body))
    assert _blocks(model)[0].text == "Enhetschefen ansvarar för egenkontroll."
    dropped = [item.detail for item in model.fidelity.excluded if item.kind == "deleted_text"]
    assert any("flyttad bort" in d for d in dropped) and any("struken" in d for d in dropped)


def test_comments_are_reported_not_read_as_body(tmp_path):
    comments = '<w:comment w:id="0" w:author="Kvalitetsutvecklare">' + paragraph("Uppdatera före 2027.") + "</w:comment>"
    body = ('<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Rutinen gäller.</w:t></w:r><w:commentRangeEnd w:id="0"/>'
            '<w:r><w:commentReference w:id="0"/></w:r></w:p>')
    model = read(build_docx(tmp_path / "c.docx", body, comments=comments))
    assert model.plain_text().strip() == "Rutinen gäller."
    assert any("Uppdatera före 2027" in item.detail for item in model.fidelity.excluded if item.kind == "comment")


def _drawing(inner_graphic: str, uri: str, descr: str = "") -> str:
    return (f'<w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="5" name="Objekt 5" descr="{descr}"/>'
            f'<a:graphic><a:graphicData uri="{uri}">{inner_graphic}</a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r>')


PICTURE_URI = "http://schemas.openxmlformats.org/drawingml/2006/picture"


@pytest.mark.parametrize("descr,expected_text,unreadable", [
    ("Organisationsschema: nämnd, förvaltningschef, enhetschefer", True, False),
    ("", False, True),
])
def test_images_keep_alt_text_or_are_listed(tmp_path, descr, expected_text, unreadable):
    body = paragraph("Före bilden.") + f"<w:p>{_drawing('<pic:pic/>', PICTURE_URI, descr)}</w:p>"
    model = read(build_docx(tmp_path / "img.docx", body))
    texts = [u.text for u in model.text_units()]
    assert (descr in texts) is expected_text
    assert any(item.kind == "image" for item in model.fidelity.unreadable) is unreadable


def test_smartart_text_is_read_from_its_data_part(tmp_path):
    graphic = '<dgm:relIds r:dm="rIdData" r:lo="rIdLo" r:qs="rIdQs" r:cs="rIdCs"/>'
    data = ('<?xml version="1.0"?><dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>'
            '<dgm:pt><dgm:t><a:p><a:r><a:t>Planera</a:t></a:r></a:p></dgm:t></dgm:pt>'
            '<dgm:pt><dgm:t><a:p><a:r><a:t>Genomföra</a:t></a:r></a:p></dgm:t></dgm:pt>'
            '<dgm:pt><dgm:t><a:p><a:r><a:t>Följa upp</a:t></a:r></a:p></dgm:t></dgm:pt>'
            '</dgm:ptLst></dgm:dataModel>')
    body = f"<w:p>{_drawing(graphic, 'http://schemas.openxmlformats.org/drawingml/2006/diagram')}</w:p>"
    model = read(build_docx(tmp_path / "smart.docx", body, parts={"word/diagrams/data1.xml": data},
                            relationships={"rIdData": ("diagramData", "diagrams/data1.xml")}))
    diagram = [b for b in _blocks(model) if isinstance(b, Paragraph) and b.origin == "diagram"]
    assert [b.text for b in diagram] == ["Planera", "Genomföra", "Följa upp"]


def test_charts_and_embedded_objects_are_listed_as_unreadable(tmp_path):
    chart = _drawing('<c:chart r:id="rIdChart"/>', "http://schemas.openxmlformats.org/drawingml/2006/chart",
                     "Antal avvikelser per månad")
    ole = '<w:r><w:object><o:OLEObject ProgID="Excel.Sheet.12" r:id="rIdOle"/></w:object></w:r>'
    body = paragraph("Uppföljning.") + f"<w:p>{chart}</w:p><w:p>{ole}</w:p>"
    model = read(build_docx(tmp_path / "chart.docx", body))
    kinds = sorted(item.kind for item in model.fidelity.unreadable)
    assert kinds == ["chart", "embedded_object"]
    assert "Antal avvikelser per månad" in [u.text for u in model.text_units()]
    assert not model.fidelity.complete


@pytest.mark.parametrize("encoding,bom,warned", [
    ("utf-8", b"", False), ("utf-8", b"\xef\xbb\xbf", False), ("utf-16-le", b"\xff\xfe", False),
    ("utf-16-be", b"\xfe\xff", False), ("cp1252", b"", True),
])
def test_plain_text_encodings(tmp_path, encoding, bom, warned):
    text = "1 Inledning\nNämnden ansvarar för ledningssystemet.\n\n2 Riskanalys\nEnhetschefen gör riskanalyser.\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(bom + text.encode(encoding))
    model = read(path)
    assert model.outline() == [(1, "1", "Inledning"), (1, "2", "Riskanalys")]
    assert "Nämnden ansvarar för ledningssystemet." in [u.text for u in model.text_units()]
    assert bool(model.fidelity.warnings) is warned


def test_endnotes_join_footnotes_and_hidden_text_is_left_out_and_reported(tmp_path):
    endnotes = ('<w:endnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
                '<w:endnote w:id="2">' + paragraph("Källa: IVO:s tillsynsrapport 2025.") + "</w:endnote>")
    body = ('<w:p><w:r><w:t xml:space="preserve">Riskanalyser görs årligen.</w:t></w:r>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> Intern anteckning: stryk före tryck.</w:t></w:r>'
            '<w:r><w:endnoteReference w:id="2"/></w:r></w:p>')
    path = build_docx(tmp_path / "notes.docx", body, parts={
        "word/endnotes.xml": ('<?xml version="1.0"?><w:endnotes xmlns:w="http://schemas.openxmlformats.org/'
                              f'wordprocessingml/2006/main">{endnotes}</w:endnotes>')})
    model = read(path)
    first = _blocks(model)[0]
    assert first.text == "Riskanalyser görs årligen."
    assert first.footnotes == ["Källa: IVO:s tillsynsrapport 2025."]
    assert model.fidelity.counts["endnotes"] == 1
    assert any("Intern anteckning" in item.detail for item in model.fidelity.excluded if item.kind == "hidden_text")
