"""`sosfs-check check DIR|FILES… -o OUTDIR`: many documents in worker processes, one report per document and a
summary, with a progress bar. One bad file does not stop the batch; it is listed with its error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sosfs_check.cli.workers import run_each
from sosfs_check.document.reader import DOCX_SUFFIXES, PDF_SUFFIXES, TEXT_SUFFIXES
from sosfs_check.errors import BatchFailedError, InvalidArgumentError, OutputError, SosfsCheckError
from sosfs_check.output_files import check_output
from sosfs_check.report.formats import SUFFIXES, ReportFormat

if TYPE_CHECKING:
    from sosfs_check.document.reader import ReadLimits
    from sosfs_check.report.view import BatchRow, BatchView, ReportView

Outcome = tuple["BatchRow", "ReportView | None"]
"""A worker's answer for one document: its line of the summary, and its report view when a summary sheet per
document is asked for (Excel). Views are not kept otherwise: a hundred of them slow the collector down."""

SUMMARY_NAME = "sammanfattning"
_SUMMARY_FORMATS: tuple[ReportFormat, ...] = ("html", "md", "json", "xlsx")  # a summary in Word is not made


@dataclass(frozen=True)
class BatchJob:
    """What every worker needs to check one document and write its reports."""

    formats: tuple[ReportFormat, ...]
    omfattning: tuple[str, ...] | None
    limits: ReadLimits
    force: bool
    inputs: tuple[Path, ...]


def collect_documents(sources: Sequence[Path]) -> list[Path]:
    """The documents named, and those a folder holds (not its subfolders), in name order; a folder without
    documents is an error."""
    readable = {*DOCX_SUFFIXES, *PDF_SUFFIXES, *TEXT_SUFFIXES}
    found: list[Path] = []
    for source in sources:
        if source.is_dir():
            inside = sorted(p for p in source.iterdir() if p.is_file() and p.suffix.lower() in readable
                            and not p.name.startswith(("~$", ".")))  # Word's lock files, hidden files
            if not inside:
                raise InvalidArgumentError("mappen innehåller inga dokument (.docx, .pdf, .txt, .md)", source)
            found += inside
        else:
            found.append(source)  # an unreadable file fails on its own, listed in the summary
    return list(dict.fromkeys(found))


def report_names(documents: Sequence[Path]) -> list[str]:
    """One report stem per document: its own stem, made unique with -2, -3 … when two documents share one."""
    names: list[str] = []
    taken: set[str] = {SUMMARY_NAME}
    for document in documents:
        stem, number = document.stem, 1
        while (stem if number == 1 else f"{stem}-{number}") in taken:
            number += 1
        name = stem if number == 1 else f"{stem}-{number}"
        taken.add(name)
        names.append(name)
    return names


def planned_outputs(out_dir: Path, names: Sequence[str], formats: Sequence[ReportFormat]) -> list[Path]:
    """Every file the batch will write: each document's reports and the summaries."""
    return [*(out_dir / f"{name}{SUFFIXES[fmt]}" for name in names for fmt in formats),
            *(out_dir / f"{SUMMARY_NAME}{SUFFIXES[fmt]}" for fmt in summary_formats(formats))]


def summary_formats(formats: Sequence[ReportFormat]) -> list[ReportFormat]:
    chosen = [fmt for fmt in formats if fmt in _SUMMARY_FORMATS]
    return chosen or ["html"]


def _check_one(index: int, document: Path, *, out_dir: Path, names: tuple[str, ...], job: BatchJob) -> Outcome:
    """In a worker: check one document and write its reports. Returns (view, report file name, error)."""
    from sosfs_check.assessment.run import check
    from sosfs_check.document.reader import read
    from sosfs_check.report.formats import write_report
    from sosfs_check.report.view import batch_row, build_view

    name = names[index]
    try:
        result = check(read(document, **job.limits),
                       omfattning=list(job.omfattning) if job.omfattning else None)
        view = build_view(result)
        for fmt in job.formats:
            write_report(result, view, fmt, out_dir / f"{name}{SUFFIXES[fmt]}", force=job.force, inputs=job.inputs)
    except SosfsCheckError as exc:
        return batch_row(document.name, None, None, exc.message), None  # the row names the document
    except Exception as exc:  # a bug must not stop the other documents; it is listed with the document
        return batch_row(document.name, None, None, f"oväntat fel ({type(exc).__name__}: {exc})"), None
    return batch_row(document.name, view, f"{name}{SUFFIXES[job.formats[0]]}", None), (
        view if "xlsx" in summary_formats(job.formats) else None)


def run_batch(sources: Sequence[Path], out_dir: Path, formats: Sequence[ReportFormat], *, jobs: int,
              omfattning: Sequence[str] | None, limits: ReadLimits, force: bool, fail_on: set[str] | None) -> int:
    """Check every document, write the reports and the summary; the exit code (0, 1 for --fail-on, 12 when a
    document failed). Every output path is checked before the first document is read."""
    from sosfs_check.report.formats import write_batch_summary
    from sosfs_check.report.view import build_batch_view

    documents = collect_documents(sources)
    _prepare_folder(out_dir, documents)
    names = report_names(documents)
    inputs = tuple(documents)
    for path in planned_outputs(out_dir, names, formats):
        check_output(path, force=force, inputs=inputs)
    job = BatchJob(formats=tuple(formats), omfattning=tuple(omfattning) if omfattning else None,
                   limits=limits, force=force, inputs=inputs)
    finished = run_each(documents, partial(_check_one, out_dir=out_dir, names=tuple(names), job=job), jobs=jobs,
                        label="Granskar", formats=formats)
    views = [view for _, view in finished if view is not None]
    from sosfs_check.catalog import load_catalog

    batch = build_batch_view([row for row, _ in finished], load_catalog().metadata.regulation,
                             date=dt.date.today().isoformat())
    for fmt in summary_formats(formats):
        write_batch_summary(batch, views, fmt, out_dir / f"{SUMMARY_NAME}{SUFFIXES[fmt]}", force=force,
                            inputs=inputs)
    _print_outcome(batch, out_dir)
    if batch.failed:
        raise BatchFailedError(f"{batch.failed} av {len(documents)} dokument kunde inte granskas (se "
                               f"{out_dir / SUMMARY_NAME}{SUFFIXES[summary_formats(formats)[0]]})")
    if fail_on and any(row.counts[status] for row in batch.rows for status in fail_on):
        return 1
    return 0


def _prepare_folder(out_dir: Path, documents: Sequence[Path]) -> None:
    """The output folder: an existing folder, or a new one whose parent exists. Never a file, never a folder
    that holds the documents being checked (reports beside inputs are easily mistaken for them)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError("utdata för flera dokument måste vara en mapp, inte en fil", out_dir)
    if not out_dir.exists():
        if not out_dir.parent.is_dir():
            raise OutputError(f"mappen {out_dir.parent} finns inte", out_dir)
        out_dir.mkdir()
    if any(document.resolve().parent == out_dir.resolve() for document in documents):
        raise OutputError("utdatamappen är samma mapp som dokumenten; välj en egen mapp för rapporterna", out_dir)


def _print_outcome(batch: BatchView, out_dir: Path) -> None:
    from rich.console import Console

    console = Console(stderr=True)
    console.print(batch.intro)
    for row in batch.rows:
        if row.error is not None:
            console.print(f"[red]{row.document}[/red]: {row.error}")
    console.print(f"Rapporterna finns i {out_dir}")
