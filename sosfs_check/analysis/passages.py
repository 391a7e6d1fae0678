"""Classify each passage by what its sentences do: the regulation restated, a mere mention, or the
organisation's own arrangement (see statements.py)."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from typing import NamedTuple

from sosfs_check.analysis.denials import Denial, DenialWords, denial_of
from sosfs_check.analysis.indexed import IndexedUnits
from sosfs_check.analysis.model import Frequency, Responsibility
from sosfs_check.analysis.statements import (
    OWN,
    PassageKind,
    Sentence,
    classify_sentences,
    passage_kind,
    with_kind,
)
from sosfs_check.analysis.terms import TermIndex, find_terms, plain
from sosfs_check.catalog.models import MatchingConfig, TopicDenial
from sosfs_check.document.model import TextUnit

_FIRST = (0,)


class Passage(NamedTuple):
    """A passage and what its sentences do. One per paragraph or cell, read by the matcher, never
    serialised (the assessment quotes it as Evidence): an immutable named tuple, like PassageMatch."""

    unit: TextUnit
    kind: PassageKind
    signals: list[str]
    sentences: tuple[Sentence, ...] = ()


class PassageSet:
    """A document's passages in reading order, with term indexes over their texts and their contexts."""

    def __init__(self, passages: list[Passage], texts: TermIndex, contexts: TermIndex,
                 records: set[tuple[int, int]], row_topic_indices: frozenset[int] = frozenset(),
                 labels: frozenset[int] = frozenset(), lead_ins: dict[int, int] | None = None,
                 row_tables: frozenset[int] = frozenset()) -> None:
        self.items = passages
        self.texts = texts
        self.contexts = contexts
        self.row_topic_indices = row_topic_indices  # own cells of rows whose regulation cell names a topic
        # Label cells ("Område", a self-assessment's question): they name what the row is about, as a heading
        # does, and so carry none of the requirement's elements.
        self.labels = labels
        # Per bullet, the passage that introduces its list ("Medarbetare ska:"): what the bullet says is said of
        # what the introduction names.
        self.lead_ins = lead_ins or {}
        # Where what a passage says pools with what the passages around it say: its section, or its table row in
        # a table whose rows are about different requirements (one with a Krav or Område column, row_tables).
        self.pools: list[Hashable] = [
            (p.unit.section_path, p.unit.locator.block_index, p.unit.locator.row)
            if p.unit.locator.row is not None and p.unit.locator.block_index in row_tables else p.unit.section_path
            for p in passages]
        self.arrangements = frozenset(i for i, passage in enumerate(passages) if passage.kind == "arrangement")
        # A record-like table row (Område | Så gör vi | Hur ofta | Ansvarig) is one statement: each own cell's
        # row mates. Rows whose cells hold whole sections of paragraphs (see _record_rows) are not records.
        rows: dict[tuple[int, int], list[int]] = {}
        for index, passage in enumerate(passages):
            if passage.kind != "regulation" and (key := _row_key(passage.unit)) in records:
                rows.setdefault(key, []).append(index)
        self.row_mates = {index: tuple(members) for members in rows.values() for index in members}
        self._term_sentences: dict[str, dict[int, tuple[int, ...]]] = {}
        # Per passage, the sentences with a word that refers back ("detta", "dessa"): statements.anaphora.
        self.anaphoric: dict[int, frozenset[int]] = {}
        # Per passage, the token positions its negation sentences deny ("Egna brukarundersökningar görs inte").
        self.denied: dict[int, Denial] = {}
        # The matcher's sentence hits per term list, kept for the whole check (see matching.matcher).
        self.sentence_hits: dict[tuple[str, ...], dict[int, dict[int, list[str]]]] = {}

    def term_sentences(self, term: str) -> dict[int, tuple[int, ...]]:
        """Per passage, the numbers of the sentences where a term stands. Kept per term: sibling requirements
        (RISK-1…3, the six SAMV) ask for the same terms."""
        found = self._term_sentences.get(term)
        if found is None:
            found = {}
            for index in self.texts.hits(term):
                sentences = self.items[index].sentences
                if len(sentences) == 1:  # most passages: where in it the term stands does not matter
                    found[index] = _FIRST
                    continue
                numbers = {_sentence_at(sentences, position) for position in self.texts.positions(term, index)}
                found[index] = tuple(sorted(numbers))
            self._term_sentences[term] = found
        return found

    def __iter__(self) -> Iterator[Passage]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def analyse_passages(indexed: IndexedUnits, config: MatchingConfig,
                     responsibilities: Sequence[Responsibility] = (),
                     frequencies: Sequence[Sequence[Frequency]] | None = None) -> PassageSet:
    units, texts = indexed.units, indexed.terms
    # Column headers are few: each distinct one is looked at once.
    headers = {unit.column_header for unit in units if unit.column_header is not None}
    regulation_columns = {header for header in headers
                          if find_terms(header, config.regulation_column_terms, texts.rules)}
    label_columns = {header for header in headers - regulation_columns
                     if find_terms(header, config.label_column_terms, texts.rules)}
    definition_columns = {header for header in headers - regulation_columns - label_columns
                          if find_terms(header, config.definition_column_terms, texts.rules)}
    # A table row ties its own cells to the requirement in its regulation cell or its label ("Krav | Så här gör
    # vi", "Område | Så här gör vi"): those cells are context of the row's other cells, as a heading is of its
    # paragraphs, and name a topic without arranging it.
    naming_columns = regulation_columns | label_columns
    row_topics: dict[tuple[int, int], str] = {}
    denials = {answer.casefold() for answer in config.self_assessment_denials}
    denied_rows: dict[tuple[int, int], str] = {}  # a self-assessment row answered "Nej": its label names a lack
    for unit in units:
        key = _row_key(unit)
        if unit.column_header in naming_columns and key is not None:
            row_topics[key] = row_topics.get(key, "") + " " + unit.text
        elif key is not None and unit.text.strip(" .").casefold() in denials:
            denied_rows[key] = unit.text.strip()
    # Every passage of a section has the same context: each distinct one is built once.
    context_of: dict[tuple[tuple[str, ...], str | None, str], str] = {}
    contexts = []
    row_topic_indices = set()
    answers = {answer.casefold() for answer in config.self_assessment_answers}
    for index, unit in enumerate(units):
        row_key = _row_key(unit)
        row_topic = "" if unit.column_header in naming_columns or row_key is None else row_topics.get(row_key, "")
        # "Ja" beside a requirement is a self-assessment and "–" an empty cell, not an arrangement: such a cell
        # takes no topic.
        if row_topic and _says_something(unit.text, answers):
            row_topic_indices.add(index)
        context_key = (unit.section_path, unit.column_header, row_topic)
        contexts.append(context_of.get(context_key) or context_of.setdefault(context_key, _context(*context_key)))
    # A responsibility statement makes its passage an arrangement; an Ansvar cell makes its record row one.
    records = _record_rows(units)
    row_cells: dict[tuple[int, int], list[str]] = {}
    row_of: dict[str, tuple[int, int]] = {}
    for unit in units:
        if (key := _row_key(unit)) in records:
            row_cells.setdefault(key, []).append(unit.block_id)
            row_of[unit.block_id] = key

    def cells_in_row(block_id: str) -> list[str]:
        key = row_of.get(block_id)
        return row_cells.get(key, []) if key is not None else []

    owners: dict[str, list[str]] = {}
    for statement in responsibilities:
        in_row = cells_in_row(statement.block_id) if statement.form == "table_column" else []
        for block_id in in_row or [statement.block_id]:
            roles = owners.setdefault(block_id, [])
            if statement.role not in roles:
                roles.append(statement.role)
    context_index = TermIndex(contexts, texts.rules)
    under_plan = context_index.texts_with(config.statements.plan_headings)
    under_guide = context_index.texts_with(config.statements.guide_headings)
    under_responsibility = context_index.texts_with(config.responsibility.terms)
    # A whole passage is a responsibility statement when it is a bullet of an "X ansvarar för att:" list or a
    # bullet under a responsibility heading: its sentences need no verb of their own.
    whole = {s.block_id for s in responsibilities if s.form in ("list_item", "role_label", "table_column")}
    whole |= {block_id for s in responsibilities if s.form == "table_column"
              for block_id in cells_in_row(s.block_id)}
    stated = frozenset(index for index, unit in enumerate(units)
                       if (unit.block_id in whole and unit.column_header not in label_columns
                           and _says_something(unit.text, answers))
                       or (unit.is_list_item and index in under_responsibility))
    sentences = classify_sentences(indexed, config.statements, config.responsibility.abbreviations,
                                   frequencies or [[] for _ in units], stated)
    passages = []
    for index, unit in enumerate(units):
        found = sentences[index]
        signals = [f"ansvar: {role}" for role in owners.get(unit.block_id, [])]
        if unit.column_header in regulation_columns:
            found = with_kind(found, "regulation", f"kolumn: {unit.column_header}")
            signals = [f"kolumn: {unit.column_header}"]
        elif unit.column_header in definition_columns:
            found = with_kind(found, "definition", f"kolumn: {unit.column_header}")
        elif unit.column_header in label_columns:
            denied = denied_rows.get(row_key) if (row_key := _row_key(unit)) is not None else None
            found = with_kind(found, "negation", f"svar: {denied}") if denied else \
                with_kind(found, "prose", f"etikett: {unit.column_header}")
        if index in under_plan:  # "13 Utvecklingsområden 2026–2028": what stands there is still to be done
            found = with_kind(found, "plan", f"rubrik: {plain(under_plan[index][0])}", only=OWN)
        elif index in under_guide:  # "1.7 Hur dokumentet ska läsas": "Kapitel 8 gäller personalens medverkan"
            found = with_kind(found, "definition", f"rubrik: {plain(under_guide[index][0])}", only=OWN)
        signals += [signal for sentence in found for signal in sentence.signals]
        passages.append(Passage(unit=unit, kind=passage_kind(found),
                                signals=list(dict.fromkeys(signals)), sentences=found))
    lead_ins = _lead_ins(passages)
    passage_set = PassageSet(_inherit_from_introductions(passages, lead_ins), texts, context_index, records,
                             frozenset(row_topic_indices),
                             frozenset(i for i, unit in enumerate(units) if unit.column_header in label_columns),
                             lead_ins, _row_tables(units, naming_columns, responsibilities))
    for term in config.statements.anaphora:
        for index, numbers in passage_set.term_sentences(term).items():
            passage_set.anaphoric[index] = passage_set.anaphoric.get(index, frozenset()) | frozenset(numbers)
    passage_set.denied = _denials(passage_set, config.topic_denial)
    return passage_set


def _denials(passages: PassageSet, rule: TopicDenial) -> dict[int, Denial]:
    """Per passage with a negation sentence that denies something, where (denials.py)."""
    texts = passages.texts

    def positions(terms: Sequence[str]) -> dict[int, frozenset[int]]:
        at: dict[int, set[int]] = {}
        for term in terms:
            for index in texts.hits(term):
                at.setdefault(index, set()).update(texts.positions(term, index))
        return {index: frozenset(found) for index, found in at.items()}

    negations, verbs = positions(rule.negations), positions(rule.verbs)
    subject_verbs, contrasts = positions(rule.subject_verbs), positions(rule.contrasts)
    limiters = positions(rule.limiters)
    denials: dict[int, Denial] = {}
    for index in negations.keys() | limiters.keys():
        passage = passages.items[index]
        if index not in limiters and not any(sentence.kind == "negation" for sentence in passage.sentences):
            continue
        words = DenialWords(negations=negations.get(index, frozenset()), verbs=verbs.get(index, frozenset()),
                            subject_verbs=subject_verbs.get(index, frozenset()),
                            contrasts=contrasts.get(index, frozenset()), limiters=limiters.get(index, frozenset()))
        if (denial := denial_of(texts, passage.unit.text, index, passage.sentences, rule, words)) is not None:
            denials[index] = denial
    return denials


def _lead_ins(passages: list[Passage]) -> dict[int, int]:
    """Per bullet, the passage in its section that introduces the list: one that ends in a colon, or stops
    mid-sentence right before the list ("… kan bestå av att")."""
    found: dict[int, int] = {}
    introduction: int | None = None
    for position, passage in enumerate(passages):
        unit = passage.unit
        if not unit.is_list_item:
            following = passages[position + 1].unit if position + 1 < len(passages) else None
            text = unit.text.rstrip()
            lead_in = text.endswith((":", ";")) or (
                following is not None and following.is_list_item and not text.endswith((".", "!", "?")))
            introduction = position if lead_in and passage.sentences else None
        elif introduction is not None and passages[introduction].unit.section_path == unit.section_path:
            found[position] = introduction
    return found


def _inherit_from_introductions(passages: list[Passage], lead_ins: dict[int, int]) -> list[Passage]:
    """Bullets say what their introduction says: under "Egenkontrollen ska innefatta;" each bullet is part of an
    own arrangement, under a restated regulation each bullet restates it too, under "Under 2027 ska vi
    införa:" each bullet is planned."""
    result: list[Passage] = []
    for position, passage in enumerate(passages):
        if position in lead_ins:
            introduction = passages[lead_ins[position]]
            said = introduction.sentences[-1].kind
            signal = f"punkt under: {introduction.unit.text[:60]}"
            if said in ("regulation", "plan", "negation", "delegated", "definition"):
                found = with_kind(passage.sentences, said, signal)
            elif said == "arrangement":
                found = with_kind(passage.sentences, "arrangement", signal, only=frozenset({"prose", "hedge"}))
            else:
                found = passage.sentences
            if found != passage.sentences:
                passage = passage._replace(sentences=found, kind=passage_kind(found),
                                           signals=[*passage.signals, signal])
        result.append(passage)
    return result


def _row_tables(units: Sequence[TextUnit], naming_columns: set[str],
                responsibilities: Sequence[Responsibility]) -> frozenset[int]:
    """Tables whose rows are about different things: one with a column naming each row's requirement or area
    ("Krav", "Område"), or a "Roll | Ansvar" table (its Ansvar cells own by another cell's role). The rows of other
    tables are steps or parts of what their section treats ("Vad | Hur | Ansvarig | När")."""
    unit_of = {unit.block_id: unit for unit in units}
    tables = {unit.locator.block_index for unit in units if unit.column_header in naming_columns}
    tables |= {unit.locator.block_index for statement in responsibilities
               if statement.form == "table_column" and (unit := unit_of.get(statement.block_id)) is not None
               and statement.role_as_written.strip() != unit.text.strip()}
    return frozenset(tables)


def _says_something(text: str, answers: set[str]) -> bool:
    """A cell with words beyond a yes/no answer ("Ja", "Delvis") or a dash."""
    stripped = text.strip(" .!✓✔")
    return any(character.isalpha() for character in stripped) and stripped.casefold() not in answers


def _record_rows(units: Sequence[TextUnit]) -> set[tuple[int, int]]:
    """Rows in which every cell holds at most one paragraph: records, not page layout."""
    per_cell: dict[tuple[int, int, int | None], int] = {}
    for unit in units:
        if (key := _row_key(unit)) is not None:
            cell = (*key, unit.locator.column)
            per_cell[cell] = per_cell.get(cell, 0) + 1
    crowded = {(block, row) for (block, row, _), count in per_cell.items() if count > 1}
    return {(block, row) for block, row, _ in per_cell} - crowded


def _sentence_at(sentences: Sequence[Sentence], position: int) -> int:
    """The number of the sentence that holds a token position (sentences are few per passage)."""
    for number, sentence in enumerate(sentences):
        if position < sentence.end_token:
            return number
    return len(sentences) - 1


def _row_key(unit: TextUnit) -> tuple[int, int] | None:
    return (unit.locator.block_index, unit.locator.row) if unit.locator.row is not None else None


def _context(section_path: tuple[str, ...], column_header: str | None, row_topic: str) -> str:
    """Section path, column header and the row's regulation cell, lower-cased."""
    return (" ".join(section_path) + " " + (column_header or "") + row_topic).lower()
