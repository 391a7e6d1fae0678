"""Build corpus/*.docx from the shared seeds and the hand-checked specs in corpus/sources/.

Usage: .venv/bin/python -m devtools.build_corpus [--seeds ../shared/seeds]
Writes NNN-name.docx (built-in heading styles) and corpus/variants/NNN-name-{bold,swedish,autonumber,features}.docx.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from devtools.docx_factory import SHAPES, write_docx
from devtools.seed_parser import load_spec, parse_seed

REPO = Path(__file__).resolve().parents[1]


def build(seeds: Path, out: Path) -> list[Path]:
    written = []
    (out / "variants").mkdir(parents=True, exist_ok=True)
    for spec_path in sorted((out / "sources").glob("*.yaml")):
        spec = load_spec(spec_path)
        outline = parse_seed(seeds / spec["seed"], spec)
        for shape in SHAPES:
            name = f"{spec['output']}.docx" if shape == "styled" else f"variants/{spec['output']}-{shape}.docx"
            written.append(write_docx(outline, shape, out / name))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    args = parser.parse_args()
    for path in build(args.seeds, REPO / "corpus"):
        print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
