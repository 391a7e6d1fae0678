"""Join the wrapped lines of one paragraph, putting back together words a PDF or Word broke with a hyphen.

"kvalitetsarbe-" + "tet" is one word; "hälso-" + "och sjukvård" keeps its hyphen (a compound's shared part);
"LSS-" + "verksamhet" and "12-" + "stegsbehandling" keep the hyphen and lose the line break. The cue words and
thresholds are in data/text_exports.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable

from sosfs_check.document.text_cues import HyphenationCues, text_cues


def join_wrapped(lines: Iterable[str]) -> str:
    """One paragraph's text from its lines, in order; blank lines are skipped."""
    cues = text_cues().hyphenation
    text = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        text = _join(text, line, cues) if text else line
    return text.translate(str.maketrans("", "", cues.discretionary))


def _join(before: str, after: str, cues: HyphenationCues) -> str:
    if before[-1] in cues.discretionary:
        return before[:-1] + after  # a soft hyphen marks where a word may break, and it broke there
    head = before[:-1]
    if before[-1] not in cues.hyphens or not head or not head[-1].isalnum():
        return f"{before} {after}"  # no hyphen, or a dash standing alone ("två uppdrag -")
    next_word = after.split(maxsplit=1)[0].strip(".,;:!?()\"'”»").casefold()
    if not (after[0].islower() or after[0].isdigit()) or next_word in cues.kept_before:
        return f"{before} {after}"  # "hälso- och sjukvård", or a capital that starts something new
    stem = head.split()[-1]
    if head[-1].isdigit() or head[-1].isupper() or sum(c.isalpha() for c in stem) < cues.min_stem_letters:
        return before + after  # the hyphen belongs to the compound: "LSS-verksamhet", "e-tjänst", "2020-2023"
    if after[0].isdigit():
        return f"{before} {after}"  # "vecka-" + "12": no word goes on with a digit
    return head + after  # "kvalitetsarbe-" + "tet"
