"""Who is responsible for what.

Forms recognised (phrases from matching.yaml, roles from roles.yaml):

* a sentence "<subject> ansvarar för att …", "<subject> har det yttersta ansvaret för …", "<role> ska …",
  anywhere in a paragraph or cell;
* an introduction ending "ansvarar för att:" or "ansvarar för;" (with or without a subject) followed by a
  bullet list: every bullet becomes a statement of that subject, or of the role the section is named after;
* bullets directly under a heading that is just a role name ("Enhetschef");
* a line that starts with a role and a colon or dash ("MAS: rapporterar lex Maria till IVO"), as
  "Ansvarsfördelning SoL/HSL" lists write them;
* table cells under an "Ansvar"/"Ansvarig" column: one statement per role named in the cell, for the
  activity in the row's first other column, with the frequencies found anywhere in the row.

Roles are normalised through the role lexicon; an unknown subject of an ansvar sentence is kept as
written, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sosfs_check.analysis.frequencies import FrequencyFinder
from sosfs_check.analysis.indexed import IndexedUnits
from sosfs_check.analysis.model import Frequency, Responsibility, ResponsibilityForm
from sosfs_check.analysis.sentences import sentence_spans
from sosfs_check.analysis.terms import WordForms, find_terms, words
from sosfs_check.catalog.models import Catalog, ResponsibilityConfig, Role
from sosfs_check.document.headings import split_typed_number
from sosfs_check.document.model import TextUnit


@dataclass
class _Owner:
    roles: list[Role]
    written: str
    section_path: tuple[str, ...]


class _RoleFinder:
    """All roles named in a text, in order, longest form first where forms overlap."""

    def __init__(self, roles: Iterable[Role]) -> None:
        # One scan for every form of every role (longest first, so "medicinskt ansvarig sjuksköterska" beats a
        # shorter form at the same place) and one for compound heads ("arbetsmarknads|nämnden").
        self.by_form = {form.lower(): role for role in roles for form in role.forms}
        self.by_head = {head.lower(): role for role in roles for head in role.compound_heads}
        forms = sorted(self.by_form, key=len, reverse=True)
        self.forms = re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
                                + r")(?!\w)", re.IGNORECASE)
        heads = sorted(self.by_head, key=len, reverse=True)
        self.heads = re.compile(r"(?<=\w)(?:" + "|".join(map(re.escape, heads)) + r")(?!\w)", re.IGNORECASE) \
            if heads else None
        self._spans: dict[str, list[tuple[int, int, Role]]] = {}

    def _found(self, text: str) -> Iterable[tuple[int, int, Role]]:
        for match in self.forms.finditer(text):
            yield match.start(), match.end(), self.by_form[" ".join(match.group().lower().split())]
        if self.heads is not None:
            for match in self.heads.finditer(text):
                start = match.start()
                while start > 0 and text[start - 1].isalnum():
                    start -= 1  # the compound begins at the start of its word
                yield start, match.end(), self.by_head[match.group().lower()]

    def spans(self, text: str) -> list[tuple[int, int, Role]]:
        # Headings and table headers are asked about once per bullet or cell under them: memoise.
        cached = self._spans.get(text)
        if cached is None:
            cached = self._spans[text] = self._resolve(text)
        return cached

    def _resolve(self, text: str) -> list[tuple[int, int, Role]]:
        found = sorted(((start, -end, role) for start, end, role in self._found(text)),
                       key=lambda item: (item[0], item[1]))
        kept: list[tuple[int, int, Role]] = []
        for start, negative_end, role in found:
            if kept and start < kept[-1][1]:
                continue
            kept.append((start, -negative_end, role))
        return kept

    def roles(self, text: str) -> list[Role]:
        unique: list[Role] = []
        for _, _, role in self.spans(text):
            if role not in unique:
                unique.append(role)
        return unique

    def whole(self, text: str) -> Role | None:
        """The role when the text is nothing but one role name ("Enhetschef", "MAS:")."""
        stripped = text.strip(" :;.")
        spans = self.spans(stripped)
        return spans[0][2] if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(stripped) else None


def _words_pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words ("om" in "om det behövs", not in "omsorg")."""
    alternation = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.compile(rf"(?<!\S)(?:{alternation})(?!\S)", re.IGNORECASE)


def _or_unknown(roles: Sequence[Role]) -> Sequence[Role | None]:
    """The roles named, or one unknown role (None): a subject outside the lexicon still owns the duty."""
    return roles or (None,)


def _statement_patterns(config: ResponsibilityConfig) \
        -> list[tuple[ResponsibilityForm, frozenset[str], re.Pattern[str]]]:
    """Per form: the longest word of each of its phrases (a sentence without one is not searched) and the
    pattern. The first phrase in the sentence splits it: before it the subject, after it (and "att") the duty."""
    patterns: list[tuple[ResponsibilityForm, frozenset[str], re.Pattern[str]]] = []
    for form, phrases in config.statement_phrases.items():
        alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
        signal = frozenset(max(words(phrase), key=len) for phrase in phrases)
        patterns.append((form, signal, re.compile(rf"\b(?:{alternation})(?!\w)\s*(?:att(?!\w))?\s*", re.IGNORECASE)))
    return patterns


class _Extractor:
    def __init__(self, catalog: Catalog) -> None:
        self.config = catalog.matching.responsibility
        self.word_forms = WordForms.from_catalog(catalog)
        self.roles = _RoleFinder(catalog.roles)
        self.statements = _statement_patterns(self.config)
        self.inverted = [re.compile(pattern, re.IGNORECASE | re.DOTALL) for pattern in self.config.inverted_statements]
        self._non_subject_start = _words_pattern(self.config.non_subject_starts)
        self._subordinator = _words_pattern(self.config.subordinators)
        # A statement needs the longest word of one of its phrases ("ansvarar", "ansvaret", "ska"): sentences
        # without any are not searched.
        self.signal_words = frozenset().union(*(signal for _, signal, _ in self.statements))
        self.found: list[Responsibility] = []
        self.owner: _Owner | None = None
        # The table row being read: its cells with their frequencies, and its Ansvar cells, which are resolved
        # when the row is complete (the activity or the frequency may stand in a column after "Ansvarig").
        self.row_key: tuple[int, int] | None = None
        self.row: list[tuple[TextUnit, list[Frequency]]] = []
        self.row_owners: list[TextUnit] = []
        self._columns: dict[str, bool] = {}
        self._heading_roles: dict[str, Role | None] = {}

    def unit(self, unit: TextUnit, tokens: tuple[str, ...], frequencies: list[Frequency]) -> None:
        key = (unit.locator.block_index, unit.locator.row) if unit.locator.row is not None else None
        if key != self.row_key:
            self.finish_row()
            self.row_key = key
        if key is not None:
            self.row.append((unit, frequencies))
            if unit.column_header and self._is_responsibility_column(unit.column_header):
                self.row_owners.append(unit)
                return
        if not unit.is_list_item:
            self.owner = None
        # A bullet that is itself a statement or a new introduction ("Medarbetare ansvarar för att:") speaks
        # for itself; any other bullet belongs to the list's owner.
        stated = self._role_label(unit, frequencies)
        has_signal = not self.signal_words.isdisjoint(tokens)
        spans = sentence_spans(unit.text, self.config.abbreviations) if has_signal else []
        for start, end in spans:
            sentence = unit.text[start:end]
            sentence_tokens = tokens if len(spans) == 1 else words(sentence)
            stated |= self._sentence(unit, sentence, sentence_tokens,
                                     [f for f in frequencies if start <= f.char_start < end])
        if unit.is_list_item and not stated:
            self._list_item(unit, frequencies)

    def _role_label(self, unit: TextUnit, frequencies: list[Frequency]) -> bool:
        """'Enhetschef: följer upp avvikelser månadsvis' or 'MAS – utreder lex Maria': a role, then its duty."""
        head = unit.text[:_ROLE_LABEL_MAX + 3]
        if ":" not in head and "–" not in head and " -" not in head:
            return False  # no label separator near the start: not worth the pattern
        match = _ROLE_LABEL.match(unit.text)
        if match is None or (role := self.roles.whole(match.group("who"))) is None:
            return False
        self._add(role, match.group("who").strip(), match.group("duty"), "role_label", unit, frequencies)
        return True

    def _list_item(self, unit: TextUnit, frequencies: list[Frequency]) -> None:
        owner = self.owner if self.owner and self.owner.section_path == unit.section_path else None
        if owner is None and unit.section_path:
            role = self._heading_role(unit.section_path[-1])
            owner = _Owner([role], role.label, unit.section_path) if role else None
        if owner is None:
            return
        for role in _or_unknown(owner.roles):
            self._add(role, owner.written, unit.text, "list_item", unit, frequencies)

    def _sentence(self, unit: TextUnit, sentence: str, tokens: tuple[str, ...], frequencies: list[Frequency]) -> bool:
        """Record the statement or list introduction in one sentence; True when there was one."""
        if self._inverted(unit, sentence, frequencies):
            return True
        for form, signal, pattern in self.statements:
            if signal.isdisjoint(tokens):
                continue
            match = pattern.search(sentence)
            if not match:
                continue
            subject = sentence[:match.start()].strip(" ,–-")
            duty = sentence[match.end():].strip()
            if not self._plausible_subject(subject):
                return False
            roles = self.roles.roles(subject)
            if not subject:
                role = self._heading_role(unit.section_path[-1]) if unit.section_path else None
                roles, subject = ([role], role.label) if role else ([], "")
            if not duty.strip(" :;"):
                if sentence.rstrip().endswith((":", ";")) and (roles or subject):
                    self.owner = _Owner(roles, subject, unit.section_path)
                    return True
                return False
            if not roles and (form == "ska" or not self._unknown_owner(subject)):
                return False
            for role in _or_unknown(roles):
                self._add(role, subject, duty, form, unit, frequencies)
            return True
        return False

    def _inverted(self, unit: TextUnit, sentence: str, frequencies: list[Frequency]) -> bool:
        """"Det är enhetschefens ansvar att …", "Ansvaret för … ligger på MAS": the owner after the duty."""
        for pattern in self.inverted:
            match = pattern.match(sentence.strip())
            if match is None:
                continue
            if roles := self.roles.roles(match.group("who")):
                for role in roles:
                    self._add(role, match.group("who").strip(), match.group("duty"), "ansvarar_för", unit, frequencies)
                return True
        return False

    def _heading_role(self, title: str) -> Role | None:
        """The role a section is named after ("3.2 Enhetschef"); every bullet of the section asks."""
        if title not in self._heading_roles:
            self._heading_roles[title] = self.roles.whole(_heading_text(title))
        return self._heading_roles[title]

    def _is_responsibility_column(self, header: str) -> bool:
        if header not in self._columns:
            self._columns[header] = bool(find_terms(header, self.config.terms))
        return self._columns[header]

    def _plausible_subject(self, subject: str) -> bool:
        return (len(subject.split()) <= self.config.max_subject_words
                and not self._non_subject_start.match(subject) and not self._subordinator.search(subject))

    def finish_row(self) -> None:
        """One statement per role in each Ansvar cell, for the row's activity, with the row's frequencies.

        In a "Roll | Ansvar" table the Ansvar cell holds the duty, not its owner: when it reads as a sentence
        (or names no role) and another cell of the row is nothing but a role, that role owns the duty."""
        frequencies = [f for _, found in self.row for f in found]
        role_cell = next(((other, role) for other, _ in self.row if other not in self.row_owners
                          and (role := self.roles.whole(other.text)) is not None), None)
        for unit in self.row_owners:
            roles = self.roles.roles(unit.text)
            if role_cell is not None and (not roles or self._reads_as_duty(unit.text)):
                other, role = role_cell
                self._add(role, other.text, unit.text, "table_column", unit, frequencies)
                continue
            activity = next((other.text for other, _ in self.row if other is not unit and other.column_header
                             and not self._is_responsibility_column(other.column_header)), unit.column_header or "")
            if roles or self._unknown_owner(unit.text):
                for role in _or_unknown(roles):
                    self._add(role, unit.text, activity, "table_column", unit, frequencies)
        self.row, self.row_owners = [], []

    def _unknown_owner(self, written: str) -> bool:
        """Whether words outside the role lexicon can name an owner: a short capitalised name ("Systemförvaltaren",
        "Kvalitetsrådet"), not a dash, a sentence ("Genomför loggkontroller."), a question word ("Vem som") or a
        thing ("Ledningssystemet")."""
        name = written.strip()
        return (name[:1].isupper() and not name.endswith((".", "!", "?"))
                and len(name.split()) <= self.config.max_unknown_subject_words
                and not self._non_subject_start.match(name)
                and not find_terms(name, self.config.non_roles, self.word_forms))

    def _reads_as_duty(self, text: str) -> bool:
        """A sentence or a longer phrase, not a list of owners ("Enhetschef och MAS")."""
        return text.rstrip().endswith((".", "!", "?")) or len(text.split()) > self.config.max_subject_words

    def _add(self, role: Role | None, written: str, duty: str, form: ResponsibilityForm, unit: TextUnit,
             frequencies: list[Frequency]) -> None:
        self.found.append(Responsibility(
            role=role.id if role else written, role_as_written=written, known_role=role is not None,
            role_label=role.label if role else written[:1].upper() + written[1:],
            duty=" ".join(duty.split()).rstrip(" ;,."), form=form,
            frequencies=frequencies, block_id=unit.block_id, section=" › ".join(unit.section_path),
            location=unit.locator.describe(),
        ))


_ROLE_LABEL_MAX = 60
_ROLE_LABEL = re.compile(rf"^(?P<who>[^:–\n]{{2,{_ROLE_LABEL_MAX}}}?)\s*(?::|\s[–-])\s+(?P<duty>\S.*)$", re.DOTALL)


def _heading_text(title: str) -> str:
    """A section title without its number: '3.2 Enhetschef' → 'Enhetschef' (the reader's number grammar)."""
    typed = split_typed_number(title)
    return typed[1] if typed else title


def extract_responsibilities(indexed: IndexedUnits, catalog: Catalog,
                             frequencies: Sequence[list[Frequency]] | None = None) -> list[Responsibility]:
    """Every responsibility statement; `frequencies` are the units' own (FrequencyFinder.per_unit), found
    here when not given."""
    if frequencies is None:
        frequencies = FrequencyFinder(catalog.frequencies).per_unit(indexed)
    extractor = _Extractor(catalog)
    for index, (unit, found) in enumerate(zip(indexed.units, frequencies, strict=True)):
        extractor.unit(unit, indexed.terms.tokens(index), found)
    extractor.finish_row()
    return extractor.found
