"""End-to-end `check` of a 40-page document against `read` of it, in the same run, and a fresh process.

Usage: .venv/bin/python benchmarks/check_vs_read.py [DOCX] [runs]
Targets (issue 5): in-process check ≤ 3× read; a fresh `sosfs-check check` process < 2 s on this machine.
Timed runs follow timeit: garbage collected before, and the cyclic GC off during, each run.
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "corpus" / "benchmark" / "ledningssystem-40-sidor.docx"


def _median_ms(function, runs: int) -> float:
    function()  # warm-up: imports, catalog cache, compiled patterns
    timings = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
        gc.enable()
    return statistics.median(timings) * 1000


def main(path: Path, runs: int) -> None:
    from sosfs_check import check, read

    read_ms = _median_ms(lambda: read(path), runs)
    check_ms = _median_ms(lambda: check(path), runs)
    fresh = []
    for _ in range(max(3, runs // 3)):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sosfs_check", "check", str(path), "--format", "json", "-o", "/dev/null",
                        "--force"], check=True, capture_output=True)
        fresh.append(time.perf_counter() - start)
    print(f"{path.name}, median of {runs} runs")
    print(f"read (in process)            {read_ms:8.1f} ms")
    print(f"check (in process)           {check_ms:8.1f} ms   = {check_ms / read_ms:.2f} × read (target ≤ 3)")
    print(f"check (fresh process, JSON)  {statistics.median(fresh) * 1000:8.1f} ms   (target < 2000 ms)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT, int(sys.argv[2]) if len(sys.argv) > 2 else 9)
