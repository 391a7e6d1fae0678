"""The Markdown development documents read as the corpus .docx built from them: the two readers agree."""

from __future__ import annotations

import pytest

from sosfs_check.document.reader import read
from tests.conftest import REPO, SHARED
from tests.document.model_shape import model_shape

DOCUMENTS = ["d1-sjobacka-vard-och-omsorg", "d3-ekdala-socialnamnd"]


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_a_markdown_seed_reads_as_its_styled_docx(stem):
    markdown, docx = SHARED / "seeds" / f"{stem}.md", REPO / "corpus" / f"{stem}.docx"
    if not (markdown.exists() and docx.exists()):
        pytest.skip("the seeds live in ../shared/seeds and their .docx in corpus/")
    from_markdown, from_docx = read(markdown), read(docx)
    assert model_shape(from_markdown) == model_shape(from_docx)
    assert from_markdown.fidelity.complete and not from_markdown.fidelity.excluded
