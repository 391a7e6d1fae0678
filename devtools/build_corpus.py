"""Build corpus/*.docx from the shared seeds and the hand-checked specs in corpus/sources/.

Usage: .venv/bin/python -m devtools.build_corpus [--seeds ../shared/seeds]
Writes NNN-name.docx (built-in heading styles), corpus/variants/NNN-name-{bold,swedish,autonumber,features}.docx
and corpus/benchmark/ledningssystem-40-sidor.docx (in one document the seeds whose spec does not say
`benchmark: false`, for benchmarks/). Text exports are parsed by seed_parser.py, Markdown by markdown_seed.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from devtools.docx_factory import SHAPES, Outline, write_docx
from devtools.markdown_seed import parse_markdown_seed
from devtools.seed_parser import load_spec, parse_seed

REPO = Path(__file__).resolve().parents[1]


def build(seeds: Path, out: Path) -> list[Path]:
    written = []
    (out / "variants").mkdir(parents=True, exist_ok=True)
    benchmarked = []
    for spec_path in sorted((out / "sources").glob("*.yaml")):
        spec = load_spec(spec_path)
        seed = seeds / spec["seed"]
        outline = parse_markdown_seed(seed, spec) if seed.suffix == ".md" else parse_seed(seed, spec)
        if spec.get("benchmark", True):
            benchmarked.append(outline)
        for shape in SHAPES:
            name = f"{spec['output']}.docx" if shape == "styled" else f"variants/{spec['output']}-{shape}.docx"
            written.append(write_docx(outline, shape, out / name))
    written.append(_benchmark_document(benchmarked, out / "benchmark"))
    return written


def _benchmark_document(outlines: list[Outline], folder: Path) -> Path:
    """The benchmarked seeds in one document with every Word feature: about 40 pages, for benchmarks/."""
    folder.mkdir(exist_ok=True)
    combined = Outline(title="Samlat ledningssystem (benchmark)", footer="Sida",
                       nodes=[node for outline in outlines for node in outline.nodes])
    return write_docx(combined, "features", folder / "ledningssystem-40-sidor.docx")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    args = parser.parse_args()
    for path in build(args.seeds, REPO / "corpus"):
        print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
