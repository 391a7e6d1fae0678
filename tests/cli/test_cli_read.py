"""The read command: text, JSON and Markdown of the document model, and refusal to overwrite."""

import json

from tests.cli.test_cli_catalog import run
from tests.conftest import REPO

DOC = REPO / "corpus" / "001-trelleborg-socialnamnd.docx"
AUTONUMBER = REPO / "corpus" / "variants" / "001-trelleborg-socialnamnd-autonumber.docx"


def test_text_puts_headings_on_their_own_lines_with_displayed_numbers():
    for path in (DOC, AUTONUMBER):
        result = run("read", str(path))
        assert result.returncode == 0
        lines = result.stdout.splitlines()
        assert "2 Målstyrning" in lines, path.name


def test_json_has_nested_sections_with_blocks(tmp_path):
    target = tmp_path / "modell.json"
    assert run("read", str(DOC), "--format", "json", "-o", str(target)).returncode == 0
    model = json.loads(target.read_text(encoding="utf-8"))
    section = next(s for s in model["sections"] if s["number"] == "2")
    assert {"number", "heading", "level", "blocks", "subsections"} <= set(section)
    assert section["heading"] == "Målstyrning" and section["level"] == 1
    first = section["blocks"][0]
    assert first["locator"]["section"] == "2 Målstyrning" and first["text"]
    assert str(REPO) not in target.read_text(encoding="utf-8")  # no absolute paths in output


def test_markdown_outline_and_no_overwrite_without_force(tmp_path):
    target = tmp_path / "disposition.md"
    assert run("read", str(DOC), "--format", "md", "-o", str(target)).returncode == 0
    outline = target.read_text(encoding="utf-8")
    assert "- **2 Målstyrning** (7 stycken)" in outline and "(1 stycke)" in outline
    refused = run("read", str(DOC), "--format", "md", "-o", str(target))
    assert refused.returncode != 0 and "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert run("read", str(DOC), "--format", "md", "-o", str(target), "--force").returncode == 0

