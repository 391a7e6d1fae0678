"""What the report tests share: the result of the bundled example document, checked once per session."""

from __future__ import annotations

import pytest

from sosfs_check.assessment.model import AssessmentResult
from sosfs_check.assessment.run import check
from tests.conftest import REPO

CORPUS_DOCUMENT = REPO / "corpus" / "d1-sjobacka-vard-och-omsorg.docx"


@pytest.fixture(scope="session")
def corpus_result() -> AssessmentResult:
    return check(CORPUS_DOCUMENT)
