"""Broken catalog files give one error listing every problem with file, entry and field."""

import shutil

import pytest

from sosfs_check.catalog import default_catalog_dir, load_catalog
from sosfs_check.errors import CatalogError


@pytest.fixture
def catalog_copy(tmp_path):
    target = tmp_path / "catalog"
    shutil.copytree(default_catalog_dir(), target)
    return target


def _problems(directory):
    with pytest.raises(CatalogError) as info:
        load_catalog(directory)
    return info.value.problems


def test_every_problem_is_reported_at_once(catalog_copy):
    path = catalog_copy / "requirements" / "kap5-forbattringsarbete.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("kind: bör\n  applies_to: alla\n  title: \"Egenkontroll: målgruppsundersökningar\"",
                        "kind: kanske\n  applies_to: alla\n  title: \"Egenkontroll: målgruppsundersökningar\"")
    text = text.replace("  rationale: Klagomål är en av de viktigaste källorna till kunskap om brister.\n", "")
    path.write_text(text, encoding="utf-8")
    problems = _problems(catalog_copy)
    assert len(problems) == 2
    kind_problem = next(p for p in problems if "EGEN-AR-4" in p)
    assert "kap5-forbattringsarbete.yaml" in kind_problem and "'kind'" in kind_problem and "kanske" in kind_problem
    missing = next(p for p in problems if "KLAG-1" in p)
    assert "'rationale'" in missing and "saknas" in missing


def test_unknown_field_duplicate_id_and_dangling_reference(catalog_copy):
    path = catalog_copy / "requirements" / "kap3-ledningssystem.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("- id: LS-2", "- id: LS-1", 1).replace("related: [LS-2, LS-3]", "related: [LS-2]\n  colour: red")
    path.write_text(text, encoding="utf-8")
    chapter4 = catalog_copy / "requirements" / "kap4-uppbyggnad.yaml"
    chapter4.write_text(chapter4.read_text(encoding="utf-8").replace("related: [PROC-2, RUT-1]", "related: [LS-9]", 1),
                        encoding="utf-8")
    problems = _problems(catalog_copy)
    assert any("id förekommer mer än en gång" in p for p in problems)
    assert any("'colour'" in p and "okänt fält" in p for p in problems)
    assert any("LS-9" in p for p in problems)


def test_unreadable_yaml_and_bad_lexicon_are_both_reported(catalog_copy):
    (catalog_copy / "roles.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    legal = catalog_copy / "legal_references.yaml"
    legal.write_text(legal.read_text(encoding="utf-8").replace(r"'\bSOSFS\s*2006\s*:\s*11\b'", "'(unclosed'"),
                     encoding="utf-8")
    problems = _problems(catalog_copy)
    assert any(p.startswith("roles.yaml") and "YAML" in p for p in problems)
    assert any(p.startswith("legal_references.yaml") and "reguljärt uttryck" in p for p in problems)


def test_missing_directory(tmp_path):
    problems = _problems(tmp_path / "nowhere")
    assert "finns inte" in problems[0]


def test_a_key_written_twice_is_reported_not_silently_dropped(catalog_copy):
    """YAML keeps the last of two equal keys; the catalog reports the file and both lines instead."""
    path = catalog_copy / "frequencies.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  kvartalet: 4\n", "  kvartalet: 4\n  kvartal: 12\n", 1), encoding="utf-8")
    problems = _problems(catalog_copy)
    assert len(problems) == 1
    assert "frequencies.yaml" in problems[0] and "nyckeln 'kvartal' står två gånger" in problems[0]
    assert "line" in problems[0]  # where, so it can be found
