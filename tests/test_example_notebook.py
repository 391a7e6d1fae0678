"""The example notebook in examples/ runs from top to bottom in a real Jupyter kernel and produces what its text
promises: the result as a table, a chart per chapter, an HTML report and an Excel workbook."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
NOTEBOOK = EXAMPLES / "granska_ledningssystem.ipynb"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """The notebook executed once, as Jupyter runs it (cwd = examples/), writing its reports to a temp dir."""
    import ipykernel.kernelspec
    import nbformat
    from nbclient import NotebookClient

    # A "python3" kernel spec found on the machine may belong to another interpreter, one without sosfs_check;
    # one registered for this interpreter and put first on JUPYTER_PATH makes the run use the code under test.
    kernels = tmp_path_factory.mktemp("jupyter")
    ipykernel.kernelspec.install(prefix=str(kernels), kernel_name="python3")
    output = tmp_path_factory.mktemp("utdata")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JUPYTER_PATH", str(kernels / "share" / "jupyter"))
        env.setenv("SOSFS_EXEMPEL_UTDATA", str(output))
        NotebookClient(notebook, kernel_name="python3", timeout=120,
                       resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    return notebook, output


def _tagged(notebook: Any, tag: str) -> Any:
    (cell,) = [cell for cell in notebook.cells if tag in cell.metadata.get("tags", [])]
    return cell


def _texts(cell: Any) -> str:
    """Everything a cell showed, as text: its HTML and plain-text representations and printed output."""
    parts = [output.get("text", "") for output in cell.outputs]
    for output in cell.outputs:
        parts += [output.get("data", {}).get(mime, "") for mime in ("text/html", "text/plain")]
    return "\n".join(parts)


def test_committed_notebook_has_no_outputs():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)


def test_every_cell_runs_without_error(run):
    notebook, _ = run
    errors = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
              if output.output_type == "error"]
    assert errors == []


def test_the_table_shows_statuses_in_swedish(run):
    notebook, _ = run
    shown = _texts(_tagged(notebook, "tabell"))
    assert "saknas" in shown or "delvis" in shown
    assert "RISK-2" in shown


def test_the_gaps_are_listed_in_the_order_of_the_reports_action_list(run):
    from sosfs_check import check
    from sosfs_check.report.view import build_view

    notebook, _ = run
    html = _tagged(notebook, "brister").outputs[0].data["text/html"]
    listed = re.findall(r"<tr>\s*<th>([^<]+)</th>", html.split("<tbody>")[1])
    actions = build_view(check(REPO / "corpus" / "d1-sjobacka-vard-och-omsorg.docx")).actions
    assert listed == [action.id for action in actions]
    assert listed


def test_the_chart_per_chapter_is_an_image(run):
    notebook, _ = run
    images = [output.data["image/png"] for output in _tagged(notebook, "diagram").outputs
              if "image/png" in output.get("data", {})]
    assert len(images) == 1
    assert base64.b64decode(images[0]).startswith(PNG_SIGNATURE)


def test_the_reports_are_written_where_the_environment_points(run):
    from openpyxl import load_workbook

    _, output = run
    html = (output / "rapport.html").read_text(encoding="utf-8")
    assert "RISK-2" in html
    assert "d1-sjobacka-vard-och-omsorg.docx" in html
    workbook = load_workbook(output / "granskning.xlsx", read_only=True)
    cells = {value for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for value in row}
    assert "RISK-2" in cells


def test_one_requirement_is_shown_with_its_catalog_text(run):
    from sosfs_check import load_catalog

    notebook, _ = run
    shown = _texts(notebook.cells[-1])
    assert load_catalog()["RISK-2"].text in shown
    assert "requirement_id='RISK-2'" in _texts(notebook.cells[-2])
