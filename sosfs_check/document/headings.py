"""Decide which unstyled paragraphs are headings, with documented thresholds from data/heading_heuristics.yaml.

Signals, strongest first: a typed section number ("3.1 Processer och rutiner"),
then formatting (all runs bold, or a font clearly larger than body text).
Typed numbers give the level by their depth; an unnumbered formatted heading
sits one level below the last numbered heading.
"""

from __future__ import annotations

import re
from collections import Counter

from sosfs_check.document.data_files import DataModel, load_data
from sosfs_check.document.raw import RawParagraph, RawTable

TYPED_NUMBER = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,5})\.?\s+(?P<text>[A-ZÅÄÖÉÜ].*)$")


class HeadingHeuristics(DataModel):
    max_words: int
    max_chars: int
    max_top_number: int
    max_depth: int
    min_size_step_half_points: int
    terminal_punctuation: str
    header_row_max_words: int
    plain_text_heading_max_words: int
    numbered_headings_for_labels: int
    unnumbered_heading_words: tuple[str, ...] = ()


def heuristics() -> HeadingHeuristics:
    return load_data("heading_heuristics.yaml", HeadingHeuristics)


def split_typed_number(text: str) -> tuple[str, str] | None:
    """('3.1', 'Processer och rutiner') for a line that starts with a section number."""
    h = heuristics()
    match = TYPED_NUMBER.match(text)
    if not match:
        return None
    number = match.group("number").rstrip(".")
    parts = number.split(".")
    if int(parts[0]) == 0 or int(parts[0]) > h.max_top_number or len(parts) > h.max_depth:
        return None
    return number, match.group("text").strip()


def _short(text: str) -> bool:
    h = heuristics()
    return (
        0 < len(text) <= h.max_chars
        and len(text.split()) <= h.max_words
        and "\n" not in text
        and text[-1] not in h.terminal_punctuation
    )


def detect_headings(blocks: list[RawParagraph | RawTable], formatting_known: bool) -> None:
    """Mark heading paragraphs in place among body-level blocks that no style made a heading.

    formatting_known is False for plain text, where only typed numbers can tell.
    """
    h = heuristics()
    body_sizes = Counter(
        b.size_half_points for b in blocks if isinstance(b, RawParagraph) and b.size_half_points and len(b.text) > 80
    )
    body_size = body_sizes.most_common(1)[0][0] if body_sizes else None
    labels = formatting_known and _numbers_its_headings(blocks, h)
    last_numbered_level = 0
    for block in blocks:
        if not isinstance(block, RawParagraph) or block.origin != "body":
            continue
        if block.heading_level is not None:
            last_numbered_level = block.heading_level if block.number else last_numbered_level
            if block.number is None:
                typed = split_typed_number(block.text)
                if typed:
                    block.number, block.text = typed
                    block.number_source = "text"
                    last_numbered_level = block.heading_level
            continue
        if block.list_level is not None or not _short(block.text):
            continue
        larger = bool(
            formatting_known and body_size and block.size_half_points
            and block.size_half_points - body_size >= h.min_size_step_half_points
        )
        emphasised = formatting_known and (block.bold or larger)
        typed = split_typed_number(block.text)
        if typed and (emphasised or not formatting_known or "." in typed[0]):
            block.number, block.text = typed
            block.number_source = "text"
            block.heading_level = typed[0].count(".") + 1
            block.heading_signal = "typed_number"
            last_numbered_level = block.heading_level
        elif emphasised and not typed and (larger or not labels or _named_unnumbered(block.text, h)):
            # "Bilaga 1", "Referenser" head a part of their own; another unnumbered line heads a subsection.
            block.heading_level = 1 if labels and _named_unnumbered(block.text, h) else last_numbered_level + 1
            block.heading_signal = "font_size" if larger else "bold"
        elif block.heading_signal == "short_line" and not typed:
            block.heading_level = last_numbered_level + 1  # the text reader saw a short line standing alone


def _numbers_its_headings(blocks: list[RawParagraph | RawTable], h: HeadingHeuristics) -> bool:
    """A document whose bold headings carry typed numbers ("4.5 Samverkan"): there an unnumbered bold line of
    body size is a label inside a section ("Avvikelser", "Socialchef"), not a heading of its own."""
    numbered = sum(1 for b in blocks if isinstance(b, RawParagraph) and b.origin == "body" and b.bold
                   and b.list_level is None and _short(b.text) and split_typed_number(b.text))
    return numbered >= h.numbered_headings_for_labels


def _named_unnumbered(text: str, h: HeadingHeuristics) -> bool:
    """Headings that go without a number even where the others have one ("Bilaga 1", "Referenser")."""
    first = text.split()[0].casefold() if text.split() else ""
    return first in h.unnumbered_heading_words


def has_heading_styles(blocks: list[RawParagraph | RawTable]) -> bool:
    """True when the author marked headings (Word styles, Markdown `#`); then formatting heuristics stay off."""
    return sum(1 for b in blocks if isinstance(b, RawParagraph) and b.heading_signal != "none") >= 2


def mark_headings(blocks: list[RawParagraph | RawTable]) -> None:
    """Headings of a document whose formatting is known (.docx, Markdown): trust the author's headings when
    there are any and only split typed numbers off them; otherwise let bold or larger text tell."""
    if has_heading_styles(blocks):
        detect_headings([b for b in blocks if isinstance(b, RawParagraph) and b.heading_level is not None],
                        formatting_known=True)
    else:
        detect_headings(blocks, formatting_known=True)
