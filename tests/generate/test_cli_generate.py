"""`sosfs-check generate`: the example, a draft checked on the spot, no overwrite, and the gap supplement."""

from __future__ import annotations

import json

import docx
import pytest
import yaml

from sosfs_check.drafting import EXAMPLE
from sosfs_check.drafting.description import Description
from sosfs_check.drafting.supplement import drafted_sections
from tests.cli.test_cli_catalog import run
from tests.conftest import REPO


def test_the_example_is_printed_and_is_a_valid_description():
    result = run("generate", "--exempel")
    assert result.returncode == 0
    assert result.stdout == EXAMPLE.read_text(encoding="utf-8")
    Description.model_validate(yaml.safe_load(result.stdout))


def test_a_draft_is_written_checked_and_never_overwritten_without_force(tmp_path):
    draft = tmp_path / "utkast.docx"
    result = run("generate", str(EXAMPLE), "-o", str(draft))
    assert result.returncode == 0, result.stderr
    assert "tillämpliga krav täckta" in result.stdout
    covered, applicable = (int(n) for n in result.stdout.split("granskat: ")[1].split(" tillämpliga")[0].split(" av "))
    assert covered == applicable == 39  # the example covers socialtjänst, LSS and hälso- och sjukvård
    assert docx.Document(str(draft)).paragraphs  # Word can open it
    before = draft.read_bytes()
    refused = run("generate", str(EXAMPLE), "-o", str(draft))
    assert refused.returncode == 10 and draft.read_bytes() == before
    assert run("generate", str(EXAMPLE), "-o", str(draft), "--force").returncode == 0


@pytest.mark.parametrize("arguments,message", [
    ([str(EXAMPLE)], "ange med -o"),
    ([str(EXAMPLE), "-o", "utkast.pdf"], "slutar på .docx"),
    (["-o", "utkast.docx"], "ange beskrivningen"),
])
def test_missing_or_wrong_arguments_give_one_swedish_line(tmp_path, arguments, message):
    result = run("generate", *[a if not a.startswith("utkast") else str(tmp_path / a) for a in arguments])
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_an_invalid_description_lists_its_problems_and_exits_13(tmp_path):
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["omfattning"] = ["skola"]
    del data["system"]
    path = tmp_path / "fel.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("generate", str(path), "-o", str(tmp_path / "utkast.docx"))
    assert result.returncode == 13
    assert "omfattning.1: okänt värde 'skola'" in result.stderr and "system: saknas" in result.stderr
    assert not (tmp_path / "utkast.docx").exists()


def test_the_supplement_has_a_drafted_section_for_every_gap(tmp_path):
    result_json = tmp_path / "resultat.json"
    assert run("check", str(REPO / "corpus" / "001-trelleborg-socialnamnd.docx"), "-f", "json",
               "-o", str(result_json)).returncode == 0
    findings = json.loads(result_json.read_text(encoding="utf-8"))["findings"]
    gaps = [f["requirement_id"] for f in findings if f["status"] in ("missing", "partial")]
    assert gaps
    target = tmp_path / "komplettering.docx"
    result = run("generate", "--luckor", str(result_json), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert f"{len(gaps)} avsnitt" in result.stdout
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    drafted = drafted_sections()
    assert sorted(headings) == sorted(drafted[gap].rubrik for gap in gaps)
    text = "\n".join(p.text for p in document.paragraphs)
    for gap in gaps:
        assert f"{gap} " in text and drafted[gap].stycken[0][:40] in text
    assert "{%" not in text and "{{" not in text  # every tag was filled


def test_the_supplement_refuses_a_file_that_is_no_result(tmp_path):
    other = tmp_path / "annat.json"
    other.write_text('{"hej": 1}', encoding="utf-8")
    result = run("generate", "--luckor", str(other), "-o", str(tmp_path / "k.docx"))
    assert result.returncode == 5 and "inte ett resultat" in result.stderr


def test_a_template_broken_in_word_gives_a_clear_error(tmp_path):
    import zipfile

    from sosfs_check.drafting.supplement import SUPPLEMENT_TEMPLATE, render_supplement
    from sosfs_check.drafting.word_templates import templates_dir
    from sosfs_check.errors import TemplateError
    from tests.report.conftest import CORPUS_DOCUMENT

    broken = tmp_path / "trasig.docx"
    with zipfile.ZipFile(templates_dir() / SUPPLEMENT_TEMPLATE) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"{%p endfor %}", b"{%p endfo %}", 1)
            target.writestr(item, data)
    from sosfs_check import check

    result = check(CORPUS_DOCUMENT)
    with pytest.raises(TemplateError, match="en tagg i mallen är trasig") as raised:
        render_supplement(result, tmp_path / "k.docx", template=broken)
    assert raised.value.exit_code == 15 and not (tmp_path / "k.docx").exists()
    with pytest.raises(TemplateError, match="mallen finns inte"):
        render_supplement(result, tmp_path / "k.docx", template=tmp_path / "saknas.docx")
