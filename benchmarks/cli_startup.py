"""Measure the start-up time of `sosfs-check --help` (run by hand; target < 0.3 s).

Usage: .venv/bin/python benchmarks/cli_startup.py [runs]
Prints the median and best wall time and the heavy modules, if any, that --help imported.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

HEAVY = ("spacy", "pandas", "docx", "openpyxl", "lxml", "simplemma", "rapidfuzz")
PROBE = (
    "import sys; sys.argv=['sosfs-check','--help'];\n"
    "from sosfs_check.cli.app import main\n"
    "try:\n main()\nexcept SystemExit:\n pass\n"
    f"print('HEAVY:', [m for m in {HEAVY!r} if m in sys.modules])"
)


def main(runs: int) -> None:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sosfs_check", "--help"], check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    heavy = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    print(f"sosfs-check --help: median {statistics.median(timings):.3f} s, best {min(timings):.3f} s over {runs} runs")
    print(heavy.strip().splitlines()[-1])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
