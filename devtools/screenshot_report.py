"""Write the README's screenshot of the HTML report (docs/img/rapport.png): the report of the bundled example
document, as headless Chromium shows its first screen.

Usage: .venv/bin/python -m devtools.screenshot_report [--chromium chromium]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from sosfs_check import check
from sosfs_check.report.html import render_html
from sosfs_check.report.view import build_view

REPO = Path(__file__).resolve().parents[1]
DOCUMENT = REPO / "corpus" / "d1-sjobacka-vard-och-omsorg.docx"
TARGET = REPO / "docs" / "img" / "rapport.png"


def screenshot(chromium: str, target: Path = TARGET) -> Path:
    """Render the example's report to a temporary page and photograph it at 1280×1600."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "rapport.html"
        page.write_text(render_html(build_view(check(DOCUMENT))), encoding="utf-8")
        # A fresh profile per run: nothing cached or remembered from an earlier browser session.
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={Path(work) / 'profile'}", "--window-size=1280,1600",
                        f"--screenshot={target}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    print(screenshot(args.chromium).relative_to(REPO))


if __name__ == "__main__":
    main()
