"""Drafts generated from three descriptions – socialtjänst only; socialtjänst and LSS; socialtjänst, LSS and
hälso- och sjukvård – meet every requirement that applies to them, read back by the tool's own check, in Word,
as plain text and as a document whose headings are only bold; requirements outside the scope are not written
in. Word and LibreOffice open the drafts, and Word's heading numbers follow the headings the loops repeat.

Each draft is rendered once per module and LibreOffice runs once per session.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
import yaml

from devtools.docx_factory import Heading, Item, Outline, Para, TableNode, write_docx
from sosfs_check import check, load_catalog, read
from sosfs_check.assessment.model import AssessmentResult
from sosfs_check.document.model import DocumentModel, Paragraph, Section, Table
from sosfs_check.drafting import EXAMPLE
from sosfs_check.drafting.chapters import chapter_of, chapters
from sosfs_check.drafting.description import Description
from sosfs_check.drafting.render import draft_context, render_draft

SCOPES = {
    "sol": ("socialtjänst",),
    "sol_lss": ("socialtjänst", "lss"),
    "sol_lss_hsl": ("socialtjänst", "lss", "hälso- och sjukvård"),
}
HEALTH_CARE_ROLES = ("verksamhetschef", "mas", "mar")
# What a draft without hälso- och sjukvård must not say (its requirements, roles and terms) …
HEALTH_CARE_WORDS = re.compile(r"(?i:\blex Maria|patientsäkerhet|vårdskad|hälso- och sjukvård|sjuksköterska|"
                               r"\bpatient|\bHSL\b)|\bMA[SR]\b")
# … and what a draft without LSS must not say.
LSS_WORDS = re.compile(r"\bLSS\b|(?i:funktionsstöd|daglig verksamhet|bostad med särskild service)")


def _without_health_care(data: dict) -> dict:
    """The example as a förvaltning without hälso- och sjukvård writes it: no health-care roles, verksamheter,
    processes, samverkan, registers or reports, and no health-care staff in the forums."""
    for role in HEALTH_CARE_ROLES:
        data["roller"].pop(role, None)
    data["verksamheter"] = [v for v in data["verksamheter"] if v["omfattning"] != "hälso- och sjukvård"]
    data["processer"] = [p for p in data["processer"] if p["ägare"] not in HEALTH_CARE_ROLES]
    for process in data["processer"]:
        process["samverkan"] = [s for s in process.get("samverkan", []) if "sjuk" not in s]
    data["forum"] = [dict(f, deltagare="förvaltningschefen, avdelningscheferna och kvalitetsutvecklaren")
                     if f["namn"] == "Kvalitetsrådet" else f for f in data["forum"]]
    data["samverkan"]["intern"] = [
        dict(f, deltagare="enhetschef, kontaktpersoner och biståndshandläggare",
             syfte="planerar och följer upp insatserna för varje brukare") if f["namn"] == "Teamträffar" else f
        for f in data["samverkan"]["intern"]]
    data["samverkan"]["extern"] = [s for s in data["samverkan"]["extern"] if s["ansvarig"] not in HEALTH_CARE_ROLES]
    data["årshjul"] = [dict(a, aktivitet=a["aktivitet"].replace("lex Sarah- och lex Maria-rapporter",
                                                                "lex Sarah-rapporter"))
                       for a in data["årshjul"] if a["ansvarig"] not in HEALTH_CARE_ROLES]
    data["egenkontroller"] = [
        dict(e, ansvarig="avdelningschef", beskrivning=e["beskrivning"].replace(" och journaler", ""))
        if e["ansvarig"] in HEALTH_CARE_ROLES or e["typ"] == "journalgranskning" else e
        for e in data["egenkontroller"] if e["typ"] != "patientnämnden"]
    data["rapportering"] |= {"lex_maria_utreds_av": None, "lex_maria_anmäls_av": None}
    return data


def _without_lss(data: dict) -> dict:
    data["verksamheter"] = [v for v in data["verksamheter"] if v["omfattning"] != "lss"]
    data["egenkontroller"] = [dict(e, beskrivning="Socialstyrelsens brukarundersökning inom äldreomsorgen och en "
                                                   "egen enkät till anhöriga") if e["typ"] == "brukarundersökning"
                              else e for e in data["egenkontroller"]]
    return data


def describe(scope: tuple[str, ...]) -> Description:
    """The example description cut down to the scope, as that förvaltning would describe itself."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["omfattning"] = list(scope)
    if "hälso- och sjukvård" not in scope:
        data = _without_health_care(data)
    if "lss" not in scope:
        data = _without_lss(data)
    return Description.model_validate(data)


@dataclass(frozen=True)
class Draft:
    name: str
    description: Description
    path: Path
    model: DocumentModel
    result: AssessmentResult
    applicable: frozenset[str]  # the requirement ids the draft's scope makes applicable

    @property
    def statuses(self) -> dict[str, str]:
        return statuses(self.result)

    @property
    def text(self) -> str:
        return self.model.plain_text()


def statuses(result: AssessmentResult) -> dict[str, str]:
    return {f.requirement_id: f.status for f in result.findings}


def gaps(result: AssessmentResult) -> str:
    """Every applicable requirement that is not covered, with the rule and the reason: what to fix."""
    return "\n".join(f"{f.requirement_id} {f.status} {f.rule}: {f.reason}" for f in result.findings
                     if f.status not in ("covered", "not_applicable"))


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, Draft]:
    catalog = load_catalog()
    folder = tmp_path_factory.mktemp("utkast")
    made = {}
    for name, scope in SCOPES.items():
        description = describe(scope)
        path = folder / f"utkast-{name}.docx"
        render_draft(description, path, catalog=catalog)
        made[name] = Draft(name, description, path, read(path),
                           check(path, omfattning=list(description.omfattning), catalog=catalog),
                           frozenset(draft_context(description, catalog)["gäller"]))
    return made


@pytest.fixture(scope="module", params=list(SCOPES))
def draft(request, drafts) -> Draft:
    return drafts[request.param]


def test_every_applicable_requirement_is_covered_and_no_other_applies(draft):
    result = draft.result
    applicable = {f.requirement_id for f in result.findings if f.status != "not_applicable"}
    assert applicable == draft.applicable
    assert all(f.status == "covered" for f in result.findings if f.requirement_id in applicable), gaps(result)
    assert result.summary.stale_references == 0


def test_coverage_comes_from_the_chapters_not_from_the_requirement_matrix(draft):
    for finding in draft.result.findings:
        if finding.status == "covered":
            assert "Kravmatris" not in finding.evidence[0].section, finding.requirement_id


def test_each_chapter_on_its_own_meets_the_requirements_the_matrix_assigns_to_it(draft):
    """The Kravmatris says which chapter meets each requirement: that chapter alone, checked without the rest of
    the draft, must cover it."""
    for section in draft.model.walk_sections():
        assigned = {id_ for id_ in draft.applicable if section.level == 1 and chapter_of(id_) == section.heading}
        if assigned:
            alone = check(draft.model.model_copy(update={"sections": [section]}),
                          omfattning=list(draft.description.omfattning))
            unmet = [f for f in alone.findings if f.requirement_id in assigned and f.status != "covered"]
            assert unmet == [], [f"{section.heading}: {f.requirement_id} {f.rule}: {f.reason}" for f in unmet]


def test_the_scope_detected_from_the_text_is_the_described_one(draft):
    detected = check(draft.path)
    assert set(detected.document.scope.activities) == set(draft.description.omfattning)
    assert statuses(detected) == draft.statuses, gaps(detected)


def _outline(model: DocumentModel) -> Outline:
    """The draft as devtools.docx_factory's outline: headings with the numbers Word shows, paragraphs, list
    items and tables."""
    outline = Outline(title=model.properties.title or model.source_name)

    def blocks(section: Section) -> None:
        if section.level:
            outline.nodes.append(Heading(section.level, section.number, section.heading))
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.text.strip():
                outline.nodes.append(Item(block.text, block.list_level or 0) if block.is_list_item
                                     else Para(block.text))
            elif isinstance(block, Table):
                rows: list[list[str]] = [[""] * block.n_columns for _ in range(block.n_rows)]
                for cell in block.cells:
                    rows[cell.row][cell.column] = cell.text
                outline.nodes.append(TableNode(rows))
        for child in section.subsections:
            blocks(child)

    for root in model.sections:
        blocks(root)
    return outline


@pytest.fixture(scope="module")
def shapes(draft, tmp_path_factory) -> dict[str, Path]:
    """The draft in two other shapes a municipality's document takes: text copied out of Word, and a Word file
    whose headings are bold paragraphs without heading styles."""
    folder = tmp_path_factory.mktemp(f"former-{draft.name}")
    text = folder / "utkast.txt"
    text.write_text(draft.text, encoding="utf-8")
    bold = write_docx(_outline(draft.model), "bold", folder / "utkast-fetstil.docx")
    return {"text": text, "bold": bold}


@pytest.mark.parametrize("shape", ["text", "bold"])
def test_the_same_result_in_other_shapes(draft, shapes, shape):
    result = check(shapes[shape], omfattning=list(draft.description.omfattning))
    assert statuses(result) == draft.statuses, gaps(result)


def test_word_opens_the_draft_as_an_a4_document_with_styles_and_fields(draft):
    document = docx.Document(str(draft.path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "TOC Heading"} <= styles
    assert all(t.style.name == "Table Grid" for t in document.tables)
    cover = [p.text for p in document.paragraphs[:6]]
    described = draft.description
    assert cover == [described.kommun, described.nämnd, "Ledningssystem för systematiskt kvalitetsarbete",
                     described.förvaltning, cover[4], f"Version {described.version}, {described.datum.isoformat()}"]
    body = document.element.body.xml
    assert 'TOC \\o "1-3" \\h \\z \\u' in body and "Högerklicka och välj Uppdatera fält" in body
    footer = document.sections[0].footer
    assert footer.paragraphs[0].text.startswith(f"{described.kommun} · {described.nämnd} · ")
    assert "> PAGE <" in footer._element.xml
    assert document.core_properties.title.endswith(described.nämnd)
    # Every docxtpl tag was replaced: no tag is left for a reader to see.
    assert not re.search(r"\{[{%#]|[%}#]\}", body + footer._element.xml + document.core_properties.title)


@pytest.fixture(scope="module")
def pdfs(drafts, tmp_path_factory) -> dict[str, bytes]:
    """All drafts converted to PDF by one run of LibreOffice headless (once per session: only this module asks)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs it")
    folder = tmp_path_factory.mktemp("pdf")
    paths = [str(d.path) for d in drafts.values()]
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(folder), *paths], check=True, capture_output=True, timeout=300)
    return {name: (folder / d.path.with_suffix(".pdf").name).read_bytes() for name, d in drafts.items()}


def test_libreoffice_converts_the_draft_to_pdf(draft, pdfs):
    pdf = pdfs[draft.name]
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) >= 8


def test_headings_are_numbered_in_order_and_restart_under_each_parent(draft):
    outline = draft.model.outline()
    numbered = [(level, number, heading) for level, number, heading in outline if number]
    assert [h for h in outline if not h[1]] == [(1, None, "Bilaga: Kravmatris")]
    # Word numbers them (the numbering of the heading styles), not text typed into the headings.
    assert {s.number_source for s in draft.model.walk_sections() if s.number} == {"numbering"}
    counters = [0, 0, 0]
    for level, number, heading in numbered:
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        assert number == ".".join(str(n) for n in counters[:level]), heading


def test_each_process_is_a_numbered_section_with_its_own_subsections(draft):
    outline = draft.model.outline()
    chapter = next(number for level, number, heading in outline if level == 1 and heading == "Processer och rutiner")
    processes = [p.namn for p in draft.description.processer]
    at = [i for i, (level, _, heading) in enumerate(outline) if level == 2 and heading in processes]
    assert [outline[i][2] for i in at] == processes
    assert [outline[i][1] for i in at] == [f"{chapter}.{n}" for n in range(1, len(processes) + 1)]
    for index, process in zip(at, draft.description.processer, strict=True):
        below = [number for level, number, _ in outline[index + 1:][:3] if level == 3]
        expected = 2 if process.samverkan else 1
        assert below[:expected] == [f"{outline[index][1]}.{n}" for n in range(1, expected + 1)], process.namn


def test_every_applicable_chapter_heads_the_draft_and_the_matrix_lists_the_applicable_requirements(draft):
    outline = draft.model.outline()
    chapter_titles = {heading for level, _, heading in outline if level == 1}
    applicable_chapters = {chapter_of(id_) for id_ in draft.applicable}
    assert applicable_chapters <= chapter_titles
    assert not (set(chapters().values()) - applicable_chapters) & chapter_titles
    matrix = next(b for s in draft.model.walk_sections() if s.heading == "Bilaga: Kravmatris" for b in s.blocks
                  if isinstance(b, Table))
    listed = [c.text for c in matrix.cells if c.column == 0 and c.row > 0]
    assert set(listed) == draft.applicable and len(listed) == len(draft.applicable)
    rows = {(c.row, c.column): c.text for c in matrix.cells}
    for row in range(1, matrix.n_rows):
        assert rows[row, 4] == chapter_of(rows[row, 0]) and rows[row, 4] in chapter_titles


def test_what_is_outside_the_scope_is_not_written_in(draft):
    text = draft.text.split("\nBilaga: Kravmatris\n")[0]  # the matrix quotes the catalog's titles
    scope = draft.description.omfattning
    if "hälso- och sjukvård" in scope:
        assert "lex Maria" in text and "Patientsäkerhetsberättelse" in text
    else:
        assert HEALTH_CARE_WORDS.findall(text) == []
    if "lss" in scope:
        assert "verksamheten enligt LSS" in text
    else:
        assert LSS_WORDS.findall(text) == []


def test_the_draft_speaks_in_the_descriptions_own_names(draft):
    text = draft.text
    described = draft.description
    names = [described.kommun, described.nämnd, described.förvaltning, *described.roller.values(),
             described.system.avvikelser, described.system.ärenden, described.system.rutiner,
             *(f.namn for f in described.forum), *(f.namn for f in described.samverkan.intern),
             *(s.part for s in described.samverkan.extern), *(v.namn for v in described.verksamheter),
             *(a.aktivitet for a in described.årshjul), *(a for p in described.processer for a in p.aktiviteter)]
    assert [name for name in names if name not in text] == []
    for rhythm in {a.frekvens for a in described.årshjul} | {e.frekvens for e in described.egenkontroller}:
        assert rhythm.casefold() in text.casefold()


def test_the_template_headings_are_the_chapters_of_the_requirement_matrix():
    template = docx.Document(str(Path(__file__).resolve().parents[2] / "templates" / "ledningssystem.docx"))
    headings = {p.text for p in template.paragraphs if p.style.name == "Heading 1"}
    assert set(chapters().values()) <= headings


def test_a_minimal_description_gets_every_binding_requirement_and_no_invented_self_checks(tmp_path):
    """A förvaltning that names only the required roles and leaves the årshjul without the usual lines still gets
    a draft that meets every ska-requirement (the template's own wording stands in); the self-checks it does not
    describe are not written in for it."""
    described = Description.model_validate({
        "kommun": "Norrby kommun", "nämnd": "Socialnämnden", "förvaltning": "Socialförvaltningen",
        "datum": "2027-03-01", "version": 2, "omfattning": ["socialtjänst"],
        "roller": {"förvaltningschef": "Socialchef", "enhetschef": "Enhetschef"},
        "verksamheter": [{"namn": "Individ- och familjeomsorg", "omfattning": "socialtjänst"}],
        "processer": [{"namn": "Utredning av barn och unga", "ägare": "enhetschef", "samverkan": ["skolan"],
                       "aktiviteter": ["Ta emot anmälan", "Göra skyddsbedömning", "Utreda", "Besluta"]}],
        "forum": [{"namn": "Ledningsgruppen", "deltagare": "socialchefen och enhetscheferna",
                   "frekvens": "varje vecka", "syfte": "leder arbetet"}],
        "samverkan": {
            "intern": [{"namn": "Ärendedragningar", "deltagare": "socialsekreterarna och enhetschefen",
                        "frekvens": "varje vecka", "syfte": "går igenom pågående ärenden"}],
            "extern": [{"part": "Polisen", "form": "en samverkansöverenskommelse om barn som far illa",
                        "ansvarig": "enhetschef", "frekvens": "två gånger per år"}]},
        "årshjul": [{"aktivitet": "Budget", "frekvens": "en gång per år", "ansvarig": "förvaltningschef"}],
        "egenkontroller": [{"typ": "egna_resultat", "beskrivning": "nyckeltalen jämförs med förra året",
                            "frekvens": "varje kvartal", "ansvarig": "enhetschef"}],
        "system": {"avvikelser": "Lifecare", "ärenden": "Lifecare", "rutiner": "intranätet"}})
    path = tmp_path / "utkast.docx"
    render_draft(described, path)
    result = check(path, omfattning=["socialtjänst"])
    binding = [f for f in result.findings if f.kind == "ska" and f.status != "not_applicable"]
    assert all(f.status == "covered" for f in binding), gaps(result)
    uncovered = {f.requirement_id for f in result.findings if f.status in ("partial", "missing")}
    assert uncovered == {"EGEN-AR-1", "EGEN-AR-2", "EGEN-AR-4", "EGEN-AR-5", "EGEN-AR-6", "EGEN-AR-8"}
    text = read(path).plain_text()
    assert "Socialchef sammanställer avvikelser" in text and "Varje enhet gör en riskanalys en gång per år" in text


def test_the_committed_template_is_the_one_the_build_script_writes(tmp_path):
    from devtools.build_templates import TARGET, build

    def content(path: Path) -> list[tuple[str, str]]:
        document = docx.Document(str(path))
        cells = [("cell", cell.text) for table in document.tables for row in table.rows for cell in row.cells]
        return [(p.style.name, p.text) for p in document.paragraphs] + cells

    assert content(build(tmp_path / "ledningssystem.docx")) == content(TARGET)
