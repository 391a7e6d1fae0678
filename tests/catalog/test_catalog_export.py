"""Exports round-trip: what is written can be read back as the same requirements."""

import pytest

from sosfs_check.catalog.export import export_catalog, read_export


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_export_round_trips(catalog, tmp_path, fmt):
    path = tmp_path / f"catalog.{fmt}"
    export_catalog(catalog, path, fmt)
    assert read_export(path, fmt) == list(catalog.requirements)


def test_generated_docs_are_current(catalog, tmp_path):
    """docs/requirements is generated from the catalog; a stale copy fails here."""
    from sosfs_check.catalog.docs import write_docs
    from tests.conftest import REPO

    written = write_docs(catalog, tmp_path)
    committed = REPO / "docs" / "requirements"
    for path in written:
        assert (committed / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name
    assert len(written) == len(catalog) + 1
