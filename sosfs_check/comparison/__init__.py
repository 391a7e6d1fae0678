"""Several kommuners ledningssystem side by side (model.py), from documents or stored results."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sosfs_check.assessment.model import AssessmentResult
    from sosfs_check.comparison.model import Comparison



def compare(*sources: AssessmentResult | Path | str, names: Sequence[str] | None = None,
            omfattning: str | Sequence[str] | None = None) -> Comparison:
    """Compare two or more documents (.docx, .pdf, .txt, .md), stored results (.json from `check --format json`)
    or results already at hand; `names` labels them (default: their file names).

    >>> jämförelse = compare("vår.docx", "grannens.pdf", names=["Ekdala", "Åby"])   # doctest: +SKIP
    >>> [row.id for row in jämförelse.largest_differences][:3]                     # doctest: +SKIP
    ['EGEN-AR-1', 'RISK-2', 'SAMV-SOL-1']
    """
    import datetime as dt

    from sosfs_check.comparison.model import build_comparison

    return build_comparison([result_of(source, omfattning) for source in sources], names,
                            date=dt.date.today().isoformat())


def result_of(source: AssessmentResult | Path | str, omfattning: str | Sequence[str] | None = None) \
        -> AssessmentResult:
    """A source's result: as given, read back from its JSON file, or checked now."""
    from sosfs_check.assessment.model import AssessmentResult

    if isinstance(source, AssessmentResult):
        return source
    path = Path(source)
    if path.suffix.lower() == ".json":
        from sosfs_check.assessment.stored import load_result

        return load_result(path)
    from sosfs_check.assessment.run import check

    return check(path, omfattning=omfattning)
