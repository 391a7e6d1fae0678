"""Find how often things are done: 'årligen', '1 ggr/månad', 'minst en gång per kvartal', 'inom två veckor' …

Every expression becomes a Frequency with a normalised meaning: times per year (with bounds for
"minst" and ranges such as "4-6 ggr/år"), a deadline in days or a fixed date, or an event-driven, immediate or
continuous rhythm. All words come from the catalog's frequency lexicon (requirements_catalog/frequencies.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sosfs_check.analysis.indexed import IndexedUnits
from sosfs_check.analysis.model import Frequency
from sosfs_check.analysis.pattern_literals import Clause
from sosfs_check.analysis.sentences import sentence_spans
from sosfs_check.catalog.models import FrequencyLexicon
from sosfs_check.document.model import TextUnit

_B = r"(?<![\wåäö])"
_E = r"(?![\wåäö])"


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(word.lower()) for word in words), key=len, reverse=True))


def _patterns(lexicon: FrequencyLexicon, flags: int) -> list[tuple[str, re.Pattern[str]]]:
    numbers = _alternation(lexicon.numbers)
    count = rf"(?P<low>\d+|{numbers})(?:\s*[-–]\s*(?P<high>\d+|{numbers}))?"
    bound = rf"(?:(?P<bound>{_alternation(lexicon.minimum_words + lexicon.maximum_words)})\s+)?"
    times = _alternation(lexicon.times_words)
    periods = _alternation(lexicon.periods)
    separators = _alternation(lexicon.rate_separators)
    within, by = _alternation(lexicon.within_words), _alternation(lexicon.by_words)
    return [
        ("rate", re.compile(rf"{_B}{bound}{count}\s*(?:{times})\s*(?:{separators})\s*(?:\w+\s+)?"
                            rf"(?P<period>{periods}){_E}", flags)),
        ("rate_word", re.compile(rf"{_B}{bound}(?P<word>{_alternation(lexicon.rate_words)}){_E}", flags)),
        ("within", re.compile(rf"{_B}(?:(?:{by})\s+)?(?:{within})\s+(?P<low>\d+|{numbers})\s+"
                              rf"(?P<unit>{_alternation(lexicon.deadline_units)}){_E}", flags)),
        ("by_date", re.compile(rf"{_B}(?:{by})\s+(?:den\s+)?(?P<day>\d{{1,2}})\s+"
                               rf"(?P<month>{_alternation(lexicon.months)}){_E}", flags)),
        ("event", re.compile(rf"{_B}(?P<word>{_alternation(lexicon.event_words)}){_E}", flags)),
    ]


def _number(token: str | None, lexicon: FrequencyLexicon) -> float | None:
    if token is None:
        return None
    token = token.lower()
    return float(token) if token.isdigit() else float(lexicon.numbers[token]) if token in lexicon.numbers else None


def _per_year(value: float, names: Mapping[float, str]) -> str:
    """"4 gånger per år", "1 gång per år", or the lexicon's name of the rate ("vartannat år"); decimals with a
    comma, as Swedish writes them."""
    if value in names:
        return names[value]
    number = f"{value:g}".replace(".", ",")
    return f"{number} gång per år" if value == 1 else f"{number} gånger per år"


class FrequencyFinder:
    """Frequency expressions of the catalog's lexicon, compiled once per check."""

    def __init__(self, lexicon: FrequencyLexicon) -> None:
        self.lexicon = lexicon
        # Scanning lower-cased text is faster than ignoring case; a text whose lower case has another length
        # ("İ") is scanned as written, ignoring case, so that offsets stay true.
        self.lowered_patterns = _patterns(lexicon, 0)
        self.patterns = _patterns(lexicon, re.IGNORECASE)
        # What each kind of expression cannot do without: one of its phrases ("vid behov"), a within or a by
        # word, looked up in the word index; a rate needs a "times" word, which may be glued to its number
        # ("1ggr") and is therefore looked for as a substring. Only passages that have one are scanned.
        self.signal_phrases: dict[str, tuple[str, ...]] = {
            "rate_word": tuple(lexicon.rate_words),
            "within": tuple(lexicon.within_words),
            "by_date": tuple(lexicon.by_words),
            "event": tuple(lexicon.event_words),
        }
        self.times_words: Clause = frozenset(word.lower() for word in lexicon.times_words)

    def per_unit(self, indexed: IndexedUnits) -> list[list[Frequency]]:
        """The frequencies in each unit's text, in order of position; overlapping matches keep the first kind."""
        kinds_at: dict[int, set[str]] = {}
        for kind, phrases in self.signal_phrases.items():
            for phrase in phrases:
                for index in indexed.terms.hits(phrase):
                    kinds_at.setdefault(index, set()).add(kind)
        for index in indexed.literals.satisfying((self.times_words,)):
            kinds_at.setdefault(index, set()).add("rate")
        return [self._scan(unit, kinds_at[index], indexed.literals.lowered(index)) if index in kinds_at else []
                for index, unit in enumerate(indexed.units)]

    def _scan(self, unit: TextUnit, kinds: set[str], lowered: str) -> list[Frequency]:
        found: list[Frequency] = []
        taken: list[tuple[int, int]] = []
        text, patterns = (lowered, self.lowered_patterns) if len(lowered) == len(unit.text) else \
            (unit.text, self.patterns)
        for kind, pattern in patterns:
            if kind not in kinds:
                continue
            for match in pattern.finditer(text):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                taken.append(match.span())
                found.append(self._frequency(kind, match, unit))
        if found:  # what is done that often: the sentence around each expression
            spans = sentence_spans(unit.text)
            found = [f.model_copy(update={"sentence": next(
                (unit.text[start:end] for start, end in spans if start <= f.char_start < end), unit.text)})
                for f in found]
        return sorted(found, key=lambda f: f.char_start)

    def _frequency(self, kind: str, match: re.Match[str], unit: TextUnit) -> Frequency:
        lexicon = self.lexicon
        groups = match.groupdict()
        bound_word = (groups.get("bound") or "").lower()
        bound = "minimum" if bound_word in lexicon.minimum_words else "maximum" if bound_word else "exact"
        values: dict = {}
        if kind == "rate":
            per_period = lexicon.periods[groups["period"].lower()]
            low = (_number(groups["low"], lexicon) or 0) * per_period
            high = _number(groups.get("high"), lexicon)
            values = {"kind": "rate", "per_year": low}
            if high is not None:
                values.update(per_year_max=high * per_period)
                bound = "range"
        elif kind == "rate_word":
            values = {"kind": "rate", "per_year": lexicon.rate_words[groups["word"].lower()]}
        elif kind == "within":
            days = (_number(groups["low"], lexicon) or 0) * lexicon.deadline_units[groups["unit"].lower()]
            values = {"kind": "deadline", "within_days": days}
        elif kind == "by_date":
            values = {"kind": "deadline", "by_date": f"{int(groups['day'])} {groups['month'].lower()}"}
        else:
            values = {"kind": lexicon.event_words[groups["word"].lower()]}
        return Frequency(text=unit.text[match.start():match.end()], bound=bound, normalised=_describe(values, bound, lexicon.rate_names),
                         block_id=unit.block_id, section=" › ".join(unit.section_path),
                         location=unit.locator.describe(), char_start=match.start(), char_end=match.end(), **values)


def _describe(values: dict, bound: str, names: Mapping[float, str]) -> str:
    """The normalised meaning in Swedish, e.g. 'minst 4 gånger per år', 'vartannat år', 'inom 14 dagar'."""
    kind = values["kind"]
    if kind == "rate":
        if "per_year_max" in values:
            return f"{values['per_year']:g}–{values['per_year_max']:g} gånger per år".replace(".", ",")
        prefix = {"minimum": "minst ", "maximum": "högst "}.get(bound, "")
        return f"{prefix}{_per_year(values['per_year'], names)}"
    if "within_days" in values:
        return f"inom {values['within_days']:g} dagar"
    if "by_date" in values:
        return f"senast {values['by_date']}"
    return {"event": "vid behov eller händelse", "immediate": "omgående", "continuous": "löpande",
            "regular": "regelbundet"}.get(kind, kind)
