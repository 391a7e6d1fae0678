"""Running one function over many documents in worker processes, with a progress bar: the batch check and the
comparison of many documents share it."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sosfs_check.errors import InvalidArgumentError

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from sosfs_check.report.formats import ReportFormat

T = TypeVar("T")


def run_each(documents: Sequence[Path], work: Callable[[int, Path], T], *, jobs: int, label: str,
             formats: Sequence[ReportFormat] = ()) -> list[T]:
    """work(index, document) for every document, in worker processes when jobs > 1, in input order. `work` must
    be picklable (a module-level function or a functools.partial of one) and catch its own errors."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    if jobs < 1:
        raise InvalidArgumentError("--jobs måste vara minst 1")
    outcomes: dict[int, T] = {}
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
               TimeRemainingColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("", total=len(documents))
        warm_up(formats)
        if jobs == 1 or len(documents) == 1:
            for index, document in enumerate(documents):
                progress.update(task, description=document.name)
                outcomes[index] = work(index, document)
                progress.advance(task)
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, len(documents)), mp_context=_fork_context()) as pool:
                futures = {pool.submit(work, index, document): index for index, document in enumerate(documents)}
                for future in as_completed(futures):
                    index = futures[future]
                    outcomes[index] = future.result()
                    progress.update(task, description=documents[index].name)
                    progress.advance(task)
    return [outcomes[index] for index in range(len(documents))]


def warm_up(formats: Sequence[ReportFormat] = ()) -> None:
    """Import, load and compile once, before the first document (and before the workers are forked, so that each
    inherits it instead of paying for it again): the modules, the catalog, and the patterns the first check
    compiles (a check of a one-line text compiles them all)."""
    import importlib

    from sosfs_check.assessment.run import check
    from sosfs_check.report.formats import render_text
    from sosfs_check.report.view import build_view

    result = check("# Uppvärmning\n\nText.\n".encode(), name="uppvarmning.md")
    render_text(result, build_view(result), "html")
    for fmt in formats:
        if fmt in ("docx", "xlsx"):
            importlib.import_module(f"sosfs_check.report.{fmt}_report")
    # What lives for the whole run (modules, catalog, compiled patterns) is never garbage: the collector need not
    # scan it again after every document.
    gc.freeze()


def _fork_context() -> BaseContext | None:
    """Workers forked from the warmed-up parent where the system can (Linux); elsewhere the default start."""
    import multiprocessing

    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
