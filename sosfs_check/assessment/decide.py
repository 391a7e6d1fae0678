"""The decision procedure: from a requirement's passage matches to a status, a rule code and a Swedish reason.

In order, the first rule that applies decides:

1. ``not_applicable.scope``         the requirement binds an activity the document does not cover.
2. ``partial.topic_denied``         as 3, but an own sentence says the topic itself does not exist ("Egna
                                    brukarundersökningar görs i dag inte"): what stands beside it is a
                                    substitute or a part (analysis.denials; not for aggregate topics).
3. ``covered.arrangement``          an own arrangement names the topic, and every essential element stands
                                    in its own sentences, its table row or its section.
4. ``missing.element_absent.X``     (requirements whose elements are their core, like sannolikhet for RISK-2)
                                    a core element appears nowhere in the organisation's own text on the topic,
                                    not even touched.
5. ``missing.element_denied.X``     (requirements whose element is the whole duty, like choosing where samverkan
                                    is needed for SAMV-*-1) the document says the element does not exist yet,
                                    and says nothing of it in part.
6. ``partial.element_missing.X``    an own arrangement on the topic lacks element X.
7. ``partial.mention`` / ``partial.definition`` / ``partial.enumeration`` / ``partial.no_arrangement``
                                    own text names the topic without arranging it.
8. ``missing.plan_or_absence``      the topic stands only in plans, admissions that something is lacking, or
                                    activities another body runs.
9. ``missing.regulation_only``      only the regulation restated.
10. ``missing.no_text``              nothing on the topic.
"""

from __future__ import annotations

from typing import Any

from sosfs_check.assessment.model import Evidence, Finding, Status
from sosfs_check.catalog.models import MatchingConfig, Requirement
from sosfs_check.language import listed
from sosfs_check.matching.matcher import PassageMatch, RequirementMatches, display

RULES: tuple[str, ...] = (
    "not_applicable.scope", "partial.topic_denied", "covered.arrangement", "missing.element_absent",
    "missing.element_denied",
    "partial.element_missing",
    "partial.mention", "partial.definition", "partial.enumeration", "partial.no_arrangement",
    "missing.plan_or_absence", "missing.regulation_only", "missing.no_text",
)
"""Every rule code decide() emits; the element rules append '.<element name>'."""

_STATEMENT_SV = {"regulation": "föreskriften återgiven", "negation": "säger att något saknas",
                 "plan": "plan för framtiden", "definition": "definition eller syfte",
                 "delegated": "annan nämnd eller huvudman", "hedge": "möjlighet eller råd",
                 "arrangement": "egen ordning", "prose": "egen text"}
_EVIDENCE_KIND = {"absent": "mention"}  # the schema's passage kinds: a plan or admission is a mention


def _quote(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def signals_of(match: PassageMatch) -> list[str]:
    """What fired for one passage, in Swedish: the trail a reader can follow."""
    sentences = match.passage.sentences
    said = sorted({_STATEMENT_SV[sentences[number].kind] for number in match.topic_sentences})
    return list(dict.fromkeys(signal for signal in [
        f"fraser: {display(match.phrases)}" if match.phrases else "",
        f"rubrik: {display(match.heading_terms)}" if match.heading_terms else "",
        f"meningen om ämnet: {', '.join(said)}" if said else "",
        f"delar: {', '.join(match.element_words or match.elements)}" if match.elements else "",
        f"delar bara nämnda: {', '.join(match.touched)}" if match.touched else "",
        f"handlar om annat: {display(match.near_misses)}" if match.near_misses else "",
        f"uppräkning av {len(match.enumerated_topics)} ämnen" if match.enumerated_topics else "",
        *(s for sentence in sentences for s in sentence.signals if match.arranged and sentence.kind == "arrangement"),
    ] if signal))


def _evidence(match: PassageMatch, config: MatchingConfig, reason: str) -> Evidence:
    unit = match.passage.unit
    start, end = match.span or (None, None)
    kind = match.effective_kind
    return Evidence(quote=_quote(unit.text, config.quote_max_chars), section=" › ".join(unit.section_path),
                    location=unit.locator.describe(), locator=unit.locator, block_id=unit.block_id,
                    match_start=start, match_end=end, passage_kind=_EVIDENCE_KIND.get(kind, kind),
                    method="; ".join(signals_of(match)), score=round(match.score, 2), reason=reason)


def _where(match: PassageMatch) -> str:
    return match.passage.unit.locator.section or "inledningen"


def decide(requirement: Requirement, found: RequirementMatches, config: MatchingConfig, in_scope: bool,
           scope_label: str) -> Finding:
    described = {element.name: element.described for element in requirement.evidence.elements}

    def finding(status: Status, rule: str, reason: str, **found: Any) -> Finding:
        lacking = found.get("missing_elements", [])
        return Finding(requirement_id=requirement.id, title=requirement.title, kind=requirement.kind,
                       chapter=requirement.source.chapter, citation=requirement.source.citation,
                       status=status, rule=rule, reason=reason,
                       missing_described=[described[name] for name in lacking], **found)

    if not in_scope:
        return finding("not_applicable", "not_applicable.scope",
                       f"Kravet gäller {config.audience_labels[requirement.applies_to]}; "
                              f"dokumentet omfattar {scope_label}.")
    matches = found.matches
    kinds = [(m, m.effective_kind) for m in matches]  # a property: computed once per match
    needed = [e.name for e in requirement.evidence.elements]
    # Only a passage that names the topic itself (or in its table row) can carry an arrangement; one that
    # only stands under a heading on the topic contributes elements.
    arrangements = [m for m, kind in kinds if kind == "arrangement" and (m.phrases or m.row_specific)]

    complete = [m for m in arrangements if not set(needed) - found.elements_for(m)]
    if complete and found.topic_denied is not None:
        denial = next(m for m in matches if m.passage_index == found.topic_denied)
        why = (f"Dokumentet säger att ämnet saknas ({_where(denial)}); det som finns bredvid är inte en egen "
               "ordning för just detta.")
        return finding("partial", "partial.topic_denied", why, signals=signals_of(complete[0]),
                       evidence=[_evidence(denial, config, why), _evidence(complete[0], config, "Det som finns.")])
    if complete:
        best = complete[0]
        quoted = {best.passage.unit.text}
        extra: list[PassageMatch] = []
        for match in arrangements[1:]:
            if len(extra) < 2 and match.elements and match.passage.unit.text not in quoted:
                extra.append(match)
                quoted.add(match.passage.unit.text)
        evidence = [_evidence(best, config, "Egen ordning om ämnet.")]
        evidence += [_evidence(m, config, "Kompletterar med " + ", ".join(m.elements) + ".") for m in extra]
        return finding("covered", "covered.arrangement", f"Dokumentet beskriver en egen ordning ({_where(best)}).",
                       signals=signals_of(best), evidence=evidence)

    core = [element.name for element in requirement.evidence.elements if element.core]
    absent_core = [name for name in core if name not in found.own_elements and name not in found.touched_elements]
    own_text = [m for m, kind in kinds if kind in ("arrangement", "mention", "prose")]
    if requirement.evidence.missing_without_elements and absent_core and own_text:
        nearest = (arrangements or own_text)[0]
        why = f"Organisationens egen text tar aldrig upp {listed(described[name] for name in absent_core)}."
        return finding("missing", f"missing.element_absent.{absent_core[0]}", why, missing_elements=absent_core,
                       signals=signals_of(nearest), evidence=[_evidence(nearest, config, why)])
    denied = [name for name in needed if name in found.denied_elements and name not in found.touched_elements]
    if requirement.evidence.missing_when_denied and denied and own_text:
        # Quote the passage that says so.
        nearest = next((m for m in matches if m.passage_index == found.denied_elements[denied[0]]),
                       (arrangements or own_text)[0])
        why = f"Dokumentet säger själv att det saknas: {listed(described[name] for name in denied)}."
        return finding("missing", f"missing.element_denied.{denied[0]}", why, missing_elements=denied,
                       signals=signals_of(nearest), evidence=[_evidence(nearest, config, why)])
    if arrangements:
        best = max(arrangements, key=lambda m: len(found.elements_for(m)))
        lacking = [name for name in needed if name not in found.elements_for(best)]
        why = f"Det finns en egen ordning för ämnet, men den tar inte upp {listed(described[n] for n in lacking)}."
        return finding("partial", f"partial.element_missing.{lacking[0]}", why, missing_elements=lacking,
                       signals=signals_of(best), evidence=[_evidence(best, config, why)])

    own = [m for m, kind in kinds if kind in ("mention", "prose") and (m.phrases or m.row_specific)]
    if len(own) >= config.min_phrase_units_for_partial:
        best = next((m for m in own if m.phrases), own[0])
        rule, why = _mention_rule(best)
        lacking = [name for name in needed if name not in found.own_elements]
        return finding("partial", rule, why, missing_elements=lacking,
                       signals=signals_of(best), evidence=[_evidence(best, config, why)])
    for wanted, rule, why in _MISSING_WITH_TEXT:
        closest = next((m for m, kind in kinds if kind == wanted), None)
        if closest is not None:
            return finding("missing", rule, why, signals=signals_of(closest),
                           evidence=[_evidence(closest, config, why)])
    return finding("missing", "missing.no_text", f"Ingenting i dokumentet motsvarar kravet »{requirement.title}«.")


_MISSING_WITH_TEXT = (
    ("absent", "missing.plan_or_absence",
     "Ämnet finns bara som plan, som något som saknas eller som en annan nämnds verksamhet."),
    ("regulation", "missing.regulation_only", "Bara föreskriften återgiven; ingen egen ordning beskrivs."),
)
"""Missing, with the text that came nearest: what a passage did (effective kind), its rule and reason."""


def _mention_rule(match: PassageMatch) -> tuple[str, str]:
    kinds = match.topic_kinds
    if match.enumerated_topics:
        return "partial.enumeration", "Ämnet nämns bara som ett ord i en uppräkning av flera ämnen."
    if match.near_misses:
        return "partial.mention", "Texten om ämnet handlar om något annat (t.ex. enskilda ärenden)."
    if "definition" in kinds:
        return "partial.definition", "Ämnet definieras eller motiveras, men ingen egen ordning beskrivs."
    if "hedge" in kinds:
        return "partial.mention", "Ämnet nämns som en möjlighet, utan egen ordning (ansvar, rutin, rytm)."
    return "partial.no_arrangement", "Ämnet nämns men ingen egen ordning (ansvar, rutin, rytm) beskrivs."
