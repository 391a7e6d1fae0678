"""Find how often things are done: 'årligen', '1 ggr/månad', 'minst en gång per kvartal', 'inom två veckor' …"""

from __future__ import annotations

import re
from functools import lru_cache

from sosfs_check.analysis.model import Frequency
from sosfs_check.catalog.models import FrequencyLexicon
from sosfs_check.document.model import TextUnit

_B = r"(?<![\wåäö])"
_E = r"(?![\wåäö])"


@lru_cache(maxsize=2)
def _patterns(lexicon_json: str) -> list[tuple[str, re.Pattern[str]]]:
    lexicon = FrequencyLexicon.model_validate_json(lexicon_json)
    numbers = "|".join(sorted(map(re.escape, lexicon.numbers), key=len, reverse=True))
    periods = "|".join(sorted(map(re.escape, lexicon.periods), key=len, reverse=True))
    count = rf"(?P<low>\d+|{numbers})(?:\s*[-–]\s*(?P<high>\d+|{numbers}))?"
    times = r"(?:ggr|gång(?:er)?|tillfällen)"
    bounds = "|".join(map(re.escape, lexicon.minimum_words + lexicon.maximum_words))
    rate_words = "|".join(sorted(map(re.escape, lexicon.rate_words), key=len, reverse=True))
    events = "|".join(sorted(map(re.escape, lexicon.event_words), key=len, reverse=True))
    return [
        ("rate", re.compile(rf"{_B}(?:(?P<bound>{bounds})\s+)?{count}\s*{times}\s*(?:/|per|om|i|varje)\s*(?:\w+\s+)?(?P<period>{periods}){_E}", re.I)),
        ("rate_word", re.compile(rf"{_B}(?:(?P<bound>{bounds})\s+)?(?P<word>{rate_words}){_E}", re.I)),
        ("deadline", re.compile(rf"{_B}(?:inom|senast\s+inom)\s+(?P<low>\d+|{numbers})\s+(?P<unit>dagar|dag|veckor|vecka|månader|månad|arbetsdagar){_E}", re.I)),
        ("deadline", re.compile(rf"{_B}senast\s+(?:den\s+)?\d{{1,2}}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december){_E}", re.I)),
        ("event", re.compile(rf"{_B}(?P<word>{events}){_E}", re.I)),
    ]


def _number(token: str | None, lexicon: FrequencyLexicon) -> float | None:
    if token is None:
        return None
    token = token.lower()
    return float(token) if token.isdigit() else float(lexicon.numbers[token]) if token in lexicon.numbers else None


def find_frequencies(unit: TextUnit, lexicon: FrequencyLexicon) -> list[Frequency]:
    found: list[Frequency] = []
    taken: list[tuple[int, int]] = []
    section = " › ".join(unit.section_path)
    for kind, pattern in _patterns(lexicon.model_dump_json()):
        for match in pattern.finditer(unit.text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            taken.append(match.span())
            groups = match.groupdict()
            bound_word = (groups.get("bound") or "").lower()
            bound = "minimum" if bound_word in lexicon.minimum_words else "maximum" if bound_word else "exact"
            per_year = None
            out_kind = kind
            if kind == "rate":
                low = _number(groups["low"], lexicon)
                high = _number(groups.get("high"), lexicon)
                per_year = (low or 0) * lexicon.periods[groups["period"].lower()]
                if high is not None:
                    bound = "range"
                out_kind = "rate"
            elif kind == "rate_word":
                per_year = lexicon.rate_words[groups["word"].lower()]
                out_kind = "rate"
            elif kind == "event":
                out_kind = lexicon.event_words[groups["word"].lower()]
            found.append(Frequency(text=match.group(0), kind=out_kind, per_year=per_year, bound=bound,
                                   block_id=unit.block_id, section=section, location=unit.locator.describe()))
    return found
