"""Swedish term matching over word tokens, built once per document and queried per term.

Every word of a catalog term matches tokens by a declared mode (matching.yaml, `term_matching`):

* default — the word's own inflections: the word or its stem (without a final a/e) followed by a regular
  Swedish ending ("riskanalys" finds "riskanalyserna", "granska" finds "granskas"), an irregular form from
  the catalog's inflection table ("följa upp" finds "följer upp"; requirements_catalog/inflections.yaml,
  generated with simplemma's Swedish dictionary), and, for words of at least `compound_min_word` letters,
  compounds whose first part is the word and whose rest is a word of at least `compound_min_part` letters
  ("avvikelse" finds "avvikelsehantering", "klagomål" finds "klagomålshanteringen");
* `~word` — inflections only, never a compound ("~myndighet" does not find "myndighetsutövning");
* `=word` — exactly as written ("=sol" finds "SoL", never "Solna" or "solen");
* `*word` — inflections and the last part of a compound, never the first ("*system" finds
  "avvikelsesystemet", not "systematiskt").

A particle verb is another verb than the verb alone (`particle_verbs`): "följa" does not find "följs upp" and
"ta" does not find "tar fram", while "följa upp" does.

Numbers and single letters match only as written ("24 b §" never finds "24 boenden"); an ending is one of a
closed list, so "ska" never finds "skapa" or "skador". Acronyms are marked exact in the catalog ("=sol",
"=mas"), which a test enforces. A word never matches inside a token, and the words of a multi-word term
must be consecutive tokens. Case is ignored.

The index maps every distinct token form to where it occurs; a word query looks at the sorted forms that
start with the word or its stem, so a query costs a few microseconds however long the document is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sosfs_check.catalog.models import Catalog

_TOKEN = re.compile(r"[^\W_]+")
_TERM_WORD = re.compile(r"([=~*]?)([^\W_]+)")
_SHIFT = 24
_SLOT = 1 << _SHIFT  # more tokens than any one passage has
_POSITION = _SLOT - 1


@lru_cache(maxsize=8192)
def words(term: str) -> tuple[str, ...]:
    """The lower-cased word tokens of a term or text, as the index sees them (memoised: catalog terms and
    sentences are asked about again and again). Mode marks (=, ~, *) are not part of a word."""
    return tuple(_TOKEN.findall(term.lower()))


@lru_cache(maxsize=8192)
def term_words(term: str) -> tuple[tuple[str, str], ...]:
    """(mode mark, word) for each word of a catalog term: "=sol" → (("=", "sol"),)."""
    return tuple((mark, word) for mark, word in _TERM_WORD.findall(term.lower()))


@lru_cache(maxsize=8192)
def plain(term: str) -> str:
    """A catalog term as a reader writes it, without mode marks: "=sol" → "sol" (memoised: the matcher names
    the same terms in every passage it reports)."""
    return _TERM_WORD.sub(lambda match: match.group(2), term)


@dataclass(frozen=True)
class WordForms:
    """How a catalog word matches tokens: the regular endings, compound limits and irregular inflections."""

    suffixes: frozenset[str] = frozenset()
    stem_vowels: str = "ae"
    linking: tuple[str, ...] = ("s",)
    compound_min_word: int = 5
    compound_min_part: int = 3
    derivations: tuple[str, ...] = ()
    irregular: Mapping[str, Sequence[str]] = field(default_factory=dict)
    particle_verbs: tuple[str, ...] = ()

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> WordForms:
        """The catalog's matching rules (matching.yaml, `term_matching`) with its irregular inflections."""
        rules = catalog.matching.term_matching
        return cls(suffixes=frozenset(rules.suffixes), stem_vowels=rules.stem_vowels, linking=rules.linking,
                   compound_min_word=rules.compound_min_word, compound_min_part=rules.compound_min_part,
                   derivations=rules.derivations, irregular=catalog.inflections.forms,
                   particle_verbs=rules.particle_verbs)

    def stems(self, word: str) -> tuple[str, ...]:
        """The word, and without its final vowel ("följa" → "följ") when it has one and stays long enough."""
        if len(word) > 3 and word[-1] in self.stem_vowels:
            return (word, word[:-1])
        return (word,)

    def matches(self, token: str, mark: str, word: str) -> bool:
        """Whether a token is a form of a catalog word under its mode mark."""
        if token == word:
            return True
        if mark == "=" or word.isdigit() or len(word) == 1:
            return False
        for stem in self.stems(word):
            # Endings attach to the stem ("följ|er"); a compound's first part is the word itself ("planera" is
            # no part of "planeringssystemet").
            if token.startswith(stem) and self._rest_fits(token[len(stem):], mark, word, stem == word):
                return True
        # An irregular stem takes the regular endings too ("tog" → "togs").
        for form in self.irregular.get(word, ()):
            if token.startswith(form) and (len(token) == len(form) or token[len(form):] in self.suffixes):
                return True
        return mark == "*" and self._head_of_compound(token, word)

    def _rest_fits(self, rest: str, mark: str, word: str, whole_word: bool) -> bool:
        if not rest or rest in self.suffixes:
            return True
        if not whole_word or mark in ("~", "*") or len(word) < self.compound_min_word:
            return False
        if rest.startswith(self.derivations):
            return False
        for link in ("", *self.linking):
            if rest.startswith(link) and len(rest) - len(link) >= self.compound_min_part:
                return True
        return False

    def _head_of_compound(self, token: str, word: str) -> bool:
        """'brukarenkäten' ends with a form of 'enkät' after a first part of compound_min_part letters."""
        for stem in self.stems(word):
            at = token.find(stem, self.compound_min_part)
            while at != -1:
                if not token[at + len(stem):] or token[at + len(stem):] in self.suffixes:
                    return True
                at = token.find(stem, at + 1)
        return False


PLAIN = WordForms()
"""Forms without endings, compounds or inflections: tokens match only as written (and compounds of long
words). For one-off checks with no catalog at hand."""


class TermIndex:
    """Where every token form occurs in a list of texts; answers 'which texts contain this term, where'."""

    def __init__(self, texts: Sequence[str], forms: WordForms | None = None,
                 lowered: Sequence[str] | None = None) -> None:
        """`lowered`: the texts in lower case, when the caller has them already."""
        self._rules = forms or PLAIN
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
        self._word_cache: dict[tuple[str, str], tuple[list[int], ...]] = {}
        self._position_cache: dict[str, dict[int, list[int]]] = {}
        self._term_cache: dict[str, frozenset[int]] = {}
        self._slot_cache: dict[str, frozenset[int]] = {}
        self._particle_starts: frozenset[int] | None = None
        self._particle_forms: frozenset[str] = frozenset()  # the token forms of those verbs
        self._forms_of: dict[tuple[str, str], frozenset[str]] = {}  # per catalog word, the token forms it matched

    def __len__(self) -> int:
        return self._count

    @property
    def rules(self) -> WordForms:
        return self._rules

    def texts_with_substring(self, literal: str) -> set[int]:
        """The texts with a token that contains `literal` (lower case): for a run of letters or digits, the
        texts that contain it at all."""
        postings = self._postings
        slots = {occurrence >> _SHIFT for form in self._forms_containing(literal) for occurrence in postings[form]}
        return {index for slot in slots for index in self._members[slot]}

    def _forms_containing(self, literal: str) -> list[str]:
        """The distinct token forms that contain `literal`: one search through the forms, joined once."""
        if self._forms_joined is None:
            self._forms_joined = "\n".join(self._forms)
            self._form_starts = [0, *accumulate(len(form) + 1 for form in self._forms)]
        joined, starts, forms = self._forms_joined, self._form_starts, self._forms
        found: list[str] = []
        position = joined.find(literal)
        while position != -1:
            form = bisect_right(starts, position) - 1
            found.append(forms[form])
            position = joined.find(literal, starts[form + 1])  # one hit per form is enough
        return found

    def tokens(self, text_index: int) -> tuple[str, ...]:
        """The lower-cased word tokens of one text (what words() would return)."""
        return self._tokens[self._slot_of_text[text_index]]

    def _word(self, part: tuple[str, str]) -> tuple[list[int], ...]:
        """The occurrence lists (slot * _SLOT + position) of every token form that is a form of a catalog word
        under its mode mark (see WordForms)."""
        cached = self._word_cache.get(part)
        if cached is not None:
            return cached
        mark, word = part
        postings, rules, forms = self._postings, self._rules, self._forms
        candidates: set[str] = set()
        for stem in (*rules.stems(word), *rules.irregular.get(word, ())):
            index = bisect_left(forms, stem)
            while index < len(forms) and forms[index].startswith(stem):
                candidates.add(forms[index])
                index += 1
        if mark == "*":  # the last part of a compound: any form containing the word's stem
            candidates.update(self._forms_containing(word[:-1]))
        matched = sorted(form for form in candidates if rules.matches(form, mark, word))
        found = tuple(postings[form] for form in matched)
        self._word_cache[part] = found
        self._forms_of[part] = frozenset(matched)
        return found

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
        if cached is None:
            cached = self._slot_cache[term] = frozenset(start >> _SHIFT for start in self._starts(term))
        return cached

    def _starts(self, term: str, particles: bool = True) -> list[int]:
        """Every occurrence of the term (slot * _SLOT + position of its first word). `particles`: leave out
        those whose last word is the verb of a particle verb ("följa" in "följs upp")."""
        parts = term_words(term)
        if not parts:
            return []
        if len(parts) == 1:
            found = [occurrence for occurrences in self._word(parts[0]) for occurrence in occurrences]
        else:
            anchor = self._anchor(parts)
            found = [occurrence - anchor for occurrences in self._word(parts[anchor]) for occurrence in occurrences
                     if self._has_words_at(occurrence >> _SHIFT, (occurrence & _POSITION) - anchor, parts, anchor)]
        # Only a term whose last word is written like a particle verb's verb can stand in one.
        if particles and (verbs := self._particle_verb_starts()) and self._forms_of[parts[-1]] & self._particle_forms:
            last = len(parts) - 1
            found = [start for start in found if start + last not in verbs]
        return found

    def _particle_verb_starts(self) -> frozenset[int]:
        """Where a particle verb of the rules stands (the position of its verb)."""
        if self._particle_starts is None:
            self._particle_starts = frozenset(start for verb in self._rules.particle_verbs
                                              for start in self._starts(verb, particles=False))
            self._particle_forms = frozenset(self._tokens[start >> _SHIFT][start & _POSITION]
                                             for start in self._particle_starts)
        return self._particle_starts

    def _anchor(self, parts: tuple[tuple[str, str], ...]) -> int:
        """Which word of a term to look up: the rarest. Its occurrences come from the index and the other words
        are tested on the tokens around them ("daglig verksamhet" is looked for where "daglig" stands, not at
        every "verksamhet")."""
        if len(parts) == 1:
            return 0
        return min(range(len(parts)), key=lambda k: sum(map(len, self._word(parts[k]))))

    def _has_words_at(self, slot: int, start: int, parts: tuple[tuple[str, str], ...], anchor: int) -> bool:
        tokens = self._tokens[slot]
        if start < 0 or start + len(parts) > len(tokens):
            return False
        forms_of = self._forms_of  # every part's forms are known: _anchor looked each part up
        return all(tokens[start + offset] in forms_of[part] for offset, part in enumerate(parts) if offset != anchor)

    def positions(self, term: str, text_index: int) -> list[int]:
        """Token positions where the term starts in one text, in reading order."""
        return self._positions_by_slot(term).get(self._slot_of_text[text_index], [])

    def _positions_by_slot(self, term: str) -> dict[int, list[int]]:
        """Where the term starts, per distinct text: one pass over its anchor word's occurrences, kept per term
        (the matcher asks for the positions of a term in many passages)."""
        cached = self._position_cache.get(term)
        if cached is not None:
            return cached
        found: dict[int, set[int]] = {}
        for start in self._starts(term):
            found.setdefault(start >> _SHIFT, set()).add(start & _POSITION)
        result = self._position_cache[term] = {slot: sorted(starts) for slot, starts in found.items()}
        return result

    def span(self, term: str, text_index: int) -> tuple[int, int] | None:
        """Characters of the term's first occurrence in one text, or None (only quoted evidence asks)."""
        first = self.positions(term, text_index)
        spans = self.token_spans(text_index)
        if not first or len(spans) != len(self.tokens(text_index)):
            return None  # lower case split a word differently ("İ"): no reliable offsets
        return spans[first[0]][0], spans[first[0] + len(term_words(term)) - 1][1]

    def token_spans(self, text_index: int) -> list[tuple[int, int]]:
        """Character spans of one text's tokens (computed for the texts that are asked about)."""
        slot = self._slot_of_text[text_index]
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


def find_terms(text: str, terms: Sequence[str], forms: WordForms | None = None) -> list[str]:
    """The terms that occur in a single text (for one-off checks such as a column header)."""
    return TermIndex([text], forms).terms_in(0, terms)
