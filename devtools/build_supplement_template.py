"""Build templates/komplettering.docx: the Word template of the gap supplement (`sosfs-check generate --luckor`).

Usage: .venv/bin/python -m devtools.build_supplement_template
The template is committed; a municipality may restyle it in Word. The docxtpl tags ({%p for %} …) must each stay
alone in their paragraph.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt

TARGET = Path(__file__).resolve().parents[1] / "templates" / "komplettering.docx"


def build(target: Path = TARGET) -> Path:
    document = Document()
    section = document.sections[0]
    section.orientation, section.page_width, section.page_height = WD_ORIENT.PORTRAIT, Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    document.core_properties.title = "Komplettering av ledningssystemet"
    document.core_properties.language = "sv-SE"
    document.add_paragraph("Komplettering av ledningssystemet", style="Title")
    document.add_paragraph("Utkast till avsnitt för de krav i SOSFS 2011:9 som granskningen av {{ dokument }} "
                           "fann saknas eller bara delvis beskrivna ({{ datum }}, kravkatalog {{ katalog }}).")
    document.add_paragraph("Anpassa texten till er verksamhet: ersätt det som står inom hakparentes, stryk det som "
                           "inte stämmer och klistra in avsnittet där det hör hemma i ledningssystemet. Granska "
                           "sedan dokumentet igen.", style="Intense Quote")
    document.add_paragraph("{%p if not luckor %}")
    document.add_paragraph("Granskningen fann inga brister att komplettera.")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p for lucka in luckor %}")
    document.add_paragraph("{{ lucka.rubrik }}", style="Heading 1")
    about = document.add_paragraph()
    run = about.add_run("{{ lucka.id }} {{ lucka.title }} ({{ lucka.citation }}, {{ lucka.kind }}). "
                        "{{ lucka.status }}: {{ lucka.reason }}")
    run.italic, run.font.size = True, Pt(9)
    document.add_paragraph("{%p for stycke in lucka.stycken %}")
    document.add_paragraph("{{ stycke }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p if lucka.att_fylla_i %}")
    fill = document.add_paragraph()
    fill.add_run("Att fylla i: ").bold = True
    fill.add_run("{{ lucka.att_fylla_i | join(', ') }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    target.parent.mkdir(exist_ok=True)
    document.save(str(target))
    return target


if __name__ == "__main__":
    print(build())
