"""Every corpus document: all visible body text read once, nothing else, and every heading with its number."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from devtools.text_recall import measure
from sosfs_check.document.ooxml import w
from sosfs_check.document.reader import read
from tests.conftest import REPO

CORPUS = REPO / "corpus"
STYLED = sorted(CORPUS.glob("*.docx"))
ALL = STYLED + sorted((CORPUS / "variants").glob("*.docx"))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_text_recall_and_precision(path):
    result = measure(path)
    assert result.reference_tokens > 2000
    assert result.recall >= 0.999
    assert result.precision >= 0.999


def _styled_headings(path) -> list[tuple[int, str]]:
    """(level, 'number text') of every Heading-styled paragraph, straight from the XML."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    found = []
    for paragraph in root.iter(w("p")):
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        value = style.get(w("val"), "") if style is not None else ""
        if value.startswith("Heading"):
            found.append((int(value[-1]), "".join(t.text or "" for t in paragraph.iter(w("t")))))
    return found


# Headings per document, counted once in the styled build: a builder that loses a heading fails here.
HEADING_COUNTS = {"000-svedala-trelleborg": 31, "001-trelleborg-socialnamnd": 28,
                  "003-katrineholm-socialnamnd": 30, "d1-sjobacka-vard-och-omsorg": 60,
                  "d3-ekdala-socialnamnd": 36}

# Without heading styles, an unnumbered bold line of body size in a document whose headings carry typed numbers
# is a label ("Avvikelser", "Socialchef" in d1 and d3), not a heading; "Bilaga 1 …" stays one.
SHAPE_CASES = [
    pytest.param(path, shape, id=f"{path.stem}-{shape}")
    for path in STYLED for shape in ("styled", "bold", "swedish", "autonumber", "features")
]


def test_every_corpus_document_has_its_heading_count():
    assert {path.stem: len(_styled_headings(path)) for path in STYLED} == HEADING_COUNTS


@pytest.mark.parametrize("path,shape", SHAPE_CASES)
def test_every_heading_with_its_displayed_number_in_every_shape(path, shape):
    source = path if shape == "styled" else CORPUS / "variants" / f"{path.stem}-{shape}.docx"
    sections = [s for s in read(source).walk_sections() if s.level > 0]
    assert [(s.level, s.title) for s in sections] == _styled_headings(path)
