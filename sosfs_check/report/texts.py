"""The reports' Swedish wording (data/texts.yaml), validated once per process."""

from __future__ import annotations

from pathlib import Path

from sosfs_check.document.data_files import DataModel, load_data

_DATA = Path(__file__).with_name("data")


class ReportTexts(DataModel):
    """Every word a report shows that does not come from the document or the catalog."""

    statuses: dict[str, str]
    statuses_short: dict[str, str]
    counted: dict[str, str]
    kinds: dict[str, str]
    kinds_short: dict[str, str]
    scope_source: dict[str, str]
    passage_kinds: dict[str, str]
    frequency_kinds: dict[str, str]
    title: str
    subtitle: str
    headings: dict[str, str]
    labels: dict[str, str]
    notes: dict[str, str]
    sheets: dict[str, str]
    batch: dict[str, str]
    fidelity_kinds: dict[str, str]
    fidelity_counts: dict[str, str]
    compare: dict[str, str]


def report_texts() -> ReportTexts:
    return load_data("texts.yaml", ReportTexts, _DATA)
