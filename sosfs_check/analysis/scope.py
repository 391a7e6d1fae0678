"""Which activities a document covers (socialtjänst, LSS, hälso- och sjukvård), from its own text.

Scope fails safe: a requirement is only set aside as not applicable when the document's own text shows that
it covers other activities. Mentions that do not show an activity of the document's own are not counted:
the regulation restated, negations ("bedriver ingen hälso- och sjukvård"), plans, activities another body
runs ("hälso- och sjukvården bedrivs av hälso- och sjukvårdsnämnden"), and sections that only refer or list
(bilagor, referenser, källor). When nothing is recognised, every requirement applies and the result says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from sosfs_check.analysis.clauses import one_clause
from sosfs_check.analysis.model import Scope
from sosfs_check.analysis.passages import PassageSet
from sosfs_check.analysis.statements import OWN, Sentence
from sosfs_check.analysis.terms import TermIndex, plain
from sosfs_check.catalog.models import MatchingConfig, ScopeExclusion
from sosfs_check.errors import InvalidArgumentError
from sosfs_check.language import listed


def resolve_scope(values: str | Sequence[str] | None, config: MatchingConfig) -> list[str] | None:
    """The activities a user named (--omfattning, or `omfattning=` in Python), by name or alias, any case;
    several may be given in one string separated by commas. None when none were given."""
    if values is None:
        return None
    given = [values] if isinstance(values, str) else list(values)
    names = [part.strip() for value in given for part in str(value).split(",") if part.strip()]
    by_alias = {alias.casefold(): name for name, rule in config.scopes.items()
                for alias in (name, *rule.aliases)}
    unknown = [name for name in names if name.casefold() not in by_alias]
    if unknown:
        valid = ", ".join(f"{name} ({', '.join(rule.aliases)})" if rule.aliases else name
                          for name, rule in config.scopes.items())
        raise InvalidArgumentError(f"okänd omfattning {', '.join(repr(n) for n in unknown)}; giltiga värden: {valid}")
    resolved = {by_alias[name.casefold()] for name in names}
    return [name for name in config.scopes if name in resolved] or None


def detect_scope(passages: PassageSet, config: MatchingConfig, override: list[str] | None = None) -> Scope:
    texts = passages.texts
    ignored = set(passages.contexts.texts_with(config.scope_ignored_headings))
    counted = set(range(len(passages))) - ignored
    detected: dict[str, list[str]] = {}
    for name, rule in config.scopes.items():
        found = []
        for term in rule.terms:
            if any(index in counted and _in_own_sentence(passages, index, texts.positions(term, index))
                   for index in texts.hits(term)):
                found.append(plain(term))
        detected[name] = found
    excluded = _exclusions(passages, config, counted)
    if override:
        return Scope(activities=override, label=_label(override, config), detected_from=detected,
                     excluded_by=excluded, overridden=True)
    active = [name for name, rule in config.scopes.items()
              if len(detected[name]) >= rule.min_distinct and name not in excluded]
    if not active:
        every = list(config.scopes)
        return Scope(activities=every, label=_label(every, config), detected_from=detected, excluded_by=excluded,
                     assumed=True, warning=f"Ingen verksamhet ({_label(every, config)}) kändes igen i dokumentet; "
                                           "alla krav har bedömts. Ange --omfattning för att avgränsa.")
    return Scope(activities=active, label=_label(active, config), detected_from=detected, excluded_by=excluded)


def _label(activities: Sequence[str], config: MatchingConfig) -> str:
    """"socialtjänst, LSS och hälso- och sjukvård"."""
    labels: dict[str, str] = {name: rule.label for name, rule in config.scopes.items()}
    return listed(labels[activity] for activity in activities)


def _exclusions(passages: PassageSet, config: MatchingConfig, counted: set[int]) -> dict[str, str]:
    """Per activity, the first own sentence that says the document or the organisation does not cover it."""
    texts, rule = passages.texts, config.scope_exclusion
    about_scope = set(passages.contexts.texts_with(rule.headings))  # "1.2 Omfattning": the subject is the document
    excluded: dict[str, str] = {}
    for name, scope in config.scopes.items():
        # A part of the activity named ("Daglig verksamhet enligt LSS … ingår inte") leaves the rest.
        parts = [part for part in scope.terms if part not in scope.names]
        for term in scope.names:
            for index in sorted(texts.hits(term) & counted):
                sentence = next((s for s in passages.items[index].sentences
                                 if _within(texts, (term,), index, s) and not _within(texts, parts, index, s)
                                 and _denies(passages, rule, term, index, s, index in about_scope)), None)
                if sentence is not None:
                    excluded.setdefault(name, passages.items[index].unit.text[sentence.start:sentence.end])
    return excluded


def _denies(passages: PassageSet, rule: ScopeExclusion, name: str, index: int, sentence: Sentence,
            about_scope: bool) -> bool:
    """A covering verb denied right after it ("omfattar inte", "bedriver ingen"), and as its subject the activity
    ("Hälso- och sjukvård ingår inte i förvaltningens uppdrag") or the document or the organisation in the same
    clause ("Nämnden bedriver ingen …", "I kommunen bedriver nämnden ingen …"); under an "Omfattning" heading the
    document is the subject, of a verb in the activity's own clause ("Dessa insatser är inte socialtjänst och
    omfattas därför inte av SOSFS 2011:9" leaves socialtjänst covered)."""
    texts = passages.texts
    text = passages.items[index].unit.text
    negated = {position for term in rule.negations for position in _positions_in(texts, term, index, sentence)}
    verbs = [position for term in rule.verbs for position in _positions_in(texts, term, index, sentence)
             if any(position < negation <= position + rule.negation_reach for negation in negated)]
    if not verbs:
        return False
    opening = sentence.first_token + rule.subject_opening
    tokens = texts.tokens(index)
    named = _positions_in(texts, name, index, sentence)
    # After the verb the activities it denies may be listed ("Här ingår inte daglig verksamhet och inte hälso- och
    # sjukvård"); before it, the activity must be in its clause.
    if about_scope and any(p > verb or one_clause(texts, text, index, p, verb, rule.clause_breaks, rule.clause_marks)
                           for p in named for verb in verbs):
        return True
    if any(p < opening and p < min(verbs) and not set(tokens[sentence.first_token:p]) & set(rule.prepositions)
           for p in named):
        return True
    subjects = [p for term in rule.subjects for p in _positions_in(texts, term, index, sentence)]
    # The subject before the verb, or right after it ("I kommunen bedriver nämnden ingen …").
    return any(one_clause(texts, text, index, subject, verb, rule.clause_breaks, rule.clause_marks)
               for verb in verbs for subject in subjects if subject <= verb + rule.inverted_subject_reach)


def _positions_in(texts: TermIndex, term: str, index: int, sentence: Sentence) -> list[int]:
    return [p for p in texts.positions(term, index) if sentence.first_token <= p < sentence.end_token]


def _within(texts: TermIndex, terms: Sequence[str], index: int, sentence: Sentence) -> bool:
    return any(_positions_in(texts, term, index, sentence) for term in terms)


def _in_own_sentence(passages: PassageSet, index: int, positions: list[int]) -> bool:
    sentences = passages.items[index].sentences
    return any(s.kind in OWN and s.first_token <= position < s.end_token for s in sentences for position in positions)


def applies(applies_to: str, scope: Scope, config: MatchingConfig) -> bool:
    """Whether a requirement addressed to `applies_to` binds a document of this scope (matching.yaml)."""
    activities = config.applies_to[applies_to]  # type: ignore[index]
    return not activities or not set(activities).isdisjoint(scope.activities)
