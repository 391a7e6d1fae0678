"""Time and peak memory of `read` against python-docx, docx2python, mammoth and bare lxml, in one run.

Usage: .venv/bin/pip install -e '.[bench]' && .venv/bin/python benchmarks/read_vs_libraries.py [DOCX] [runs]
Default document: corpus/benchmark/ledningssystem-40-sidor.docx (about 40 pages, every Word feature).
For each reader: median and best wall time over `runs`, the ratio to the python-docx walk, peak
Python memory (tracemalloc, one extra run; lxml's C allocations are invisible to it), peak RSS of a
fresh process that imports the reader and reads the document once, and token recall/precision of its text against the visible body
text (devtools/text_recall.py), so speed is read next to what each reader actually returns.
Timed runs follow timeit: garbage collected before, and the cyclic GC off during, each run.
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from devtools.text_recall import compare, model_texts, reference_tokens, tokens  # noqa: E402

DEFAULT = REPO / "corpus" / "benchmark" / "ledningssystem-40-sidor.docx"


def python_docx_walk(path: Path) -> list[str]:
    """python-docx's own model: every paragraph, and every table cell recursively."""
    import docx

    texts: list[str] = []

    def table_texts(table) -> None:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    table_texts(inner)

    document = docx.Document(str(path))
    texts.extend(p.text for p in document.paragraphs)
    for table in document.tables:
        table_texts(table)
    return texts


def docx2python_text(path: Path) -> list[str]:
    from docx2python import docx2python

    with docx2python(str(path)) as content:
        return [content.text]


def mammoth_text(path: Path) -> list[str]:
    import mammoth

    with path.open("rb") as handle:
        return [mammoth.extract_raw_text(handle).value]


def lxml_parse(path: Path) -> list[str]:
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        etree.fromstring(archive.read("word/document.xml"))
    return []


def sosfs_read(path: Path) -> list[str]:
    from sosfs_check.document.reader import read

    return model_texts(read(path))


READERS = {
    "python-docx (Document + walk)": python_docx_walk,
    "docx2python": docx2python_text,
    "mammoth (raw text)": mammoth_text,
    "lxml (parse document.xml only)": lxml_parse,
    "sosfs_check.read": sosfs_read,
}


def _fresh_process_rss_mb(name: str, path: Path) -> float:
    """Peak resident memory of a new interpreter that runs only this reader once."""
    # VmHWM, not ru_maxrss: on Linux a child's ru_maxrss can carry the forking parent's peak.
    probe = (f"import sys; sys.path.insert(0, {str(REPO)!r}); from benchmarks.read_vs_libraries import "
             f"READERS; from pathlib import Path; READERS[{name!r}](Path({str(path)!r})); "
             "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))")
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return int(output.strip()) / 1024


def main(path: Path, runs: int) -> None:
    reference = reference_tokens(path)
    rows = []
    for name, reader in READERS.items():
        texts = reader(path)  # warm-up: imports and caches out of the timings
        timings = []
        for _ in range(runs):
            # As timeit does: collect first, then time with the cyclic GC off, so one reader's garbage
            # is not collected on another's clock.
            gc.collect()
            gc.disable()
            start = time.perf_counter()
            reader(path)
            timings.append(time.perf_counter() - start)
            gc.enable()
        tracemalloc.start()
        reader(path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        recall, precision = compare(reference, tokens(texts)) if texts else (float("nan"), float("nan"))
        rss = _fresh_process_rss_mb(name, path)
        rows.append((name, statistics.median(timings), min(timings), peak, rss, recall, precision))
    baseline = rows[0][1]
    print(f"{path.name}: {sum(reference.values())} word tokens of visible body text; {runs} runs each\n")
    print(f"{'reader':32} {'median ms':>10} {'best ms':>8} {'× python-docx':>14} {'py-peak MB':>10} "
          f"{'RSS MB':>7} {'recall':>7} {'precision':>9}")
    for name, median, best, peak, rss, recall, precision in rows:
        print(f"{name:32} {median * 1000:10.1f} {best * 1000:8.1f} {median / baseline:14.2f} {peak / 2**20:10.1f} "
              f"{rss:7.1f} {recall:7.3f} {precision:9.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT, int(sys.argv[2]) if len(sys.argv) > 2 else 15)
