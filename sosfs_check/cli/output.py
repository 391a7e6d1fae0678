"""Safe output: never overwrite a file unless the user said --force."""

from __future__ import annotations

from pathlib import Path

from sosfs_check.errors import OutputExistsError


def claim_output(path: Path, force: bool) -> Path:
    """Return path if it may be written, creating parent folders; refuse an existing file without force."""
    if path.exists() and not force:
        raise OutputExistsError("filen finns redan; använd --force för att skriva över den", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
