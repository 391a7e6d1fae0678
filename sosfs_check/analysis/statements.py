"""What each sentence of a passage does.

A ledningssystem mixes the organisation's own arrangements with the regulation quoted, definitions, plans,
admissions that something is lacking and activities another body runs. The judgement must tell them apart
sentence by sentence: "Enligt 5 kap. 1 § ska risker bedömas. Förvaltningen gör detta varje höst." quotes the
regulation and then states an own rule, and it is the own rule that counts.

Each sentence gets one kind. Cue patterns (matching.yaml, `statements.patterns`) are tried in the order of
`statements.precedence`; the first kind whose cue matches decides. A sentence without such a cue is an
`arrangement` when it has a signal of one (a doing verb or responsibility word, a named routine, system or
forum, a rhythm from the frequency finder, or a responsibility statement covering its passage), else `prose`.

Two rules need the sentences around: a sentence after the regulation or a plan that has only a modal ("För
varje sådan händelse ska sannolikheten uppskattas") goes on restating it; and an activity is only delegated when the body
named is not the document's own nämnd (the nämnd the document names most often).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal, NamedTuple

from sosfs_check.analysis.indexed import IndexedUnits
from sosfs_check.analysis.model import Frequency
from sosfs_check.analysis.pattern_literals import Clause, required_literals
from sosfs_check.analysis.sentences import sentence_spans
from sosfs_check.analysis.terms import plain
from sosfs_check.catalog.models import StatementConfig

StatementKind = Literal["regulation", "negation", "plan", "definition", "delegated", "arrangement", "hedge", "prose"]
PassageKind = Literal["regulation", "mention", "arrangement", "prose"]

OWN: frozenset[str] = frozenset({"arrangement", "hedge", "prose"})
"""Sentences in the organisation's own voice about what exists: where topics and elements count."""
ABSENT: frozenset[str] = frozenset({"plan", "negation"})
"""Sentences that say an arrangement does not exist yet."""


class Sentence(NamedTuple):
    """One sentence of a passage: its characters, its tokens [first_token, end_token) and what it does."""

    start: int
    end: int
    first_token: int
    end_token: int
    kind: StatementKind
    signals: tuple[str, ...]
    rhythm: bool = False  # a recurring frequency stands in it ("varje kvartal", "årlig", "löpande")


_RECURRING = frozenset({"rate", "regular", "continuous"})
_CARRIED = {"regulation": "fortsätter föreskriften", "plan": "fortsätter planen"}

Compiled = tuple[tuple[tuple[Clause, ...], re.Pattern[str]], ...]


@lru_cache(maxsize=4)
def _compiled(patterns: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, Compiled], ...]:
    return tuple((kind, tuple((required_literals(p), re.compile(p, re.IGNORECASE)) for p in kind_patterns))
                 for kind, kind_patterns in patterns)


def classify_sentences(indexed: IndexedUnits, config: StatementConfig, abbreviations: Sequence[str],
                       frequencies: Sequence[Sequence[Frequency]],
                       stated: frozenset[int] = frozenset()) -> list[tuple[Sentence, ...]]:
    """The sentences of every passage with their kinds. `stated`: passages that are responsibility statements
    as a whole (a bullet of an "X ansvarar för att:" list, an Ansvar cell): their sentences are arrangements
    unless a cue says otherwise."""
    units, terms = indexed.units, indexed.terms
    ordered = tuple((kind, config.patterns.get(kind, ())) for kind in config.precedence)
    cues: dict[int, list[tuple[str, re.Pattern[str]]]] = {}
    for kind, patterns in _compiled(ordered):
        for required, pattern in patterns:
            for index in indexed.literals.satisfying(required):
                cues.setdefault(index, []).append((kind, pattern))
    signal_terms = terms.texts_with((*config.arrangement_terms, *config.rule_terms))
    weak = frozenset(config.rule_terms)
    own_body = _own_body(indexed, config.body_pattern)
    result: list[tuple[Sentence, ...]] = []
    for index, unit in enumerate(units):
        text = unit.text
        signal_positions = [(position, term) for term in signal_terms.get(index, ())
                             for position in terms.positions(term, index)]
        spans = sentence_spans(text, abbreviations)
        # A passage of one sentence holds all its tokens; only longer ones need to know where tokens start.
        token_starts = [start for start, _ in terms.token_spans(index)] if len(spans) > 1 else []
        sentences: list[Sentence] = []
        for start, end in spans:
            first = bisect_right(token_starts, start - 1) if token_starts else 0
            last = bisect_right(token_starts, end - 1) if token_starts else len(terms.tokens(index))
            sentence = _classify(text, start, end, first, last, cues.get(index, ()),
                                 signal_positions, frequencies[index], index in stated, own_body, weak)
            # After the regulation or a plan, a sentence with only a modal goes on saying the same ("Nämnden har
            # beslutat att en kvalitetsberättelse ska tas fram från 2027. Den ska beskriva …").
            if sentences and sentences[-1].kind in _CARRIED and _continues_regulation(sentence, weak):
                carried = sentences[-1].kind
                sentence = sentence._replace(kind=carried, signals=(*sentence.signals, _CARRIED[carried]))
            sentences.append(sentence)
        result.append(tuple(sentences))
    return result


def _continues_regulation(sentence: Sentence, weak: frozenset[str]) -> bool:
    """After the regulation, a sentence with a modal ("ska … tas fram") but neither a rhythm nor a
    responsibility goes on restating it; any other sentence says something of its own."""
    if sentence.kind != "arrangement":
        return False
    words = {signal.removeprefix("signalord: ") for signal in sentence.signals if signal.startswith("signalord: ")}
    # A rhythm or someone answering for the work (the arrangement terms "ansvarar", "ansvarig", "har ansvar";
    # "hur ansvaret är fördelat" is no such term: it names responsibility, assigns none).
    own = any(signal.startswith(("rytm: ", "ansvar")) for signal in sentence.signals) or any(
        "ansvar" in word for word in words)
    return bool(words & weak) and not own


def _own_body(indexed: IndexedUnits, pattern: str) -> str | None:
    """The nämnd the document names most often: its own (an activity it runs is not delegated)."""
    compiled = re.compile(pattern, re.IGNORECASE)
    counts: dict[str, int] = {}
    for index in indexed.literals.satisfying(required_literals(pattern)):
        for match in compiled.finditer(indexed.units[index].text):
            name = _body_key(match.group())
            if name != "nämnden":  # "nämnden" alone refers to the document's own
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda name: (counts[name], name)) if counts else None


def _body_key(name: str) -> str:
    """A body by the last word of its name: "vård- och omsorgsnämnden" and "omsorgsnämnden" are one."""
    last = name.lower().split()[-1]
    return last[:-1] if last.endswith("nämndens") else last  # "socialnämndens personal" is socialnämnden


def _classify(text: str, start: int, end: int, first: int, last: int,
              cues: Sequence[tuple[str, re.Pattern[str]]],
              signal_positions: Sequence[tuple[int, str]], frequencies: Sequence[Frequency],
              stated: bool, own_body: str | None, weak: frozenset[str]) -> Sentence:
    sentence = text[start:end]
    rhythm = any(start <= f.char_start < end and f.kind in _RECURRING for f in frequencies)
    # The cues come in order of precedence: the first that fires decides.
    for kind, pattern in cues:
        if match := pattern.search(sentence):
            # Delegation names a body; the document's own nämnd runs its own activities.
            body = match.groupdict().get("body")
            if kind == "delegated" and body and _body_key(body) in (own_body, "nämnden"):
                continue
            return Sentence(start, end, first, last, kind, (f"{kind}: {pattern.pattern}",),  # type: ignore[arg-type]
                            rhythm)
    signals = list(dict.fromkeys(f"signalord: {plain(term)}" for position, term in signal_positions
                                 if first <= position < last))
    signals += [f"rytm: {f.text}" for f in frequencies if start <= f.char_start < end]
    if stated:
        signals.append("ansvarsuppgift")
    if signals:
        return Sentence(start, end, first, last, "arrangement", tuple(signals), rhythm)
    return Sentence(start, end, first, last, "prose", (), rhythm)


def with_kind(sentences: tuple[Sentence, ...], kind: StatementKind, signal: str,
              only: frozenset[str] | None = None) -> tuple[Sentence, ...]:
    """The sentences with a new kind (those of the kinds in `only`, or all), the reason added to their signals."""
    return tuple(s._replace(kind=kind, signals=(*s.signals, signal)) if only is None or s.kind in only else s
                 for s in sentences)


def passage_kind(sentences: Sequence[Sentence]) -> PassageKind:
    """The kind of a whole passage, for reports: an own arrangement anywhere makes it one; text that only
    restates the regulation is regulation; definitions, plans and admissions are mentions."""
    kinds = {s.kind for s in sentences}
    if "arrangement" in kinds:
        return "arrangement"
    if kinds and kinds <= {"regulation"}:
        return "regulation"
    if kinds & {"definition", "plan", "negation", "delegated", "hedge"}:
        return "mention"
    return "prose"
