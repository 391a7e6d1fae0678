"""Cue words and thresholds for text exports (data/text_exports.yaml), validated like the heading heuristics."""

from __future__ import annotations

from sosfs_check.document.data_files import DataModel, load_data


class TocCues(DataModel):
    markers: tuple[str, ...]
    leader_characters: str
    min_leader: int
    max_page_digits: int
    search_lines: int
    min_entries_after_marker: int
    min_entries_without_marker: int
    max_title_lines: int


class HyphenationCues(DataModel):
    hyphens: str
    discretionary: str
    kept_before: frozenset[str]
    min_stem_letters: int


class ListCues(DataModel):
    bullet_markers: str
    markdown_bullets: tuple[str, ...]
    continuation_indent_slack: int


class TextCues(DataModel):
    toc: TocCues
    hyphenation: HyphenationCues
    lists: ListCues


def text_cues() -> TextCues:
    return load_data("text_exports.yaml", TextCues)
