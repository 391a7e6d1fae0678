"""Fill the Word templates in templates/ with a description: a draft ledningssystem, in the förvaltning's own
names, roles and rhythms.

The templates are ordinary .docx files with docxtpl (Jinja2) tags; everything the draft says stands in them, so a
municipality restyles or rewords the draft in Word without touching code. This module only builds the context:
the description itself (`d`), role titles by id (`roll`), which requirements apply (`gäller`), the
requirement matrix (`kravmatris`: every applicable requirement with the chapter that meets it, from
data/kravmatris.yaml) and `årshjulet(ord)`, the first line of the årshjul whose activity names `ord` (so that a
chapter can say who does it and how often in the förvaltning's own words). The filters are word_templates'.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sosfs_check.drafting.description import Aktivitet, Description
from sosfs_check.drafting.word_templates import fill_template, templates_dir

if TYPE_CHECKING:
    from sosfs_check.analysis.model import Scope
    from sosfs_check.catalog.models import Catalog

DRAFT_TEMPLATE = "ledningssystem.docx"


@dataclass(frozen=True)
class MatrixRow:
    """One applicable requirement and the chapter of the draft that meets it."""

    id: str
    title: str
    citation: str
    kind: str
    chapter: str


def draft_context(description: Description, catalog: Catalog) -> dict[str, Any]:
    """What the templates can use (see the module docstring)."""
    from sosfs_check.analysis.scope import applies
    from sosfs_check.drafting.chapters import chapter_of

    scope = _scope(description)
    applicable = [r for r in catalog.requirements
                  if r.lifecycle != "retired" and applies(r.applies_to, scope, catalog.matching)]
    return {
        "d": description,
        "roll": lambda role_id: description.roller.get(role_id, role_id),
        "gäller": {r.id for r in applicable},
        "kravmatris": [MatrixRow(id=r.id, title=r.title, citation=r.source.citation, kind=r.kind,
                                 chapter=chapter_of(r.id)) for r in applicable],
        "årshjulet": lambda word: _in_wheel(description, word),
    }


def _in_wheel(description: Description, word: str) -> Aktivitet | None:
    return next((a for a in description.årshjul if word.casefold() in a.aktivitet.casefold()), None)


def render_draft(description: Description, target: Path, template: Path | None = None,
                 catalog: Catalog | None = None) -> None:
    """Write the draft to `target` (the caller decides whether it may be written)."""
    from sosfs_check.catalog import load_catalog

    fill_template(template or templates_dir() / DRAFT_TEMPLATE, draft_context(description, catalog or load_catalog()),
                  target)


def _scope(description: Description) -> Scope:
    """The description's activities as the check's Scope, so that "applies" means the same in both."""
    from sosfs_check.analysis.model import Scope

    return Scope(activities=list(description.omfattning), detected_from={}, overridden=True)
