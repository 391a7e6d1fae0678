"""Load the catalog from its YAML files and report every problem at once.

Validation is lazy in the pandera sense: each file and each entry is validated
independently and all problems are collected before a single CatalogError is
raised, naming file, entry and field for each.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from sosfs_check.catalog.models import (
    Catalog,
    CatalogMetadata,
    FrequencyLexicon,
    Inflections,
    LegalReferenceTable,
    MatchingConfig,
    Requirement,
    Role,
    requirement_area,
)
from sosfs_check.errors import CatalogError
from sosfs_check.yaml_files import load_yaml

METADATA_FILE = "catalog.yaml"
REQUIREMENTS_DIR = "requirements"
ROLES_FILE = "roles.yaml"
FREQUENCIES_FILE = "frequencies.yaml"
LEGAL_REFERENCES_FILE = "legal_references.yaml"
MATCHING_FILE = "matching.yaml"
INFLECTIONS_FILE = "inflections.yaml"


def default_catalog_dir() -> Path:
    """The bundled catalog: inside the wheel when installed, else the repository's folder."""
    package_dir = Path(__file__).resolve().parents[1]
    installed = package_dir / "_catalog_data"
    return installed if installed.is_dir() else package_dir.parent / "requirements_catalog"


class _Problems:
    """Collects problems as 'file: entry: field: message' lines."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lines: list[str] = []

    def add(self, path: Path, message: str, entry: str | None = None) -> None:
        where = path.relative_to(self.root) if path.is_relative_to(self.root) else path
        prefix = f"{where}: {entry}: " if entry else f"{where}: "
        self.lines.append(prefix + message)

    def add_validation(self, path: Path, error: ValidationError, entry: str | None = None) -> None:
        for item in error.errors():
            field = ".".join(str(part) for part in item["loc"]) or "(posten)"
            self.add(path, f"fält '{field}': {_swedish(item)}", entry)


def _swedish(item: Any) -> str:
    kind = item["type"]
    if kind == "missing":
        return "saknas"
    if kind == "extra_forbidden":
        return "okänt fält"
    if kind == "literal_error":
        allowed = item.get("ctx", {}).get("expected", "")
        return f"ogiltigt värde {item.get('input')!r}, tillåtna: {allowed}"
    return f"{item['msg']} (värde: {item.get('input')!r})"


# libyaml's safe loader parses the catalog ~10× faster than the pure-Python one; both refuse arbitrary tags.


def _read_yaml(path: Path, problems: _Problems) -> Any:
    """The file's data, or None with the problem recorded (missing, empty, not YAML, a key written twice)."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
        if data is None:
            problems.add(path, "filen är tom")
        return data
    except FileNotFoundError:
        problems.add(path, "filen saknas")
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.add(path, f"kan inte läsas som YAML: {exc}".replace("\n", " "))
    return None


def _read_model(model: type[BaseModel], path: Path, problems: _Problems) -> Any:
    """A whole file as one model; a file that could not be read is reported once, not again as invalid."""
    data = _read_yaml(path, problems)
    return None if data is None else _validate(model, data, path, problems)


def _validate(model: type[BaseModel], data: Any, path: Path, problems: _Problems, entry: str | None = None) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.add_validation(path, exc, entry)
        return None


def _load_requirements(directory: Path, problems: _Problems) -> tuple[list[Requirement], list[str]]:
    """Valid requirements, and every id written in the files (valid entries or not)."""
    files = sorted(directory.glob("*.yaml"))
    if not files:
        problems.add(directory, "inga kravfiler (*.yaml) hittades")
    requirements: list[Requirement] = []
    written_ids: list[str] = []
    for path in files:
        data = _read_yaml(path, problems)
        if data is None:
            continue
        if not isinstance(data, list):
            problems.add(path, "filen ska innehålla en lista med krav")
            continue
        for index, raw in enumerate(data, start=1):
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(raw_id, str):
                written_ids.append(raw_id)
            label = f"post {index}" + (f" ({raw_id})" if raw_id else "")
            requirement = _validate(Requirement, raw, path, problems, label)
            if requirement is not None:
                requirements.append(requirement)
    return requirements, written_ids


def _cross_check(
    requirements: list[Requirement], written_ids: list[str], roles: list[Role], directory: Path, problems: _Problems
) -> None:
    seen: set[str] = set()
    for requirement_id in written_ids:
        if requirement_id in seen:
            problems.add(directory, "id förekommer mer än en gång", requirement_id)
        seen.add(requirement_id)
    role_ids = {role.id for role in roles}
    for requirement in requirements:
        for related in requirement.related:
            if related not in seen:
                problems.add(directory, f"fält 'related': okänt krav-id {related!r}", requirement.id)
        for role in requirement.evidence.roles:
            if roles and role not in role_ids:
                problems.add(directory, f"fält 'evidence.roles': okänd roll {role!r}", requirement.id)


def _check_names(metadata: CatalogMetadata, requirements: list[Requirement], path: Path, problems: _Problems) -> None:
    """Every chapter and area a requirement belongs to has a name to show in reports."""
    for requirement in requirements:
        if requirement.source.chapter not in metadata.chapters:
            problems.add(path, f"fält 'chapters': kapitel {requirement.source.chapter} saknar rubrik", requirement.id)
        if requirement_area(requirement.id) not in metadata.areas:
            problems.add(path, f"fält 'areas': området {requirement_area(requirement.id)} saknar namn", requirement.id)


def load_catalog(directory: Path | str | None = None) -> Catalog:
    """Load and validate the catalog (the built-in one, or the folder given); raise CatalogError listing every
    problem.

    >>> katalog = load_catalog()
    >>> katalog["RISK-2"].source.citation
    '5 kap. 1 §'
    """
    root = Path(directory) if directory is not None else default_catalog_dir()
    return _load_cached(root.resolve())


@lru_cache(maxsize=4)
def _load_cached(root: Path) -> Catalog:
    problems = _Problems(root)
    if not root.is_dir():
        raise CatalogError([f"{root}: katalogmappen finns inte"])

    metadata = _read_model(CatalogMetadata, root / METADATA_FILE, problems)
    requirements, written_ids = _load_requirements(root / REQUIREMENTS_DIR, problems)

    roles: list[Role] = []
    raw_roles = _read_yaml(root / ROLES_FILE, problems)
    if isinstance(raw_roles, list):
        for index, raw in enumerate(raw_roles, start=1):
            role = _validate(Role, raw, root / ROLES_FILE, problems, f"post {index}")
            if role is not None:
                roles.append(role)
    elif raw_roles is not None:
        problems.add(root / ROLES_FILE, "filen ska innehålla en lista med roller")

    frequencies = _read_model(FrequencyLexicon, root / FREQUENCIES_FILE, problems)
    legal = _read_model(LegalReferenceTable, root / LEGAL_REFERENCES_FILE, problems)
    matching = _read_model(MatchingConfig, root / MATCHING_FILE, problems)
    # Optional: without it the matcher still finds every term by prefix, only not irregular inflections.
    inflections = None
    if (root / INFLECTIONS_FILE).exists():
        inflections = _read_model(Inflections, root / INFLECTIONS_FILE, problems)
    _cross_check(requirements, written_ids, roles, root / REQUIREMENTS_DIR, problems)
    if metadata is not None:
        _check_names(metadata, requirements, root / METADATA_FILE, problems)

    if problems.lines:
        raise CatalogError(problems.lines)
    return Catalog(
        metadata=metadata,
        requirements=tuple(requirements),
        roles=tuple(roles),
        frequencies=frequencies,
        legal_references=legal,
        matching=matching,
        **({"inflections": inflections} if inflections is not None else {}),
    )
