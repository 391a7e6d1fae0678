"""Find a table of contents near the top of a text export, so its lines are neither body text nor headings.

A table of contents is a marker line ("Innehållsförteckning", "Innehåll") followed by entries, or, without a
marker, a run of entries that each have a leader or a tab before the page number or point at a heading that
comes later. An entry is a title and a page number: "4.2 Riskanalys ........ 12", "4.2 Riskanalys 12",
"4.2 Riskanalys<tab>12"; its title may wrap onto the next line. In Markdown a line that is only a link to an
anchor in the document ("- [4.2 Riskanalys](#riskanalys)") is an entry too. Thresholds are in
data/text_exports.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sosfs_check.document.text_cues import TocCues, text_cues

_ANCHOR_ENTRY = re.compile(r"^(?:[-*+]\s+|\d{1,3}[.)]\s+)?\[(?P<title>.+)\]\(#[^()\s]*\)$")
_INNER_LINK = re.compile(r"\[|\]\(#[^()\s]*\)")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class TableOfContents:
    start: int  # index of its first line: the marker, or the first entry
    end: int  # index after its last entry
    titles: tuple[str, ...]  # entry titles without leaders and page numbers

    def detail(self) -> str:
        """Swedish description for the fidelity report."""
        listed = "; ".join(self.titles)
        return f"innehållsförteckning ({len(self.titles)} rader): {listed}"


@dataclass(frozen=True)
class _Entry:
    title: str
    page: int | None  # None for a Markdown anchor link
    strong: bool  # a leader, a tab or an anchor link: no sentence ends like that


def find_table_of_contents(lines: list[str], markdown: bool = False) -> TableOfContents | None:
    """The first table of contents that starts near the top of `lines`, or None."""
    cues = text_cues().toc
    window = [index for index, line in enumerate(lines) if line.strip()][:cues.search_lines]
    marker = _patterns(cues)[0]
    for index in window:
        if marker.match(lines[index].strip().strip("#*_ ")):
            titles, end = _run(lines, index + 1, cues, markdown, confirm=None)
            if len(titles) >= cues.min_entries_after_marker:
                return TableOfContents(index, end, tuple(titles))
    later = _later_lines(lines)
    for index in window:
        titles, end = _run(lines, index, cues, markdown, confirm=later)
        if len(titles) >= cues.min_entries_without_marker:
            return TableOfContents(index, end, tuple(titles))
    return None


def _run(lines: list[str], start: int, cues: TocCues, markdown: bool,
         confirm: dict[str, int] | None) -> tuple[list[str], int]:
    """Entries from `start` on, across blank lines, while page numbers do not go back and every entry has the
    first one's separator: a table of contents with leaders has them throughout, and a body line that happens to
    end in a number has none. Only an entry with a leader may complete a wrapped title. With `confirm`, an entry
    without a leader counts only if its title comes back as a later line."""
    titles: list[str] = []
    pending: list[str] = []  # the first lines of a wrapped title
    last_page, end = 0, start
    strong: bool | None = None  # whether the first entry had a leader
    for index in range(start, len(lines)):
        text = lines[index].strip()
        if not text:
            continue
        entry = _entry(text, cues, markdown)
        if entry is None:
            if not titles or len(pending) + 1 >= cues.max_title_lines:
                break  # a run starts with an entry: the line before a table of contents is the document's
            pending.append(text)
            continue
        title = " ".join([*pending, entry.title])
        strong = entry.strong if strong is None else strong
        if entry.strong != strong or (pending and not entry.strong) or (entry.page or last_page) < last_page:
            break
        if confirm is not None and not entry.strong and confirm.get(_key(title), -1) <= index:
            break
        titles.append(title)
        pending.clear()
        last_page, end = entry.page or last_page, index + 1
    return titles, end


def _entry(text: str, cues: TocCues, markdown: bool) -> _Entry | None:
    match = _patterns(cues)[1].match(text)
    if match and any(c.isalpha() for c in match.group("title")):
        title = " ".join(match.group("title").split())
        return _Entry(title, int(match.group("page")), strong=not match.group("space"))
    anchor = _ANCHOR_ENTRY.match(text) if markdown else None
    if anchor:
        return _Entry(" ".join(_INNER_LINK.sub("", anchor.group("title")).split()), None, strong=True)
    return None


@cache
def _patterns(cues: TocCues) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The marker line and an entry: title, then a leader, a tab or a space, then the page number."""
    markers = "|".join(r"\s+".join(map(re.escape, marker.split())) for marker in cues.markers)
    leader = f"(?:\\s*[{re.escape(cues.leader_characters)}]){{{cues.min_leader},}}\\s*"
    page = f"\\d{{1,{cues.max_page_digits}}}"
    return (re.compile(rf"^(?:{markers})\s*:?\s*(?:{page})?$", re.IGNORECASE),
            re.compile(rf"^(?P<title>\S.*?)(?:{leader}|\s*\t\s*|(?P<space>\s+))(?P<page>{page})$"))


def _later_lines(lines: list[str]) -> dict[str, int]:
    """For every line's words, the last index where they stand as a line of their own."""
    return {_key(line): index for index, line in enumerate(lines) if line.strip()}


def _key(text: str) -> str:
    """A title compared by its words only: "4.2. Riskanalys" and "## 4.2 Riskanalys" are the same line."""
    return _NON_WORD.sub(" ", text).strip().casefold()
