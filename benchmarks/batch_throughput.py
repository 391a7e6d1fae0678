"""Batch throughput: documents per minute of `sosfs-check check DIR -o OUT` with --jobs 1 and --jobs 2.

Usage: .venv/bin/python benchmarks/batch_throughput.py [documents] [rounds] [format …]
Copies the corpus documents (corpus/*.docx, corpus/variants/*.docx, tests/data/documents/*.md|txt), repeated
under new names up to `documents` (default 100), into a temporary folder; runs the batch with --jobs 1 and
--jobs 2 in alternation, `rounds` times (default 3; each run a fresh process, as a user runs it), and prints
documents per minute and the speed-up: the median of each round's ratio, so that a slow spell of a shared
machine slows both alike. Target (issue 11): --jobs 2 at least 1.7 × --jobs 1 on this 2-core machine.
"""

from __future__ import annotations

import itertools
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def corpus_documents() -> list[Path]:
    documents = [*sorted((REPO / "corpus").glob("*.docx")), *sorted((REPO / "corpus" / "variants").glob("*.docx"))]
    documents += sorted(p for p in (REPO / "tests" / "data" / "documents").iterdir() if p.suffix in (".md", ".txt"))
    return documents


def main(count: int, rounds: int, formats: list[str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        inputs = Path(scratch) / "dokument"
        inputs.mkdir()
        for number, source in zip(range(count), itertools.cycle(corpus_documents()), strict=False):
            shutil.copy(source, inputs / f"{number:03d}-{source.name}")
        timings: dict[int, list[float]] = {1: [], 2: []}
        for round_number in range(rounds):
            for jobs in (1, 2):
                out = Path(scratch) / f"rapporter-{jobs}-{round_number}"
                command = [sys.executable, "-m", "sosfs_check", "check", str(inputs), "-o", str(out),
                           "--jobs", str(jobs)]
                for fmt in formats:
                    command += ["--format", fmt]
                start = time.perf_counter()
                completed = subprocess.run(command, capture_output=True, text=True)
                timings[jobs].append(time.perf_counter() - start)
                if completed.returncode not in (0, 1):
                    sys.exit(f"--jobs {jobs} failed ({completed.returncode}): {completed.stderr.strip()}")
        for jobs, seconds in timings.items():
            median = statistics.median(seconds)
            print(f"--jobs {jobs}: {count} documents in {median:6.1f} s (median of {rounds}) = "
                  f"{count / median * 60:6.1f} documents/min")
        ratios = [one / two for one, two in zip(timings[1], timings[2], strict=True)]
        print(f"speed-up --jobs 2 / --jobs 1: {statistics.median(ratios):.2f} × (rounds: "
              f"{', '.join(f'{r:.2f}' for r in ratios)}; target ≥ 1.7)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100, int(sys.argv[2]) if len(sys.argv) > 2 else 3,
         sys.argv[3:] or ["html"])
