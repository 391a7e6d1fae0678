"""What the comparison renderers' tests share: two small documents built here and three corpus documents."""

from __future__ import annotations

import pytest

from sosfs_check import check
from sosfs_check.assessment.model import AssessmentResult
from sosfs_check.comparison.model import Comparison, build_comparison
from tests.conftest import REPO

DATE = "2025-03-01"
REQUIREMENT_FACTS = ("requirement", "title", "chapter", "citation", "kind", "area")  # before the documents

# Two short ledningssystem that answer different requirements: one names who analyses risks and how often, the
# other who compiles deviations yearly and who takes complaints.
RISKS = """\
# Ledningssystem för systematiskt kvalitetsarbete – Socialnämnden

## 1 Ansvar

Socialnämnden ansvarar för att det finns ett ledningssystem för systematiskt kvalitetsarbete inom socialtjänsten.

Verksamheten följer socialtjänstlagen (2001:453) och SOSFS 2011:9.

### 1.1 Riskanalys

Enhetschefen ansvarar för att en riskanalys görs varje kvartal. Riskanalysen bedömer sannolikheten för att en
händelse inträffar och vilka konsekvenser den kan få.

### 1.2 Egenkontroll

| Vad | Vem | Hur ofta |
| --- | --- | --- |
| Egenkontroll av journaler | Enhetschef | 2 gånger per år |
| Sammanställning av avvikelser | Kvalitetsutvecklare | varje månad |
"""
DEVIATIONS = """\
# Ledningssystem – Vård- och omsorgsnämnden

## 1 Ansvar

Vård- och omsorgsnämnden ansvarar för att det finns ett ledningssystem för verksamheten.

## 2 Avvikelser

Personalen rapporterar avvikelser. Förvaltningschefen ansvarar för att avvikelserna sammanställs och analyseras
en gång per år så att mönster och trender kan upptäckas.

## 3 Klagomål

Klagomål och synpunkter tas emot och utreds av enhetschefen.
"""
CORPUS = ("000-svedala-trelleborg.docx", "001-trelleborg-socialnamnd.docx", "003-katrineholm-socialnamnd.docx")


@pytest.fixture(scope="session")
def small_results(tmp_path_factory: pytest.TempPathFactory) -> list[AssessmentResult]:
    directory = tmp_path_factory.mktemp("small")
    for name, text in (("socialnamnden.md", RISKS), ("vard-och-omsorg.md", DEVIATIONS)):
        (directory / name).write_text(text, encoding="utf-8")
    return [check(directory / "socialnamnden.md"), check(directory / "vard-och-omsorg.md")]


@pytest.fixture(scope="session")
def small(small_results) -> Comparison:
    return build_comparison(small_results, names=["Socialnämnden", "Vård och omsorg"], date=DATE)


@pytest.fixture(scope="session")
def corpus() -> Comparison:
    return build_comparison([check(REPO / "corpus" / name) for name in CORPUS], date=DATE)
