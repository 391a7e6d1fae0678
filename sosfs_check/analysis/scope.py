"""Which activities a document covers (socialtjänst, LSS, hälso- och sjukvård), from its own text."""

from __future__ import annotations

from sosfs_check.analysis.model import Scope
from sosfs_check.analysis.passages import PassageSet
from sosfs_check.analysis.terms import plain
from sosfs_check.catalog.models import MatchingConfig


def detect_scope(passages: PassageSet, config: MatchingConfig, override: list[str] | None = None) -> Scope:
    own = {index for index, passage in enumerate(passages) if passage.kind != "regulation"}
    detected = {name: [plain(term) for term in rule.terms if own.intersection(passages.texts.hits(term))]
                for name, rule in config.scopes.items()}
    if override:
        return Scope(activities=sorted(override), detected_from=detected, overridden=True)
    active = [name for name, rule in config.scopes.items() if len(detected[name]) >= rule.min_distinct]
    return Scope(activities=active, detected_from=detected)


def applies(applies_to: str, scope: Scope, config: MatchingConfig) -> bool:
    """Whether a requirement addressed to `applies_to` binds a document of this scope (matching.yaml)."""
    activities = config.applies_to[applies_to]  # type: ignore[index]
    return not activities or not set(activities).isdisjoint(scope.activities)
