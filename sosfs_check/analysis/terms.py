"""Swedish term matching over word tokens, built once per document and queried per term.

A term is one or more words. Each word of a term matches a token of the text when

* the token starts with the word ("riskanalys" finds "Riskanalyserna", "avvikelse" finds
  "avvikelsehantering": inflections and compounds whose first part is the term), or
* the token is another inflection of the same lemma ("följa upp" finds "följer upp", "gjorde" finds
  "göra"), from the catalog's inflection table (requirements_catalog/inflections.yaml, generated with
  simplemma's Swedish dictionary by devtools/build_inflections.py).

A number matches only itself. A word never matches inside a token ("kontroll" does not match "egenkontroll"), which keeps near-misses
out, and the words of a multi-word term must be consecutive tokens. Case is ignored.

The index maps every distinct token form to where it occurs; a prefix query is a binary search over
the sorted forms, so a query costs a few microseconds however long the document is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import accumulate

_TOKEN = re.compile(r"[^\W_]+")
_SHIFT = 24
_SLOT = 1 << _SHIFT  # more tokens than any one passage has
_POSITION = _SLOT - 1


@lru_cache(maxsize=8192)
def words(term: str) -> tuple[str, ...]:
    """The lower-cased word tokens of a term or text, as the index sees them (memoised: catalog terms and
    sentences are asked about again and again)."""
    return tuple(_TOKEN.findall(term.lower()))


class TermIndex:
    """Where every token form occurs in a list of texts; answers 'which texts contain this term, where'."""

    def __init__(self, texts: Sequence[str], inflections: Mapping[str, Sequence[str]] | None = None,
                 lowered: Sequence[str] | None = None) -> None:
        """`lowered`: the texts in lower case, when the caller has them already."""
        self._inflections = inflections or {}
        self._count = len(texts)
        # Equal texts (every passage of a section shares its heading context) are tokenised once, as one slot.
        slot_of: dict[str, int] = {}
        self._members: list[list[int]] = []
        self._slot_of_text: list[int] = []
        self._texts: list[str] = []
        self._tokens: list[tuple[str, ...]] = []  # per slot: the tokens, to test the later words of a term
        self._spans: dict[int, list[tuple[int, int]]] = {}  # token spans, computed only for texts that match
        # A token occurrence is one int, slot * _SLOT + position: cheaper to make, hash and offset than a tuple.
        postings: dict[str, list[int]] = {}
        for text_index, text in enumerate(texts):
            slot = slot_of.get(text)
            if slot is not None:
                self._members[slot].append(text_index)
                self._slot_of_text.append(slot)
                continue
            slot = slot_of[text] = len(self._members)
            self._members.append([text_index])
            self._slot_of_text.append(slot)
            self._texts.append(text)
            tokens = tuple(_TOKEN.findall(lowered[text_index] if lowered is not None else text.lower()))
            self._tokens.append(tokens)
            for position, token in enumerate(tokens, start=slot << _SHIFT):
                bucket = postings.get(token)
                if bucket is None:
                    postings[token] = [position]
                else:
                    bucket.append(position)
        self._postings = postings
        self._forms = sorted(postings)
        self._forms_joined: str | None = None  # built when a substring is first looked for
        self._form_starts: list[int] = []
        self._word_cache: dict[str, tuple[list[int], ...]] = {}
        self._inflection_sets: dict[str, frozenset[str]] = {}
        self._term_cache: dict[str, frozenset[int]] = {}
        self._slot_cache: dict[str, frozenset[int]] = {}

    def __len__(self) -> int:
        return self._count

    @property
    def inflections(self) -> Mapping[str, Sequence[str]]:
        return self._inflections

    def texts_with_substring(self, literal: str) -> set[int]:
        """The texts with a token that contains `literal` (lower case): for a run of letters or digits, the
        texts that contain it at all. One search through the distinct token forms, joined once."""
        if self._forms_joined is None:
            self._forms_joined = "\n".join(self._forms)
            self._form_starts = [0, *accumulate(len(form) + 1 for form in self._forms)]
        joined, starts, forms = self._forms_joined, self._form_starts, self._forms
        slots: set[int] = set()
        position = joined.find(literal)
        while position != -1:
            form = bisect_right(starts, position) - 1
            slots.update(occurrence >> _SHIFT for occurrence in self._postings[forms[form]])
            position = joined.find(literal, starts[form + 1])  # one hit per form is enough
        return {index for slot in slots for index in self._members[slot]}

    def tokens(self, text_index: int) -> tuple[str, ...]:
        """The lower-cased word tokens of one text (what words() would return)."""
        return self._tokens[self._slot_of_text[text_index]]

    def _word(self, word: str) -> tuple[list[int], ...]:
        """The occurrence lists (slot * _SLOT + position) of every token form that starts with word or inflects
        its lemma. An occurrence may be listed twice (an inflection that also starts with the word)."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        postings = self._postings
        if word.isdigit():
            # Numbers are not inflected: "1" in "5 kap. 1 §" must not find "10".
            found = [postings[word]] if word in postings else []
        else:
            forms = self._forms
            index = bisect_left(forms, word)
            found = []
            while index < len(forms) and forms[index].startswith(word):
                found.append(postings[forms[index]])
                index += 1
            found += [postings[form] for form in self._inflections.get(word, ()) if form in postings]
        result = self._word_cache[word] = tuple(found)
        return result

    def hits(self, term: str) -> frozenset[int]:
        """The texts that contain the term (where: see span())."""
        cached = self._term_cache.get(term)
        if cached is None:
            members = self._members
            cached = self._term_cache[term] = frozenset(
                index for slot in self._slots_with(term) for index in members[slot])
        return cached

    def _slots_with(self, term: str) -> frozenset[int]:
        """hits() for each distinct text (slot) rather than each text."""
        cached = self._slot_cache.get(term)
        if cached is not None:
            return cached
        parts = words(term)
        if len(parts) <= 1:
            found = {occurrence >> _SHIFT for occurrences in self._word(parts[0]) for occurrence in occurrences} \
                if parts else set()
        else:
            anchor = self._anchor(parts)
            found = {slot for occurrences in self._word(parts[anchor]) for occurrence in occurrences
                     if self._has_words_at(slot := occurrence >> _SHIFT, (occurrence & _POSITION) - anchor,
                                           parts, anchor)}
        result = self._slot_cache[term] = frozenset(found)
        return result

    def _anchor(self, parts: tuple[str, ...]) -> int:
        """Which word of a term to look up: the rarest. Its occurrences come from the index and the other words
        are tested on the tokens around them ("daglig verksamhet" is looked for where "daglig" stands, not at
        every "verksamhet")."""
        if len(parts) == 1:
            return 0
        return min(range(len(parts)), key=lambda k: sum(map(len, self._word(parts[k]))))

    def _has_words_at(self, slot: int, start: int, parts: tuple[str, ...], anchor: int) -> bool:
        tokens = self._tokens[slot]
        if start < 0 or start + len(parts) > len(tokens):
            return False
        return all(self._is_form(tokens[start + offset], word)
                   for offset, word in enumerate(parts) if offset != anchor)

    def _is_form(self, token: str, word: str) -> bool:
        """Whether a token is a form of a word, by the rules of _word()."""
        if word.isdigit():
            return token == word
        if token.startswith(word):
            return True
        forms = self._inflection_sets.get(word)
        if forms is None:
            forms = self._inflection_sets[word] = frozenset(self._inflections.get(word, ()))
        return token in forms

    def span(self, term: str, text_index: int) -> tuple[int, int] | None:
        """Characters of the term's first occurrence in one text, or None (only quoted evidence asks)."""
        slot = self._slot_of_text[text_index]
        if slot not in self._slots_with(term):
            return None
        parts = words(term)
        anchor = self._anchor(parts)
        first: int | None = None
        low, high = slot << _SHIFT, (slot + 1) << _SHIFT
        for occurrences in self._word(parts[anchor]):
            # Occurrence lists are in reading order: this text's are one slice, found by bisection.
            for occurrence in occurrences[bisect_left(occurrences, low):bisect_left(occurrences, high)]:
                start = (occurrence & _POSITION) - anchor
                if len(parts) == 1 or self._has_words_at(slot, start, parts, anchor):
                    first = start if first is None else min(first, start)
                    break
        spans = self._token_spans(slot)
        if first is None or len(spans) != len(self._tokens[slot]):
            return None  # lower case split a word differently ("İ"): no reliable offsets
        return spans[first][0], spans[first + len(parts) - 1][1]

    def _token_spans(self, slot: int) -> list[tuple[int, int]]:
        if slot not in self._spans:
            self._spans[slot] = [match.span() for match in _TOKEN.finditer(self._texts[slot])]
        return self._spans[slot]

    def texts_with(self, terms: Sequence[str]) -> dict[int, tuple[str, ...]]:
        """For every text containing any of the terms: those terms, in the order given."""
        by_slot: dict[int, list[str]] = {}
        for term in terms:
            for slot in self._slots_with(term):
                by_slot.setdefault(slot, []).append(term)
        # Texts that are equal (every passage of a section has the same heading context) share one tuple.
        members = self._members
        return {index: found for slot, terms_found in by_slot.items()
                for found in (tuple(terms_found),) for index in members[slot]}

    def terms_in(self, text_index: int, terms: Sequence[str]) -> list[str]:
        """The terms that occur in one text, in the order given."""
        return [term for term in terms if text_index in self.hits(term)]


def find_terms(text: str, terms: Sequence[str], inflections: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """The terms that occur in a single text (for one-off checks such as a column header)."""
    return TermIndex([text], inflections).terms_in(0, terms)
