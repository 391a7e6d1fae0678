"""Which activities a document covers (socialtjänst, LSS, hälso- och sjukvård), from its own text."""

from __future__ import annotations

from sosfs_check.analysis.model import Scope
from sosfs_check.analysis.passages import PassageSet
from sosfs_check.catalog.models import MatchingConfig

ACTIVITIES = ("socialtjänst", "lss", "hälso- och sjukvård")


def detect_scope(passages: PassageSet, config: MatchingConfig, override: list[str] | None = None) -> Scope:
    own = {index for index, passage in enumerate(passages) if passage.kind != "regulation"}
    detected = {name: [term for term in rule.terms if own.intersection(passages.texts.hits(term))]
                for name, rule in config.scopes.items()}
    if override:
        return Scope(activities=sorted(override), detected_from=detected, overridden=True)
    active = [name for name in ACTIVITIES if len(detected.get(name, [])) >= config.scopes[name].min_distinct]
    return Scope(activities=active, detected_from=detected)


def applies(applies_to: str, scope: Scope) -> bool:
    active = set(scope.activities)
    return {
        "alla": True,
        "vårdgivare": "hälso- och sjukvård" in active,
        "socialtjänst_lss": bool(active & {"socialtjänst", "lss"}),
        "socialtjänst": "socialtjänst" in active,
        "lss": "lss" in active,
    }[applies_to]
