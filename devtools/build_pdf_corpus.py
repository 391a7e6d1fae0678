"""Build the PDF fixtures: corpus/pdf/*.pdf, printed by LibreOffice from the corpus documents and from three layouts.

Every corpus/*.docx is converted as it is. Three more documents are written first, from the text of corpus
documents, in layouts a PDF reader finds hard, and kept next to their PDFs (corpus/pdf/layout-*.docx):

  layout-two-column      a full-width title, then the text set in two columns (001)
  layout-landscape-table landscape pages with the 4-column requirement tables, every other one without borders (000)
  layout-running-toc     a title page, a table of contents with dot leaders and page numbers, running headers and
                         footers with "Sida N av M" (d3)

Usage: .venv/bin/python -m devtools.build_pdf_corpus [--soffice /usr/bin/soffice]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from sosfs_check.document.model import DocumentModel, Paragraph, Section, Table
from sosfs_check.document.reader import read

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
OUT = CORPUS / "pdf"


class _Writer:
    """A corpus document's outline, paragraphs, lists and tables written again with python-docx."""

    def __init__(self, model: DocumentModel, borderless_every_other_table: bool = False) -> None:
        self.model = model
        self.document = Document()
        self.borderless = borderless_every_other_table
        self.tables = 0

    def title(self):
        title = self.model.properties.title or self.model.source_name
        return self.document.add_paragraph(title, style="Title")

    def body(self) -> None:
        for section in self.model.sections:
            self._section(section)

    def _section(self, section: Section) -> None:
        if section.level > 0:
            self.document.add_paragraph(section.title, style=f"Heading {min(section.level, 4)}")
        for block in section.blocks:
            if isinstance(block, Table):
                self._table(block)
            else:
                self._paragraph(block)
        for child in section.subsections:
            self._section(child)

    def _paragraph(self, block: Paragraph) -> None:
        if block.list_level is None:
            self.document.add_paragraph(block.text)
            return
        numbered = (block.marker or "")[:1].isdigit()
        style = "List Number" if numbered else "List Bullet"
        level = min(block.list_level, 2)
        self.document.add_paragraph(block.text, style=style if level == 0 else f"{style} {level + 1}")

    def _table(self, block: Table) -> None:
        self.tables += 1
        table = self.document.add_table(rows=block.n_rows, cols=block.n_columns)
        if not (self.borderless and self.tables % 2 == 0):
            table.style = "Table Grid"
        for cell in block.cells:
            target = table.cell(cell.row, cell.column)
            texts = [inner.text for inner in cell.blocks if isinstance(inner, Paragraph)] or [""]
            target.paragraphs[0].text = texts[0]
            for text in texts[1:]:
                target.add_paragraph(text)
            if cell.is_header:
                for paragraph in target.paragraphs:
                    for run in paragraph.runs:
                        run.bold = True
        if block.header_rows:
            table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))

    def save(self, path: Path) -> Path:
        self.document.core_properties.title = self.model.properties.title or path.stem
        self.document.core_properties.author = "sosfs_check corpus"
        self.document.save(str(path))
        return path


def two_column(model: DocumentModel, path: Path) -> Path:
    writer = _Writer(model)
    writer.title()
    columns = writer.document.add_section(WD_SECTION.CONTINUOUS)
    columns._sectPr.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="2" w:space="567"/>'))
    writer.body()
    return writer.save(path)


def landscape_tables(model: DocumentModel, path: Path) -> Path:
    writer = _Writer(model, borderless_every_other_table=True)
    section = writer.document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    writer.title()
    writer.body()
    return writer.save(path)


def running_toc(model: DocumentModel, path: Path) -> Path:
    writer = _Writer(model)
    document = writer.document
    writer.title().runs[0].add_break(WD_BREAK.PAGE)
    document.add_paragraph("Innehållsförteckning", style="TOC Heading")
    for level in (1, 2):
        document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH).base_style = document.styles["Normal"]
    headings = [s for s in model.walk_sections() if 0 < s.level <= 2]
    page = document.sections[0]
    usable = (page.page_width or 0) - (page.left_margin or 0) - (page.right_margin or 0)
    for index, section in enumerate(headings):
        entry = document.add_paragraph(style=f"toc {section.level}")
        entry.paragraph_format.tab_stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        entry.add_run(f"{section.title}\t{3 + index // 3}")
    document.paragraphs[-1].runs[-1].add_break(WD_BREAK.PAGE)
    writer.body()
    header = document.sections[0].header.paragraphs[0]
    header.text = f"{model.properties.title or model.source_name} – ledningssystem"
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("Sida ")
    _field(footer, "PAGE")
    footer.add_run(" av ")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(9)
    return writer.save(path)


def _field(paragraph, instruction: str) -> None:
    """A field Word and LibreOffice compute when the page is laid out (page number, page count)."""
    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="{instruction}"><w:r><w:rPr><w:sz w:val="18"/>'
                                  "</w:rPr><w:t>1</w:t></w:r></w:fldSimple>"))


LAYOUTS: dict[str, tuple[str, Callable[[DocumentModel, Path], Path]]] = {
    "layout-two-column": ("001-trelleborg-socialnamnd.docx", two_column),
    "layout-landscape-table": ("000-svedala-trelleborg.docx", landscape_tables),
    "layout-running-toc": ("d3-ekdala-socialnamnd.docx", running_toc),
}


def convert(sources: list[Path], out: Path, soffice: str) -> list[Path]:
    """PDFs printed by LibreOffice headless, in a profile of its own so a running LibreOffice is not disturbed."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{profile}/lo", "--convert-to", "pdf",
                        "--outdir", str(out), *map(str, sources)], check=True, capture_output=True, timeout=600)
    return [out / f"{source.stem}.pdf" for source in sources]


def build(out: Path, soffice: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(CORPUS.glob("*.docx"))
    for name, (source, layout) in LAYOUTS.items():
        sources.append(layout(read(CORPUS / source), out / f"{name}.docx"))
    return convert(sources, out, soffice)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--soffice", default=shutil.which("soffice") or "/usr/bin/soffice")
    args = parser.parse_args()
    for path in build(OUT, args.soffice):
        print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
