"""The catalog command: table, exports, and refusal to overwrite."""

import json
import subprocess
import sys


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "sosfs_check", *args], capture_output=True, text=True, cwd=cwd,
                          check=False)


def test_table_lists_every_requirement(catalog):
    result = run("catalog")
    assert result.returncode == 0
    for requirement_id in ("LS-1", "RISK-2", "PSB-2"):
        assert requirement_id in result.stdout


def test_json_export_and_no_overwrite_without_force(tmp_path, catalog):
    target = tmp_path / "krav.json"
    assert run("catalog", "--format", "json", "-o", str(target)).returncode == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))["requirements"]) == len(catalog)
    target.write_text("keep", encoding="utf-8")
    refused = run("catalog", "--format", "json", "-o", str(target))
    assert refused.returncode == 10
    assert "finns redan" in refused.stderr and "Traceback" not in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep"
    assert run("catalog", "--format", "json", "-o", str(target), "--force").returncode == 0
    assert target.read_text(encoding="utf-8") != "keep"


def test_broken_catalog_gives_swedish_error_without_traceback(tmp_path):
    result = run("catalog", "--katalog", str(tmp_path / "saknas"))
    assert result.returncode == 3
    assert result.stderr.startswith("Fel: Katalogen är ogiltig")
    assert "Traceback" not in result.stderr
