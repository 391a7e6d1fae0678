"""Writing output files safely: never over an existing file without force, never over an input document, never
half-written (a temporary file beside the target, renamed into place)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from sosfs_check.errors import OutputError, OutputExistsError


def check_output(path: Path, *, force: bool, inputs: Iterable[Path] = ()) -> Path:
    """The path, if it may be written; otherwise the error a user should see. Its folder must exist: a mistyped
    folder is an error, not created silently."""
    if path.is_dir():
        raise OutputError("sökvägen är en mapp; ange ett filnamn", path)
    if any(_same_file(path, source) for source in inputs):
        raise OutputError("utdatafilen är samma fil som ett dokument som granskas", path)
    if not path.parent.is_dir():
        raise OutputError(f"mappen {path.parent} finns inte", path)
    if path.exists() and not force:
        raise OutputExistsError("filen finns redan; använd --force för att skriva över den", path)
    return path


def write_output(path: Path, write: Callable[[Path], object], *, force: bool, inputs: Iterable[Path] = ()) -> Path:
    """Write through `write(temporary_path)` and rename into place, after check_output."""
    check_output(path, force=force, inputs=inputs)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"filen kan inte skrivas ({_reason(exc)})", path) from None
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(f"filen kan inte skrivas ({_reason(exc)})", path) from None
    finally:
        temporary.unlink(missing_ok=True)
    return path


def write_text_output(path: Path, text: str, *, force: bool, inputs: Iterable[Path] = ()) -> Path:
    return write_output(path, lambda target: target.write_text(text, encoding="utf-8"), force=force, inputs=inputs)


def _same_file(path: Path, source: Path) -> bool:
    try:
        return path.exists() and source.exists() and path.samefile(source)
    except OSError:
        return False


def _reason(exc: OSError) -> str:
    """The system's refusal in Swedish, by its errno."""
    import errno

    return {errno.EACCES: "behörighet saknas", errno.EPERM: "behörighet saknas", errno.ENOSPC: "disken är full",
            errno.EROFS: "skrivskyddat filsystem", errno.ENAMETOOLONG: "för långt filnamn"}.get(
        exc.errno or 0, exc.strerror or "okänt fel")
