"""`sosfs-check check DIR|FILES… -o OUTDIR`: reports per document, a summary, bad files listed, safe output."""

from __future__ import annotations

import json
import shutil

import openpyxl
import pytest

from tests.cli.test_cli_catalog import run
from tests.conftest import REPO

SHORT = ("# 1 Riskanalys\n\nEnhetschefen ansvarar för att en riskanalys görs varje kvartal. Sannolikhet och "
         "konsekvens bedöms för varje risk.\n\n# 2 Klagomål\n\nKlagomål tas emot av enhetschefen och utreds inom "
         "två veckor.\n")


@pytest.fixture()
def documents(tmp_path):
    """A folder with two readable documents (one .docx, one .md) and one broken .docx."""
    folder = tmp_path / "dokument"
    folder.mkdir()
    shutil.copy(REPO / "corpus" / "d3-ekdala-socialnamnd.docx", folder / "ekdala.docx")
    (folder / "kort.md").write_text(SHORT, encoding="utf-8")
    (folder / "trasig.docx").write_bytes(b"inte ett zip-paket")
    (folder / "~$ekdala.docx").write_bytes(b"Word's lock file")  # never a document
    return folder


def test_a_folder_gives_one_report_per_document_a_summary_and_exit_12_for_the_bad_file(documents, tmp_path):
    out = tmp_path / "rapporter"
    result = run("check", str(documents), "-o", str(out), "--format", "json", "--format", "xlsx", "--jobs", "2")
    assert result.returncode == 12, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "ekdala.json", "ekdala.xlsx", "kort.json", "kort.xlsx", "sammanfattning.json", "sammanfattning.xlsx"]
    summary = json.loads((out / "sammanfattning.json").read_text(encoding="utf-8"))
    rows = {row["document"]: row for row in summary["documents"]}
    assert list(rows) == ["ekdala.docx", "kort.md", "trasig.docx"]  # input order, the lock file left out
    assert rows["trasig.docx"]["error"] and rows["trasig.docx"]["report"] is None
    ekdala = json.loads((out / "ekdala.json").read_text(encoding="utf-8"))
    statuses = [f["status"] for f in ekdala["findings"]]
    assert rows["ekdala.docx"]["counts"]["covered"] == statuses.count("covered")
    assert rows["ekdala.docx"]["ska_gaps"] == sum(
        1 for f in ekdala["findings"] if f["kind"] == "ska" and f["status"] in ("missing", "partial"))
    workbook = openpyxl.load_workbook(out / "sammanfattning.xlsx")
    assert len(workbook.sheetnames) == 3  # the summary and one sheet per checked document
    assert "trasig.docx" in result.stderr and "Traceback" not in result.stderr


def test_jobs_one_and_two_write_the_same_reports(documents, tmp_path):
    (documents / "trasig.docx").unlink()
    for jobs in ("1", "2"):
        assert run("check", str(documents), "-o", str(tmp_path / jobs), "-f", "md", "-j", jobs).returncode == 0
    for name in ("ekdala.md", "kort.md", "sammanfattning.md"):
        assert (tmp_path / "1" / name).read_text(encoding="utf-8") == (tmp_path / "2" / name).read_text(
            encoding="utf-8")


def test_existing_reports_are_kept_without_force_and_nothing_is_checked(documents, tmp_path):
    out = tmp_path / "rapporter"
    out.mkdir()
    (out / "kort.html").write_text("min egen fil", encoding="utf-8")
    result = run("check", str(documents / "kort.md"), str(documents / "ekdala.docx"), "-o", str(out))
    assert result.returncode == 10 and "--force" in result.stderr
    assert (out / "kort.html").read_text(encoding="utf-8") == "min egen fil"
    assert sorted(p.name for p in out.iterdir()) == ["kort.html"]  # refused before any work
    forced = run("check", str(documents / "kort.md"), str(documents / "ekdala.docx"), "-o", str(out), "--force")
    assert forced.returncode == 0 and "<html" in (out / "kort.html").read_text(encoding="utf-8")


def test_two_documents_with_the_same_name_get_two_reports(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.md").write_text(SHORT, encoding="utf-8")
    out = tmp_path / "ut"
    assert run("check", str(tmp_path / "a" / "plan.md"), str(tmp_path / "b" / "plan.md"), "-o", str(out),
               "-f", "md").returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["plan-2.md", "plan.md", "sammanfattning.md"]


@pytest.mark.parametrize("arguments,code,message", [
    (["-o", "{out}/saknad/mapp"], 11, "finns inte"),              # the output folder's parent must exist
    (["-o", "{docs}"], 11, "samma mapp som dokumenten"),         # reports never beside (or over) the inputs
    ([], 2, "ange med -o en mapp"),                               # several documents need a folder
    (["-o", "{out}/ut", "--jobs", "0"], 2, "--jobs"),
])
def test_bad_batch_output_gives_one_swedish_line(documents, tmp_path, arguments, code, message):
    filled = [a.format(out=tmp_path, docs=documents) for a in arguments]
    result = run("check", str(documents), *filled)
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fel: ") and message in lines[0]


def test_an_empty_folder_is_an_error(tmp_path):
    (tmp_path / "tom").mkdir()
    result = run("check", str(tmp_path / "tom"), "-o", str(tmp_path / "ut"))
    assert result.returncode == 2 and "inga dokument" in result.stderr


@pytest.mark.parametrize("target,code,message", [
    ("rapport.pdf", 2, "ange --format"),               # a suffix that names no format
    ("saknas/rapport.html", 11, "finns inte"),         # a missing folder is an error, not created
])
def test_bad_single_output_gives_one_swedish_line(tmp_path, target, code, message):
    document = tmp_path / "plan.md"
    document.write_text(SHORT, encoding="utf-8")
    result = run("check", str(document), "-o", str(tmp_path / target))
    assert result.returncode == code and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "saknas").exists()


def test_the_output_may_not_be_the_input(tmp_path):
    document = tmp_path / "plan.md"
    document.write_text(SHORT, encoding="utf-8")
    result = run("check", str(document), "-f", "md", "-o", str(document), "--force")
    assert result.returncode == 11 and "samma fil" in result.stderr
    assert document.read_text(encoding="utf-8") == SHORT


def test_the_format_follows_the_file_name_and_binary_formats_need_a_file(tmp_path):
    document = tmp_path / "plan.md"
    document.write_text(SHORT, encoding="utf-8")
    assert run("check", str(document), "-o", str(tmp_path / "r.html")).returncode == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert run("check", str(document), "-o", str(tmp_path / "r.docx")).returncode == 0
    assert (tmp_path / "r.docx").read_bytes()[:2] == b"PK"
    refused = run("check", str(document), "-f", "xlsx")
    assert refused.returncode == 2 and "-o" in refused.stderr and refused.stdout == ""


def test_no_temporary_file_is_left_when_writing_fails(tmp_path):
    document = tmp_path / "plan.md"
    document.write_text(SHORT, encoding="utf-8")
    locked = tmp_path / "låst"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run("check", str(document), "-o", str(locked / "r.md"))
        if result.returncode == 0:
            pytest.skip("running as a user who may write anywhere (root): permissions are not enforced")
        assert result.returncode == 11 and "behörighet" in result.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_catalog_docs_keeps_existing_pages_without_force(tmp_path):
    assert run("catalog", "--docs", str(tmp_path)).returncode == 0
    page = tmp_path / "RISK-2.md"
    page.write_text("egen ändring", encoding="utf-8")
    refused = run("catalog", "--docs", str(tmp_path))
    assert refused.returncode == 10 and page.read_text(encoding="utf-8") == "egen ändring"
    assert run("catalog", "--docs", str(tmp_path), "--force").returncode == 0
    assert page.read_text(encoding="utf-8") != "egen ändring"


def test_max_xml_mb_is_an_option_of_check(tmp_path):
    """The zip-bomb guard's message tells the user to raise --max-xml-mb: check accepts it."""
    from docx import Document

    document = Document()
    document.add_heading("Riskanalys", 1)
    for number in range(2500):  # about 1.5 MB of document.xml
        document.add_paragraph(f"Stycke {number}: enhetschefen ansvarar för riskanalysen. " * 8)
    path = tmp_path / "stort.docx"
    document.save(path)
    refused = run("check", str(path), "--max-xml-mb", "1")
    assert refused.returncode == 8 and "--max-xml-mb" in refused.stderr
    assert run("check", str(path), "--max-xml-mb", "5").returncode == 0
