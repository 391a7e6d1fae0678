"""Data files (the reader's cue words and thresholds, the reports' wording): YAML validated by frozen pydantic
models."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from sosfs_check.yaml_files import load_yaml

_DATA = Path(__file__).with_name("data")


class DataModel(BaseModel):
    """A data file's schema: unknown keys are errors, so a misspelt key never falls back to a default."""

    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=DataModel)


@cache
def load_data(name: str, model: type[M], directory: Path = _DATA) -> M:
    """<directory>/<name> (by default the reader's data/), validated once per process."""
    return model.model_validate(load_yaml((directory / name).read_text(encoding="utf-8")))
