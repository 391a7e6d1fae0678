"""The PDF reader's layout steps on lines laid out by code: paragraphs rebuilt from wrapped and hyphenated lines,
running headers, footers and page numbers, the table of contents, and reading order across columns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sosfs_check.document.pdf_footnotes import split_footnotes
from sosfs_check.document.pdf_lines import Line
from sosfs_check.document.pdf_order import reading_order
from sosfs_check.document.pdf_paragraphs import build_paragraphs, measure
from sosfs_check.document.pdf_reader import Entry, remove_table_of_contents
from sosfs_check.document.pdf_running import find_running
from sosfs_check.document.pdf_thresholds import pdf_layout
from sosfs_check.document.raw import TextRead
from tests.document.test_line_joining import COMPOUNDS, WORDS
from tests.document.wrapping import wrap_with_hyphens

SIZE = 11.0
WIDTH = SIZE * 0.5  # every glyph as wide as half its size: a line's length in points follows from its text
PITCH = SIZE * 1.3
LEFT = 72.0
HEIGHT = 842.0


def line(text: str, row: float, *, left: float = LEFT, page: int = 1, size: float = SIZE, bold: bool = False,
         marker: str | None = None) -> Line:
    """A line of `text` whose baseline stands `row` pitches below the top margin."""
    start = left + (2 * WIDTH if marker else 0.0)
    first = text.split()[0] if text.split() else ""
    top = 72.0 + row * PITCH
    return Line(text=text, x0=left, x1=start + len(text) * WIDTH, top=top, bottom=top + size, size=size, bold=bold,
                page=page, first_word_width=len(first) * WIDTH, first_char_width=WIDTH, text_x0=start,
                marker=marker, bullet=marker is not None)


# The rest of a document uses its words too: the reader tells a word broken without a hyphen (too long for its
# column) from one that wrapped whole by whether the document has the pieces as words of their own.
CONTEXT = [line(" ".join(WORDS[i:i + 4] + COMPOUNDS[i:i + 2]), i, page=99) for i in range(0, len(WORDS), 4)]


def paragraphs_of(lines: list[Line], edge: float) -> list[str]:
    metrics = measure([lines, CONTEXT], [])
    return [built.paragraph.text for built in build_paragraphs([(ln, edge) for ln in lines], metrics)]


def test_a_word_broken_with_a_hyphen_is_joined_and_real_hyphens_stay():
    lines = [line("Enhetschefen ansvarar för kvalitetsarbe-", 0), line("tet och för att hälso-", 1),
             line("och sjukvården i LSS-", 2), line("verksamheten följer rutinerna.", 3)]
    assert paragraphs_of(lines, LEFT + 40 * WIDTH) == [
        ("Enhetschefen ansvarar för kvalitetsarbetet och för att hälso- och sjukvården i LSS-verksamheten följer "
        "rutinerna.")]


def test_a_line_ended_on_purpose_ends_its_paragraph():
    """The next line's first word would have fitted: the line was not wrapped, the paragraph ended."""
    lines = [line("Nämnden beslutar.", 0), line("Förvaltningen ansvarar för att det följs", 1),
             line("och att det används.", 2)]
    assert paragraphs_of(lines, LEFT + 42 * WIDTH) == [
        "Nämnden beslutar.", "Förvaltningen ansvarar för att det följs och att det används."]


def test_a_line_in_lower_case_goes_on_and_a_capital_after_a_wrapped_line_too():
    lines = [line("Rutinerna beskriver hur Socialstyrelsens", 0), line("föreskrifter följs. Socialnämnden", 1),
             line("Trelleborg beslutar om ändringar.", 2)]
    assert paragraphs_of(lines, LEFT + 41 * WIDTH) == [
        "Rutinerna beskriver hur Socialstyrelsens föreskrifter följs. Socialnämnden Trelleborg beslutar om ändringar."]


def test_list_items_headings_and_space_above_start_new_paragraphs():
    lines = [line("1 Ansvar", 0, size=14.0, bold=True), line("Enhetschefen ansvarar för att:", 1.3),
             line("göra riskanalyser varje kvartal och", 2.3, marker="•"), line("dokumentera dem,", 3.3, left=LEFT + 2 * WIDTH),
             line("följa upp avvikelser.", 4.3, marker="•"), line("Resultaten redovisas för nämnden.", 6.5)]
    assert paragraphs_of(lines, LEFT + 45 * WIDTH) == [
        "1 Ansvar", "Enhetschefen ansvarar för att:", "göra riskanalyser varje kvartal och dokumentera dem,",
        "följa upp avvikelser.", "Resultaten redovisas för nämnden."]


def test_a_paragraph_goes_on_over_a_page_break_unless_its_line_closed():
    lines = [line("Förvaltningschefen ansvarar för att", 40), line("rutinerna revideras årligen.", 0, page=2),
             line("Nämnden följer upp.", 41, page=2), line("Kvalitetsrådet sammanträder.", 0, page=3)]
    assert paragraphs_of(lines, LEFT + 40 * WIDTH) == [
        "Förvaltningschefen ansvarar för att rutinerna revideras årligen.", "Nämnden följer upp.",
        "Kvalitetsrådet sammanträder."]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.sampled_from(WORDS + COMPOUNDS), min_size=3, max_size=25), min_size=1, max_size=4),
       st.integers(18, 60), st.lists(st.integers(0, 12), min_size=1, max_size=6))
def test_paragraphs_wrapped_at_any_width_with_broken_words_read_back(paragraphs, width, cuts):
    """Paragraphs laid out line by line, words broken with a hyphen where the line is full, a blank line between
    paragraphs: the reader gives back each paragraph's text."""
    texts = [" ".join(words) for words in paragraphs]
    lines: list[Line] = []
    row = 0.0
    for text in texts:
        for wrapped in wrap_with_hyphens(text, width, cuts):
            lines.append(line(wrapped, row))
            row += 1
        row += 1  # the space after a paragraph
    edge = max(ln.x1 for ln in lines)
    assert paragraphs_of(lines, edge) == texts


def _page(number: int, body: list[str], header: str | None, footer: str | None) -> list[Line]:
    lines = [line(text, 4 + index, page=number) for index, text in enumerate(body)]
    if header is not None:
        lines.append(line(header, -2.5, page=number, size=9.0))
    if footer is not None:
        lines.append(Line(text=footer, x0=LEFT, x1=LEFT + 50, top=800.0, bottom=809.0, size=9.0, bold=False,
                          page=number, first_word_width=20.0, first_char_width=WIDTH, text_x0=LEFT))
    return lines


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(3, 30), st.sampled_from(["Ledningssystem för kvalitet – Socialnämnden", "Rutin 2024"]),
       st.sampled_from(["Sida {n} av {total}", "{n}", "{n} ({total})"]), st.data())
def test_running_headers_footers_and_page_numbers_are_taken_out_and_nothing_else(pages, header, footer, data):
    bodies = [[f"Avsnitt {n} handlar om {data.draw(st.sampled_from(WORDS))} och {index}" for index in range(5)]
              for n in range(1, pages + 1)]
    first_has_header = data.draw(st.booleans())  # a title page may stand without the header
    laid = [_page(n, bodies[n - 1], header if n > 1 or first_has_header else None,
                  footer.format(n=n, total=pages)) for n in range(1, pages + 1)]
    removed, running = find_running([(HEIGHT, lines) for lines in laid])
    kept = [ln.text for lines in laid for ln in lines if id(ln) not in removed]
    assert kept == [text for body in bodies for text in body]
    assert {item.kind for item in running} == {"header", "page_number"}


def test_a_short_document_keeps_its_margin_lines_but_not_its_page_numbers():
    laid = [_page(n, ["Ledningssystemet gäller från 2024."], "Socialnämnden", f"Sida {n} av 2") for n in (1, 2)]
    removed, running = find_running([(HEIGHT, lines) for lines in laid])
    assert [ln.text for lines in laid for ln in lines if id(ln) not in removed] == [
        "Ledningssystemet gäller från 2024.", "Socialnämnden"] * 2
    assert [item.kind for item in running] == ["page_number"]


def test_a_page_number_in_a_margin_must_count_up_with_the_pages():
    """A chapter number standing alone at the top of one page is no page number."""
    laid = [_page(n, ["Text på sidan."], None, str(n)) for n in range(1, 6)]
    laid[2].append(line("8", -1.2, page=3, size=14.0, bold=True))
    removed, _ = find_running([(HEIGHT, lines) for lines in laid])
    assert [ln.text for lines in laid for ln in lines if id(ln) not in removed].count("8") == 1


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12, unique=True), st.booleans(), st.integers(0, 3))
def test_a_table_of_contents_is_taken_out_and_noted(titles, marker, title_lines):
    """Entries with dot leaders and page numbers, optionally under "Innehållsförteckning", after a title page."""
    entries = [f"{i + 1} {title.capitalize()} {'.' * (40 - len(title))} {i + 3}" for i, title in enumerate(titles)]
    texts = ["Ledningssystem"] * title_lines + (["Innehållsförteckning"] if marker else []) + entries
    body = [f"{i + 1} {title.capitalize()}" for i, title in enumerate(titles)] + ["Brödtext som följer."]
    stream: list[Entry] = [(line(text, i), 500.0) for i, text in enumerate(texts)]
    stream += [(line(text, i, page=pdf_layout().toc.search_pages + 1), 500.0) for i, text in enumerate(body)]
    read = TextRead()
    remove_table_of_contents(stream, read)
    left = [entry[0].text for entry in stream if entry is not None and isinstance(entry[0], Line)]
    assert left == ["Ledningssystem"] * title_lines + body
    assert read.counts["toc_paragraphs"] == len(titles)
    assert [(at, kind) for at, _, kind, _ in read.line_notes] == [(title_lines, "toc")]


def test_two_columns_are_read_down_the_left_one_first_and_a_spanning_heading_in_place():
    title = line("Ledningssystem för systematiskt kvalitetsarbete i två spalter", 0, size=14.0, bold=True)
    left = [line(f"vänster spalt rad {i} med text", 2 + i) for i in range(8)]
    right = [line(f"höger spalt rad {i} med text", 2 + i, left=LEFT + 260) for i in range(8)]
    wide = line("En rad som går över båda spalterna efteråt och lite till för att nå hela vägen", 11)
    below_left = [line(f"nedre vänster {i}", 12 + i) for i in range(3)]
    below_right = [line(f"nedre höger {i}", 12 + i, left=LEFT + 260) for i in range(3)]
    items = [*right, wide, *below_right, title, *left, *below_left]
    ordered = [ln.text for ln, _ in reading_order(items, 520.0, SIZE, pdf_layout().columns)]
    assert ordered == [title.text, *(ln.text for ln in left), *(ln.text for ln in right), wide.text,
                       *(ln.text for ln in below_left), *(ln.text for ln in below_right)]


def test_a_footnote_leaves_the_text_flow_and_joins_the_paragraph_that_marks_it():
    body = line("Riskanalyser görs varje kvartal.", 0)
    marked = Line(**{**{name: getattr(body, name) for name in body.__slots__}, "marks": ("1",)})
    note = [line("1 Enligt 5 kap. 1 § SOSFS 2011:9 och", 48, size=8.0), line("förvaltningens rutin.", 49, size=8.0)]
    lines, notes = split_footnotes([marked, *note], HEIGHT, SIZE)
    assert lines == [marked]
    assert notes == {"1": "Enligt 5 kap. 1 § SOSFS 2011:9 och förvaltningens rutin."}
    [built] = build_paragraphs([(marked, 500.0)], measure([lines], []), {(1, mark): text for mark, text in notes.items()})
    assert built.paragraph.footnotes == ["Enligt 5 kap. 1 § SOSFS 2011:9 och förvaltningens rutin."]


def test_small_text_low_on_a_page_without_a_mark_above_is_no_footnote():
    lines = [line("Text utan fotnot.", 0), line("1 Bilaga till ledningssystemet", 48, size=8.0)]
    assert split_footnotes(lines, HEIGHT, SIZE) == (lines, {})
