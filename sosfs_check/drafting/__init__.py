"""Generate a draft ledningssystem from a description of a förvaltning, or a supplement for the gaps a check
found. The drafts are Word files filled from the templates in templates/ (docxtpl)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sosfs_check.assessment.model import AssessmentResult
    from sosfs_check.drafting.description import Description

EXAMPLE = Path(__file__).with_name("data") / "exempel.yaml"
"""A complete, commented description (`sosfs-check generate --exempel`)."""


def generate(description: Description | Path | str, path: Path | str, *, overwrite: bool = False) -> Path:
    """Write a draft ledningssystem for the förvaltning described (a Description or a YAML file) to `path`.

    >>> from sosfs_check.drafting import EXAMPLE, generate
    >>> generate(EXAMPLE, "utkast.docx")                          # doctest: +SKIP
    PosixPath('utkast.docx')
    """
    from sosfs_check.drafting.description import Description, load_description
    from sosfs_check.drafting.render import render_draft
    from sosfs_check.output_files import write_output

    described = description if isinstance(description, Description) else load_description(Path(description))
    inputs = () if isinstance(description, Description) else (Path(description),)
    return write_output(Path(path), lambda target: render_draft(described, target), force=overwrite, inputs=inputs)


def supplement(result: AssessmentResult | Path | str, path: Path | str, *, overwrite: bool = False) -> Path:
    """Write a supplement with a drafted section for every missing or partial requirement of a check result (the
    result, or its JSON file from `sosfs-check check --format json`).

    >>> supplement(check("ledningssystem.docx"), "komplettering.docx")   # doctest: +SKIP
    PosixPath('komplettering.docx')
    """
    from sosfs_check.assessment.stored import load_result
    from sosfs_check.drafting.supplement import render_supplement
    from sosfs_check.output_files import write_output

    found = result if not isinstance(result, (Path, str)) else load_result(Path(result))
    inputs = () if not isinstance(result, (Path, str)) else (Path(result),)
    return write_output(Path(path), lambda target: render_supplement(found, target), force=overwrite,
                        inputs=inputs)
