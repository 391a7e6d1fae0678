"""Match classified passages against a requirement's evidence spec.

For every requirement the matcher collects the passages that name its topic — a catalog phrase in one of the
passage's sentences, a phrase in the regulation cell of its table row, or a heading term in its section path
together with an element or an own arrangement — and records, sentence by sentence, what the passage does
with the topic (arranges it, mentions it, plans it, restates the regulation) and which essential elements
its own sentences carry. It decides nothing; the assessment stage does.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import NamedTuple

from sosfs_check.analysis.passages import Passage, PassageSet
from sosfs_check.analysis.statements import ABSENT, OWN
from sosfs_check.analysis.terms import TermIndex, plain, term_words
from sosfs_check.catalog.models import EvidenceSpec, Requirement, requirement_area


class PassageMatch(NamedTuple):
    """One passage that speaks to a requirement, and how. Thousands are made per document and none is
    serialised (the assessment quotes a few as Evidence): an immutable named tuple, which is made three
    times faster than a frozen dataclass."""

    passage: Passage
    phrases: Sequence[str]          # topic phrases found in the passage's counted sentences
    heading_terms: Sequence[str]
    elements: Sequence[str]         # names of the requirement's elements in the passage's own sentences
    score: float
    near_misses: Sequence[str] = ()  # near-miss terms: the passage speaks of something else
    enumerated_topics: Sequence[str] = ()  # set when the topic stands only in a sentence naming many topics
    texts: TermIndex | None = None  # to locate phrases on demand
    passage_index: int = -1         # the passage's position in the document's passage list
    topic_sentences: frozenset[int] = frozenset()  # the sentences that name the topic
    topic_kinds: frozenset[str] = frozenset()      # what those sentences do
    arranged: bool = False          # the topic stands in or beside an own arrangement
    touched: Sequence[str] = ()     # elements named only in a definition, hedge or plan of the passage
    row_terms: Sequence[str] = ()   # topic phrases in the regulation cell of the passage's table row
    row_specific: bool = False      # that regulation cell is about few requirements: its topic is the cell's
    strong: bool = False            # a specific catalog phrase names the topic, not only a generic word
    element_words: Sequence[str] = ()  # each element with the words that met it: "utredning (utreder)"

    @property
    def span(self) -> tuple[int, int] | None:
        """Characters of the earliest matched phrase in the passage text (only computed for quoted evidence)."""
        if self.texts is None:
            return None
        spans = [span for term in self.phrases if (span := self.texts.span(term, self.passage_index)) is not None]
        return min(spans) if spans else None

    @property
    def effective_kind(self) -> str:
        """What the passage does for this requirement: arrangement, mention, absent (plan, admission,
        another body's activity), regulation or prose."""
        if self.enumerated_topics or (self.near_misses and not self.arranged):
            return "mention"
        if self.arranged:
            return "arrangement"
        kinds = self.topic_kinds
        if kinds and kinds <= {"regulation"}:
            return "regulation"
        if kinds and kinds <= ABSENT | {"delegated", "regulation"}:
            return "absent"
        if kinds & {"definition", "hedge"}:
            return "mention"
        return "prose" if kinds & OWN or self.heading_terms else "regulation"


@dataclass(frozen=True)
class RequirementMatches:
    """Every passage that speaks to one requirement, strongest first, and where its elements stand."""

    matches: list[PassageMatch]
    section_elements: Mapping[Hashable, frozenset[str]]  # per pool (PassageSet.pools): own elements
    own_elements: frozenset[str]       # elements anywhere in the document's own sentences about the topic
    touched_elements: frozenset[str]   # elements named only in own definitions or hedges
    pools: Sequence[Hashable]          # per passage index, where its elements pool (PassageSet.pools)
    # Elements said not to exist yet (an admission or a plan), with the first passage that says so.
    denied_elements: Mapping[str, int] = field(default_factory=dict)
    # The first passage in which an own sentence says the topic itself does not exist ("Egna
    # brukarundersökningar görs i dag inte"; analysis.denials).
    topic_denied: int | None = None

    # Per pool, elements an admission or a plan there says are lacking ("Mallen har inget avsnitt om ansvar").
    section_denied: Mapping[Hashable, frozenset[str]] = field(default_factory=dict)

    def elements_for(self, match: PassageMatch) -> set[str]:
        """The elements a passage can count on: its own, and those pooled where it stands unless the text there
        says they are lacking."""
        pool = self.pools[match.passage_index]
        pooled = self.section_elements.get(pool, frozenset()) - self.section_denied.get(pool, frozenset())
        return set(match.elements) | pooled

    def __iter__(self) -> Iterator[PassageMatch]:
        return iter(self.matches)

    def __len__(self) -> int:
        return len(self.matches)


_CARRYING = OWN - {"hedge"} | {"regulation"}  # a regulation sentence carries context elements only (_element_hits)
_LEAD_IN = OWN - {"hedge"}  # a list introduction in the organisation's own voice lends its bullets a subject
# What stands for an element no single term met: a rhythm, a list of its parts, words saying part of it, the heading.
_DERIVED = {"#": "rytm", "+": "uppräkning", "-": "delvis", "^": "rubrik"}

SentenceHits = dict[int, dict[int, list[str]]]
"""Per passage index, per sentence number, the terms standing there."""


def _sentences_with(passages: PassageSet, terms: Sequence[str]) -> SentenceHits:
    """Where the terms stand, sentence by sentence. Kept per term list for the whole check (sibling requirements
    share theirs): callers must not change what they get."""
    key = tuple(terms)
    found = passages.sentence_hits.get(key)
    if found is None:
        found = passages.sentence_hits[key] = {}
        for term in terms:
            for index, numbers in passages.term_sentences(term).items():
                per_sentence = found.setdefault(index, {})
                for number in numbers:
                    per_sentence.setdefault(number, []).append(term)
    return found


def _with_extra(base: SentenceHits, extra: SentenceHits) -> SentenceHits:
    """base and extra together, as new dicts where they meet (base is shared and stays unchanged)."""
    if not extra:
        return base
    merged = dict(base)
    for index, per_sentence in extra.items():
        combined = {number: list(terms) for number, terms in base.get(index, {}).items()}
        for number, terms in per_sentence.items():
            combined.setdefault(number, []).extend(terms)
        merged[index] = combined
    return merged


def topic_families(requirements: Sequence[Requirement], passages: PassageSet) -> dict[int, frozenset[str]]:
    """Per passage, the other topics it is about: the topic families whose catalog phrases stand both in the
    passage and in its heading (under "Avvikelser, klagomål och synpunkter" a passage on avvikelser is about
    RAPP, not KLAG)."""
    in_text: dict[int, set[str]] = {}
    in_heading: dict[int, set[str]] = {}
    for requirement in requirements:
        family = requirement_area(requirement.id)
        for index in passages.texts.texts_with(requirement.evidence.phrases):
            in_text.setdefault(index, set()).add(family)
        for index in passages.contexts.texts_with(requirement.evidence.heading_terms):
            in_heading.setdefault(index, set()).add(family)
    return {index: frozenset(families & in_heading.get(index, set())) for index, families in in_text.items()}


def _topic_hits(spec: EvidenceSpec, passages: PassageSet) -> tuple[SentenceHits, dict[int, tuple[str, ...]]]:
    """Where the requirement's topic is named, sentence by sentence, and the table cells whose row names it."""
    contexts, items = passages.contexts, passages.items
    extra: SentenceHits = {}
    # A generic word counts as the topic only in a sentence that also has one of its co-words (not merely
    # under a heading that has one: "kvalitet" and "ledningssystem" head whole documents).
    for weak in spec.weak_phrases:
        weak_at = _sentences_with(passages, weak.terms)
        with_at = _sentences_with(passages, weak.together_with)
        for index, per_sentence in weak_at.items():
            for number, terms in per_sentence.items():
                if number in with_at.get(index, {}):
                    extra.setdefault(index, {}).setdefault(number, []).extend(terms)
    # In a table row the regulation cell names the topic of the row's own cells.
    row_terms_at = {index: terms for index, terms in contexts.texts_with(spec.phrases).items()
                    if index in passages.row_topic_indices}
    for index in row_terms_at:
        per_sentence = extra.setdefault(index, {})
        for number, sentence in enumerate(items[index].sentences):
            if sentence.kind in OWN:
                per_sentence.setdefault(number, [])
    return _with_extra(_sentences_with(passages, spec.phrases), extra), row_terms_at


def _element_hits(spec: EvidenceSpec, passages: PassageSet, candidates: set[int], topic_at: SentenceHits) \
        -> tuple[dict[int, dict[str, set[str]]], dict[int, set[str]], dict[int, set[str]]]:
    """Per passage, the elements its own sentences carry, those it only touches (in a definition or a hedge),
    and those it says do not exist yet (in an admission or a plan). `candidates`: the passages where a rhythm may
    stand for a regularity element; `topic_at`: where the
    topic is named, for elements that must be said of it (reach: sentence)."""
    items = passages.items
    element_terms = [term for element in spec.elements if not element.together_with for term in element.terms]
    name_of = {term: element.name for element in spec.elements for term in element.terms}
    near_topic = {element.name for element in spec.elements if element.reach == "sentence"}
    context = {element.name for element in spec.elements if element.context}
    # Hits that stand for an element rather than a term: a rhythm the frequency finder read in an own sentence
    # meets an element about regularity, and a sentence listing enough of an element's parts meets it as a list.
    # Terms that count only beside a co-word join them where they have it.
    derived: SentenceHits = {}
    for element in spec.elements:
        if element.rhythm:
            for index in candidates:
                for number, sentence in enumerate(items[index].sentences):
                    if sentence.rhythm:
                        derived.setdefault(index, {}).setdefault(number, []).append(f"#{element.name}")
                        name_of[f"#{element.name}"] = element.name
    for element in spec.elements:
        if element.in_heading:  # the heading says it of every own sentence under it
            for index in passages.contexts.texts_with(element.terms):
                for number, sentence in enumerate(items[index].sentences):
                    if sentence.kind in _LEAD_IN:  # own sentences (the regulation's never)
                        derived.setdefault(index, {}).setdefault(number, []).append(f"^{element.name}")
                        name_of[f"^{element.name}"] = element.name
        if element.together_with:  # its terms count only beside one of these words
            beside = _sentences_with(passages, element.together_with)
            for index, per_sentence in _sentences_with(passages, element.terms).items():
                for number, terms in per_sentence.items():
                    if number in beside.get(index, {}):
                        derived.setdefault(index, {}).setdefault(number, []).extend(terms)
        for index, per_sentence in _sentences_with(passages, element.parts).items():
            for number, terms in per_sentence.items():
                if len(set(terms)) >= element.min_parts:
                    derived.setdefault(index, {}).setdefault(number, []).append(f"+{element.name}")
                    name_of[f"+{element.name}"] = element.name
        for index, per_sentence in _sentences_with(passages, element.partly).items():
            for number in per_sentence:
                derived.setdefault(index, {}).setdefault(number, []).append(f"-{element.name}")
                name_of[f"-{element.name}"] = element.name
    # Where an element is said to be shown in another document ("framgår av processkartan"): there it is touched.
    elsewhere = {element.name: _sentences_with(passages, element.shown_elsewhere)
                 for element in spec.elements if element.shown_elsewhere}
    own_elements: dict[int, dict[str, set[str]]] = {}  # per passage: element name → the words that met it
    touched: dict[int, set[str]] = {}
    denied: dict[int, set[str]] = {}  # per passage: elements its admissions or plans say do not exist yet
    hits = _with_extra(_sentences_with(passages, element_terms), derived)
    # A bullet on the topic says it of what its list's introduction names ("Medarbetare ska: – delta i
    # kvalitetsarbetet"): an element that must stand beside the topic may stand there.
    for index, lead_in in passages.lead_ins.items():
        if items[lead_in].sentences[-1].kind not in _LEAD_IN:
            continue
        in_lead_in = [term for term in hits.get(lead_in, {}).get(len(items[lead_in].sentences) - 1, ())
                      if name_of[term] in near_topic and term[0] != "-"]  # a word said in part meets nothing
        own_topic = [number for number in topic_at.get(index, {}) if items[index].sentences[number].kind in _CARRYING]
        if in_lead_in and own_topic:
            words = own_elements.setdefault(index, {})
            for term in in_lead_in:
                words.setdefault(name_of[term], set()).add(_DERIVED.get(term[0], plain(term)))
    for index, per_sentence in hits.items():
        if index in passages.labels:  # a row's label names what the row is about: it touches, never meets
            for number, terms in per_sentence.items():  # … or, answered "Nej", names what the row lacks
                said = denied if items[index].sentences[number].kind in ABSENT else touched
                said.setdefault(index, set()).update(name_of[term] for term in terms if term[0] != "-")
            continue
        sentences = items[index].sentences
        about = topic_at.get(index, {})
        for number, terms in per_sentence.items():
            kind = sentences[number].kind
            dropped = set() if number in about or number - 1 in about else near_topic
            found = [(name_of[term], term) for term in terms if name_of[term] not in dropped]
            if elsewhere:
                found = [(name, f"-{term}" if term[0] != "-" and number in elsewhere.get(name, {}).get(index, {})
                          else term) for name, term in found]
            if kind == "regulation":  # a restated rule names what an own one after it applies to
                found = [(name, term) for name, term in found if name in context]
            # Words that say only part of an element ("samverkan är en förutsättning för god kvalitet") touch it.
            partly = [(name, term) for name, term in found if term[0] == "-"]
            found = [(name, term) for name, term in found if term[0] != "-"]
            if partly and kind in OWN:
                touched.setdefault(index, set()).update(name for name, _ in partly)
            if found and kind in _CARRYING:
                words = own_elements.setdefault(index, {})
                for name, term in found:
                    words.setdefault(name, set()).add(_DERIVED.get(term[0], plain(term)))
            elif found and kind in ("definition", "hedge"):
                touched.setdefault(index, set()).update(name for name, _ in found)
            elif found and kind in ABSENT:
                denied.setdefault(index, set()).update(name for name, _ in found)
    # An element in any own cell of a table row counts for every cell of the row ("Kvartalsvis" in the
    # Hur ofta column gives the Sammanställning row its regularity).
    for index in list(own_elements):
        for mate in passages.row_mates.get(index, ()):
            for name, met_by in own_elements[index].items():
                own_elements.setdefault(mate, {}).setdefault(name, set()).update(met_by)
    return own_elements, touched, denied


def match_requirement(requirement: Requirement, passages: PassageSet,
                      families_at: Mapping[int, frozenset[str]] | None = None) -> RequirementMatches:
    """`families_at` (from topic_families): a passage about another topic that only stands under a heading on
    this one lends it nothing ("Avvikelser utreds av enhetschefen" under "Avvikelser, klagomål och synpunkter"
    says nothing of how complaints are investigated)."""
    spec = requirement.evidence
    own_family = requirement_area(requirement.id)
    strong_terms = frozenset(spec.phrases)
    texts, contexts, items = passages.texts, passages.contexts, passages.items
    phrases_at, row_terms_at = _topic_hits(spec, passages)
    headings_at = contexts.texts_with(spec.heading_terms)
    near_at = _sentences_with(passages, spec.near_miss_terms)
    sibling_at = texts.texts_with(spec.sibling_terms)
    sibling_context = contexts.texts_with(spec.sibling_terms)
    # Only passages on the topic frame the ones after them: a role's introduction naming patients frames nothing.
    own_at = _sentences_with(passages, spec.own_terms)
    framed = _framing(passages, phrases_at.keys(), own_at,
                      _sentences_with(passages, spec.sibling_terms)) if spec.sibling_terms or spec.own_terms else {}
    # Where the document treats the requirement's own activity on its own ("Klagomål som rör hälso- och
    # sjukvården hänvisas till patientnämnden"), that text governs, not what it says in general.
    # The regulation restated for that activity ("Enligt 5 kap. 3 a § ska vårdgivaren …") treats nothing.
    own_treated = spec.own_framing_governs and any(
        framed.get(index) == "own" and any(items[index].sentences[number].kind in OWN for number in per_sentence)
        for index, per_sentence in phrases_at.items())
    own_elements, touched, denied = _element_hits(spec, passages, phrases_at.keys() | headings_at.keys(), phrases_at)

    # A passage without a catalog phrase counts only under a heading on the topic, and then only if it holds
    # one of the requirement's elements (or, for a requirement without elements, is an own arrangement).
    heading_only = headings_at.keys() - phrases_at.keys()
    heading_only &= own_elements.keys() if spec.elements else passages.arrangements
    if families_at:
        heading_only = {index for index in heading_only if not families_at.get(index, frozenset()) - {own_family}}
    ranked: list[tuple[float, int, PassageMatch]] = []
    section_elements: dict[Hashable, set[str]] = {}
    topic_passages: set[int] = set()
    denial_at: int | None = None
    for index in phrases_at.keys() | heading_only:
        passage = items[index]
        sentences = passage.sentences
        # Sentences about case work ("fallriskbedömning", "journalföring") do not name the quality topic.
        per_sentence = {number: terms for number, terms in phrases_at.get(index, {}).items()
                        if number not in near_at.get(index, {})}
        near_misses = sorted({term for terms in near_at.get(index, {}).values() for term in terms})
        if index in heading_only:
            per_sentence = {number: [] for number, s in enumerate(sentences) if s.kind in OWN}
        if not per_sentence and not near_misses:
            continue
        # An arrangement framed for the sibling requirement only (vårdskada for the socialtjänst variant), by its
        # own words, its heading or the passage before it: its text naming the requirement's own activity lifts
        # the frame of its words and of the passage before, but only the heading's own words lift the heading's.
        names_own = bool(spec.own_terms) and bool(texts.terms_in(index, spec.own_terms))
        if (index in sibling_at or index in sibling_context or framed.get(index) == "sibling") and not names_own:
            continue
        # A heading framed for the sibling ("Samverkan för att förebygga vårdskador") frames what stands under it,
        # whatever roles its text names.
        if index in sibling_context and not contexts.terms_in(index, spec.own_terms):
            continue
        if own_treated and framed.get(index) != "own":
            continue
        # A passage that treats the own activity in a sentence of its own ("Klagomål som gäller hälso- och
        # sjukvården hänvisas till patientnämnden" after the general routine) is about it only there.
        if own_treated and (own_sentences := per_sentence.keys() & own_at.get(index, {}).keys()):
            per_sentence = {number: per_sentence[number] for number in own_sentences}
        about = frozenset(per_sentence)
        # Arrangement sentences that take up the one before ("Förvaltningen gör detta varje höst").
        taking_up = {number for number in passages.anaphoric.get(index, ()) if sentences[number].kind == "arrangement"}
        kinds = frozenset(sentences[number].kind for number in about)
        # The topic in an arrangement sentence, or in a sentence the next one takes up as an own rule
        # ("Enligt 5 kap. 1 § ska risker bedömas. Förvaltningen gör detta varje höst.").
        arranged = any(sentences[number].kind == "arrangement"
                       or (sentences[number].kind in ("prose", "regulation") and number + 1 in taking_up)
                       for number in about)
        phrases = list(dict.fromkeys(term for terms in per_sentence.values() for term in terms))
        strong = any(term in strong_terms for term in phrases)
        headings = (*headings_at.get(index, ()), *row_terms_at.get(index, ()))
        words_of = own_elements.get(index, {})
        elements = sorted(words_of)
        if arranged or kinds & OWN:
            topic_passages.add(index)
        if not spec.aggregate_topic and index in passages.denied and (denial_at is None or index < denial_at) \
                and _denies_topic(passages, index, {n: [t for t in per_sentence[n] if t in strong_terms] for n in about}):
            denial_at = index
        score = (len(phrases) + 0.5 * len(headings) + len(elements) + arranged - len(near_misses))
        ranked.append((-score, index, PassageMatch(
            passage, phrases, headings, elements, score, near_misses, texts=texts, passage_index=index,
            topic_sentences=about, topic_kinds=kinds, arranged=arranged,
            touched=sorted(touched.get(index, set()) - set(elements)), row_terms=row_terms_at.get(index, ()),
            strong=strong, element_words=tuple(f"{name} ({', '.join(sorted(words_of[name]))})"
                                               for name in elements))))
    # Elements count where the topic is treated: in the passages on the topic, pooled per section.
    pools = passages.pools
    topic_sections = {pools[index] for index in topic_passages}
    for index in topic_passages:
        if names := own_elements.get(index):
            section_elements.setdefault(pools[index], set()).update(names)
    own_anywhere = frozenset(name for names in section_elements.values() for name in names)
    touched_anywhere = frozenset(name for index, names in touched.items() for name in names
                                 if pools[index] in topic_sections) - own_anywhere
    # Strongest first; among equals, reading order (passage index) keeps the output deterministic.
    ranked.sort(key=_RANK)
    return RequirementMatches([match for _, _, match in ranked],
                              {path: frozenset(names) for path, names in section_elements.items()},
                              own_anywhere, touched_anywhere, pools,
                              {name: index for index in sorted(topic_passages | phrases_at.keys(), reverse=True)
                               for name in denied.get(index, ()) if name not in own_anywhere},
                              denial_at, _pooled(pools, {index: names for index, names in denied.items()
                                                         if index in topic_passages or index in phrases_at}))


_RANK = itemgetter(0, 1)


def _pooled(pools: Sequence[Hashable], per_passage: Mapping[int, Iterable[str]]) -> dict[Hashable, frozenset[str]]:
    """What the passages of each pool say, together."""
    found: dict[Hashable, set[str]] = {}
    for index, names in per_passage.items():
        found.setdefault(pools[index], set()).update(names)
    return {pool: frozenset(names) for pool, names in found.items()}


def _denies_topic(passages: PassageSet, index: int, terms_at: Mapping[int, Sequence[str]]) -> bool:
    """A sentence of the passage has a topic phrase of its own where it denies, not qualified as one part of the
    topic (analysis.denials)."""
    denial, texts, sentences = passages.denied[index], passages.texts, passages.items[index].sentences
    for number, terms in terms_at.items():
        sentence = sentences[number]
        for term in terms:
            for position in texts.positions(term, index):
                if (sentence.first_token <= position < sentence.end_token and position in denial.positions
                        and position + len(term_words(term)) not in denial.qualifiers):
                    return True
    return False


def _framing(passages: PassageSet, on_topic: Iterable[int], own: SentenceHits, sibling: SentenceHits) \
        -> dict[int, str]:
    """Per passage on the topic, what it is framed for: "own" when a sentence names the requirement's own
    activity and not the sibling's ("Klagomål som rör hälso- och sjukvården hänvisas till patientnämnden"),
    "sibling" when one names only the sibling's, "general" when its sentences name both at once ("från brukare,
    patienter och närstående"). A passage naming neither stands under the last one in its section that did
    ("Rutinen gäller omsorg och stöd. … Enhetschefen utreder synpunkten …" is about omsorg)."""
    framing: dict[int, str] = {}
    for index in on_topic:
        own_at, sibling_at = set(own.get(index, {})), set(sibling.get(index, {}))
        if own_at - sibling_at:
            framing[index] = "own"
        elif sibling_at - own_at:
            framing[index] = "sibling"
        elif own_at:
            framing[index] = "general"
    framed: dict[int, str] = {}
    current: str | None = None
    section: tuple[str, ...] | None = None
    for index, passage in enumerate(passages.items):
        if passage.unit.section_path != section:
            section, current = passage.unit.section_path, None
        current = framing.get(index, current)
        if current:
            framed[index] = current
    return framed


def mark_enumerations(matches: dict[str, RequirementMatches], min_topics: int, max_gap: int,
                      coordinators: Iterable[str] = ()) -> dict[str, RequirementMatches]:
    """Flag topics that stand only in a list of at least min_topics topic families in one sentence.

    "Processer ändras utifrån uppföljning, egenkontroll, utredning av avvikelser, klagomål och riskanalyser"
    lists topics and arranges none of them: for each it is a word in an enumeration, i.e. a mention. The
    topics must stand close together (at most max_gap words between one and the next), as a list does:
    "Processer där samverkan behövs för att förebygga vårdskador är utpekade …; rutinerna anger hur" names
    four topics too, but as one statement about samverkan. A generic word ("dokumentation") is one more item when it
    follows one of `coordinators` ("… förbättringsarbete samt dokumentation"), not when it says what is done with
    the listed things ("Riskanalyser och egenkontroller dokumenteras i …").
    """
    joined = frozenset(coordinators)
    places: dict[tuple[int, int], dict[str, int]] = {}  # (passage, sentence) → family → first word position
    for requirement_id, found in matches.items():
        family = requirement_area(requirement_id)
        for match in found:
            if not match.strong or match.texts is None:  # generic words ("uppföljning") list no topic
                continue
            sentences = match.passage.sentences
            for term in match.phrases:
                for position in match.texts.positions(term, match.passage_index):
                    number = next((n for n, s in enumerate(sentences) if position < s.end_token),
                                  len(sentences) - 1)
                    if number in match.topic_sentences:
                        first = places.setdefault((match.passage_index, number), {})
                        first[family] = min(first.get(family, position), position)
    crowded = {key: listed for key, found in places.items() if len(listed := _listed(found, max_gap)) >= min_topics}
    if not crowded:
        return matches
    result = {}
    for requirement_id, found in matches.items():
        family = requirement_area(requirement_id)
        marked = []
        for match in found:
            keys = [(match.passage_index, number) for number in match.topic_sentences]
            if match.phrases and keys and all(key in crowded and (family in crowded[key] or (
                    not match.strong and _an_item(match, joined))) for key in keys):
                match = match._replace(enumerated_topics=crowded[keys[0]])
            marked.append(match)
        result[requirement_id] = replace(found, matches=marked)
    return result


def _an_item(match: PassageMatch, coordinators: frozenset[str]) -> bool:
    """One of the match's words follows a coordinator, as the last item of a list does."""
    if match.texts is None:
        return False
    tokens = match.texts.tokens(match.passage_index)
    return any(position > 0 and tokens[position - 1] in coordinators
               for term in match.phrases for position in match.texts.positions(term, match.passage_index))


def _listed(first_positions: Mapping[str, int], max_gap: int) -> list[str]:
    """The largest run of families whose first mentions follow each other within max_gap words."""
    ordered = sorted(first_positions.items(), key=lambda item: item[1])
    best: list[str] = []
    run: list[str] = []
    previous = None
    for family, position in ordered:
        run = [*run, family] if previous is not None and position - previous <= max_gap + 1 else [family]
        previous = position
        best = run if len(run) > len(best) else best
    return sorted(best)


def mark_row_topics(matches: dict[str, RequirementMatches], max_requirements: int) -> dict[str, RequirementMatches]:
    """A table row's regulation cell gives its own cells their topic only when it is about a few requirements
    ("Klagomål ska tas emot och utredas | Så här gör vi: …"); a cell quoting a whole paragraph of the
    regulation (eight allmänna råd at once) ties an own cell to none of them."""
    requirements_of: dict[int, set[str]] = {}
    for requirement_id, found in matches.items():
        for match in found:
            if match.row_terms:
                requirements_of.setdefault(match.passage_index, set()).add(requirement_id)
    specific = {index for index, ids in requirements_of.items() if len(ids) <= max_requirements}
    if not specific:
        return matches
    return {requirement_id: replace(found, matches=[
        match._replace(row_specific=True) if match.passage_index in specific and match.row_terms else match
        for match in found]) for requirement_id, found in matches.items()}


def display(terms: Sequence[str]) -> str:
    """Catalog terms as a reader writes them, for evidence and explanations."""
    return ", ".join(plain(term) for term in terms)
