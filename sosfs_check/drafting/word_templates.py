"""Filling a Word template (docxtpl): where the templates are, and a Swedish error for one that cannot be used."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
"""The Word templates of a source checkout; an installed package carries them as sosfs_check/_templates."""


def templates_dir() -> Path:
    installed = Path(__file__).resolve().parents[1] / "_templates"
    return installed if installed.is_dir() else TEMPLATES


def fill_template(template: Path, context: dict[str, Any], target: Path) -> None:
    """Render `template` with `context` into `target`; a missing template or a tag broken while the template was
    edited in Word is a TemplateError naming the template."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError as JinjaError

    from sosfs_check.errors import TemplateError

    if not template.is_file():
        raise TemplateError("mallen finns inte", template)
    try:
        document = DocxTemplate(str(template))
        document.render(context, _environment(), autoescape=True)
    except JinjaError as exc:
        raise TemplateError(f"en tagg i mallen är trasig ({exc}); taggar som {{% … %}} och {{{{ … }}}} ska stå "
                            "hela, var och en i sitt eget stycke", template) from None
    document.save(str(target))


def _environment() -> Environment:
    """Jinja2 with the filters the templates use: `gemen` and `versal` place a name inside or at the start of a
    sentence ("Enhetschef" → "enhetschef"; "MAS" stays), `uppräkning` joins a list ("a, b och c")."""
    from jinja2 import Environment

    from sosfs_check.language import listed

    environment = Environment(autoescape=True)
    environment.filters.update(gemen=_lower_first, versal=_upper_first, uppräkning=listed)
    return environment


def _lower_first(text: str) -> str:
    """A name inside a sentence: "Enhetschef" → "enhetschef"; an abbreviation ("MAS", "IVO") stays."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    """A name opening a sentence: "enhetschef" → "Enhetschef" (unlike Jinja's capitalize, the rest stays)."""
    return text[:1].upper() + text[1:]
