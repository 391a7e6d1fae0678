"""Lay text out in lines as a PDF does, breaking words with a hyphen: the fixture for the line-joining tests."""

from __future__ import annotations

from sosfs_check.document.text_cues import text_cues


def wrap_with_hyphens(text: str, width: int, cuts: list[int]) -> list[str]:
    """Lines of at most about `width` characters. A word that does not fit is broken with a hyphen after
    `cuts[i]` letters (cycling; 0 or too close to an end moves it whole), a compound only at its own hyphen."""
    kept = text_cues().hyphenation.kept_before
    lines, line = [], ""
    for index, token in enumerate(text.split(" ")):
        candidate = f"{line} {token}" if line else token
        if len(candidate) <= width or not line:
            line = candidate
            continue
        cut = cuts[index % len(cuts)]
        if "-" in token.rstrip("-"):
            head, tail = token.split("-", 1)
            head += "-"
        elif 2 <= cut <= len(token) - 2 and token.isalpha() and token[cut:] not in kept:
            head, tail = token[:cut] + "-", token[cut:]
        else:
            head, tail = "", token
        lines.append(f"{line} {head}" if head else line)
        line = tail
    lines.append(line)
    return lines
