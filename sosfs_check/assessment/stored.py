"""A check result read back from its JSON file (`sosfs-check check --format json`)."""

from __future__ import annotations

from pathlib import Path

from sosfs_check.assessment.model import AssessmentResult


def load_result(path: Path) -> AssessmentResult:
    """A check result from its JSON file; a Swedish error for a file that is not one."""
    from pydantic import ValidationError

    from sosfs_check.errors import InputNotFoundError, UnsupportedFormatError

    if not path.is_file():
        raise InputNotFoundError("resultatfilen finns inte", path)
    try:
        return AssessmentResult.model_validate_json(path.read_bytes())
    except ValidationError:
        raise UnsupportedFormatError("filen är inte ett resultat från sosfs-check check --format json",
                                     path) from None
