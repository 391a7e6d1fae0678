"""Who is responsible for what: 'Enhetschefen ansvarar för att …', 'X ansvarar för:' lists, 'Ansvar' columns."""

from __future__ import annotations

import re

from sosfs_check.analysis.frequencies import find_frequencies
from sosfs_check.analysis.model import Responsibility
from sosfs_check.catalog.models import Catalog, Role
from sosfs_check.document.model import TextUnit

_RESPONSIBLE = re.compile(
    r"^(?P<who>[\wÅÄÖåäö /\-–,.()]{2,90}?)\s+(?:har\s+(?:det\s+)?(?P<ultimate>yttersta\s+)?ansvar(?:et)?\s+för|ansvarar\s+(?:även\s+)?för|ska)\s*(?:att\s*)?(?P<duty>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_LIST_INTRO = re.compile(r"(ansvarar\s+för|ansvar\s+för|ska)\s*(att)?\s*[:;]\s*$", re.IGNORECASE)


def _role_of(words: str, roles: tuple[Role, ...]) -> Role | None:
    lowered = " " + words.lower() + " "
    best: tuple[int, Role] | None = None
    for role in roles:
        for form in role.forms:
            index = lowered.find(" " + form + " ")
            if index >= 0 and (best is None or index < best[0]):
                best = (index, role)
        for head in role.compound_heads:
            match = re.search(rf"\w+{re.escape(head)}\b", lowered)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), role)
    return best[1] if best else None


def extract_responsibilities(units: list[TextUnit], catalog: Catalog) -> list[Responsibility]:
    found: list[Responsibility] = []
    list_owner: tuple[Role | None, str] | None = None
    list_section: tuple[str, ...] | None = None
    for unit in units:
        section = " › ".join(unit.section_path)
        text = unit.text.strip()
        if unit.is_list_item and list_owner is not None and unit.section_path == list_section:
            role, written = list_owner
            found.append(_make(role, written, text, "list_item", unit, section, catalog))
            continue
        if not unit.is_list_item:
            list_owner = None
        match = _RESPONSIBLE.match(text)
        if match:
            role = _role_of(match.group("who"), catalog.roles)
            written = match.group("who").strip()
            duty = match.group("duty").strip()
            if _LIST_INTRO.search(text) and not duty.strip(" :;"):
                list_owner, list_section = (role, written), unit.section_path
                continue
            if role is not None and duty:
                form = "yttersta_ansvar" if match.group("ultimate") else (
                    "ska" if " ska" in text[: match.start("duty")].lower() and "ansvar" not in
                    text[: match.start("duty")].lower() else "ansvarar_för")
                found.append(_make(role, written, duty, form, unit, section, catalog))
        if unit.column_header and re.search(r"\bansvar", unit.column_header, re.IGNORECASE):
            role = _role_of(text, catalog.roles)
            found.append(_make(role, text, unit.column_header, "table_column", unit, section, catalog))
    return found


def _make(role: Role | None, written: str, duty: str, form: str, unit: TextUnit, section: str,
          catalog: Catalog) -> Responsibility:
    return Responsibility(
        role=role.id if role else written, role_as_written=written, known_role=role is not None,
        duty=duty.rstrip(" ;,."), form=form,  # type: ignore[arg-type]
        frequencies=find_frequencies(unit, catalog.frequencies), block_id=unit.block_id, section=section,
        location=unit.locator.describe(),
    )
