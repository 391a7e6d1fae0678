"""PDF read time per page: `read` against the plain text extraction of the library it is built on, in one run.

Usage: .venv/bin/python benchmarks/pdf_read.py [PDF ...] [--runs N]
Default documents: corpus/pdf/*.pdf (the corpus printed by LibreOffice, devtools/build_pdf_corpus.py).
For each document: median wall time per page over `runs` for
  read            sosfs_check's reader: glyphs, lines, tables, columns, running headers, paragraphs, headings
  pypdfium2 text  PDFium's own plain text of every page (get_text_bounded), the floor any pypdfium2 reader pays
and, when they are installed, pdfplumber's and pypdf's plain text (extract_text), the libraries the reader was
chosen against. Next to each, token recall and precision of its text against the body text of the document's
.docx (devtools/text_recall.py): plain text keeps running headers and the table of contents, so its precision
is lower. Timed runs follow timeit: garbage collected before, and the cyclic GC off during, each run.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from devtools.text_recall import compare, model_texts, reference_tokens, tokens  # noqa: E402


def sosfs_read(path: Path) -> list[str]:
    from sosfs_check.document.reader import read

    return model_texts(read(path))


def pdfium_text(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return [document[index].get_textpage().get_text_bounded() for index in range(len(document))]
    finally:
        document.close()


def pdfplumber_text(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as document:
        return [page.extract_text() or "" for page in document.pages]


def pypdf_text(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


READERS: dict[str, tuple[str, Callable[[Path], list[str]]]] = {  # the floor first: the others are ratios to it
    "pypdfium2 text": ("pypdfium2", pdfium_text),
    "read": ("pypdfium2", sosfs_read),
    "pdfplumber text": ("pdfplumber", pdfplumber_text),
    "pypdf text": ("pypdf", pypdf_text),
}


def _timed(reader: Callable[[Path], list[str]], path: Path, runs: int) -> tuple[float, list[str]]:
    times, texts = [], []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        texts = reader(path)
        times.append(time.perf_counter() - start)
        gc.enable()
    return statistics.median(times), texts


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def _reference(path: Path) -> Path | None:
    docx = path.with_suffix(".docx")
    if docx.exists():
        return docx
    corpus = REPO / "corpus" / f"{path.stem}.docx"
    return corpus if corpus.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = args.pdfs or sorted((REPO / "corpus" / "pdf").glob("*.pdf"))
    readers = {name: reader for name, (module, reader) in READERS.items() if importlib.util.find_spec(module)}
    sosfs_read(paths[0])  # warm up: imports, data files
    print(f"{'dokument':28} {'sidor':>5} {'läsare':16} {'ms/sida':>8} {'× pdfium':>8} {'recall':>7} {'precision':>9}")
    for path in paths:
        pages = _pages(path)
        docx = _reference(path)
        reference = reference_tokens(docx) if docx else None
        floor = None
        for name, reader in readers.items():
            seconds, texts = _timed(reader, path, args.runs)
            per_page = 1000 * seconds / pages
            floor = per_page if name == "pypdfium2 text" else floor
            ratio = f"{per_page / floor:8.1f}" if floor else f"{'':8}"
            recall, precision = compare(reference, tokens(texts)) if reference else (float("nan"), float("nan"))
            print(f"{path.stem[:28]:28} {pages:5d} {name:16} {per_page:8.1f} {ratio} {recall:7.4f} {precision:9.4f}")


if __name__ == "__main__":
    main()
