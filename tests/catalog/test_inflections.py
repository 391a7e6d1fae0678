"""The generated inflection table matches the catalog and simplemma's dictionary."""

from devtools.build_inflections import build, render
from sosfs_check.catalog.loader import INFLECTIONS_FILE, default_catalog_dir


def test_inflection_table_is_current():
    written = (default_catalog_dir() / INFLECTIONS_FILE).read_text(encoding="utf-8")
    assert written == render(build()), "run: python -m devtools.build_inflections"


def test_base_forms_get_irregular_inflections_and_excluded_words_none(catalog):
    forms = catalog.inflections.forms
    assert {"tog", "tagit"} <= set(forms["ta"])      # irregular: the regular endings cannot reach them
    assert "följer" not in forms.get("följa", ())    # regular: stem + ending, no table entry needed
    assert "skola" not in forms  # excluded in matching.yaml: 'skall' and 'skulle' are not schools
