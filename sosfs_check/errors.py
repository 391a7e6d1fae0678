"""One exception hierarchy for everything a user can get wrong.

Every error carries a Swedish message meant for the end user and a documented
process exit code, so the CLI can print one line and exit without a traceback
while notebook users can catch precise types.
"""

from __future__ import annotations

from pathlib import Path


class SosfsCheckError(Exception):
    """Base class of every error sosfs_check raises on purpose."""

    exit_code: int = 1

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.message = message
        super().__init__(self.user_message())

    def user_message(self) -> str:
        """The one-line Swedish message shown to the user."""
        if self.path is None:
            return self.message
        return f"{self.path}: {self.message}"


class InvalidArgumentError(SosfsCheckError):
    """An argument has a value the tool does not know (an unknown --omfattning, say)."""

    exit_code = 2


class CatalogError(SosfsCheckError):
    """The requirements catalog or one of its lexicons is invalid."""

    exit_code = 3

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        summary = f"Katalogen är ogiltig ({len(problems)} fel):\n" + "\n".join(f"  - {p}" for p in problems)
        super().__init__(summary)


class InputNotFoundError(SosfsCheckError):
    """The input path does not exist or cannot be read."""

    exit_code = 4


class UnsupportedFormatError(SosfsCheckError):
    """The file is not a format we read (PDF, image, legacy .doc, encrypted .docx …)."""

    exit_code = 5


class CorruptDocumentError(SosfsCheckError):
    """The file claims to be a .docx but its package is broken."""

    exit_code = 6


class EmptyDocumentError(SosfsCheckError):
    """The file is empty or the document holds no text at all."""

    exit_code = 7


class DocumentTooLargeError(SosfsCheckError):
    """Uncompressed XML parts exceed the configured limit (zip bomb guard)."""

    exit_code = 8


class UnsafeXmlError(SosfsCheckError):
    """An XML part declares a DOCTYPE or entities; we never resolve them."""

    exit_code = 9


class OutputExistsError(SosfsCheckError):
    """Refusing to overwrite an existing output file without --force."""

    exit_code = 10


class OutputError(SosfsCheckError):
    """An output file cannot be written: its folder is missing, it is a folder or an input document, or the
    system refuses (no permission, disk full)."""

    exit_code = 11


class BatchFailedError(SosfsCheckError):
    """A batch ran to the end but at least one document could not be checked (each is listed in the summary)."""

    exit_code = 12


class TemplateError(SosfsCheckError):
    """A Word template cannot be used: it is missing, or a tag in it was broken when it was edited."""

    exit_code = 15


class DescriptionError(SosfsCheckError):
    """The description a draft is generated from is invalid: every problem, with its place in the file."""

    exit_code = 13

    def __init__(self, problems: list[str], path: Path | str | None = None) -> None:
        self.problems = problems
        summary = f"beskrivningen är ogiltig ({len(problems)} fel):\n" + "\n".join(f"  - {p}" for p in problems)
        super().__init__(summary, path)


class ImageOnlyPdfError(SosfsCheckError):
    """The PDF holds only images of pages (scanned) and no text layer: it needs text recognition (OCR) first."""

    exit_code = 14


EXIT_CODES: dict[str, int] = {
    cls.__name__: cls.exit_code
    for cls in (
        InvalidArgumentError,
        CatalogError,
        InputNotFoundError,
        UnsupportedFormatError,
        CorruptDocumentError,
        EmptyDocumentError,
        DocumentTooLargeError,
        UnsafeXmlError,
        OutputExistsError,
        OutputError,
        BatchFailedError,
        DescriptionError,
        TemplateError,
        ImageOnlyPdfError,
    )
}
