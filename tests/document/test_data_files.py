"""The reader's data files are validated: a misspelt key is an error, never a silent default."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

import sosfs_check.document
from sosfs_check.document.text_cues import TextCues, text_cues

DATA = Path(sosfs_check.document.__file__).with_name("data")


def test_the_text_export_cues_load():
    cues = text_cues()
    assert "innehållsförteckning" in cues.toc.markers
    assert "och" in cues.hyphenation.kept_before


@pytest.mark.parametrize("section,key", [("toc", "marker"), ("hyphenation", "kept_befor"), ("lists", "bullets")])
def test_a_misspelt_key_is_refused(section, key):
    raw = yaml.safe_load((DATA / "text_exports.yaml").read_text(encoding="utf-8"))
    raw[section][key] = raw[section].get(key, [])
    with pytest.raises(ValidationError, match=key):
        TextCues.model_validate(raw)
