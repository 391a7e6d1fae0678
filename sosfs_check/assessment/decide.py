"""The decision procedure: from a requirement's passage matches to a status with a Swedish reason.

1. Not in the document's scope            → not_applicable.
2. An own arrangement names the topic and,
   together with the other own passages on
   the topic, carries every essential element → covered.
3. Own text names the topic, but as a mere
   mention or without some element       → partial.
4. Nothing, or only the regulation restated → missing.
"""

from __future__ import annotations

from sosfs_check.assessment.model import Evidence, Finding
from sosfs_check.catalog.models import MatchingConfig, Requirement
from sosfs_check.matching.matcher import PassageMatch

_KIND_SV = {"regulation": "återger föreskriften", "mention": "nämner ämnet", "arrangement": "egen ordning",
            "prose": "egen text"}


def _quote(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _evidence(match: PassageMatch, config: MatchingConfig, reason: str) -> Evidence:
    unit = match.passage.unit
    method = "; ".join(filter(None, [
        f"fraser: {', '.join(match.phrases)}" if match.phrases else "",
        f"rubrik: {', '.join(match.heading_terms)}" if match.heading_terms else "",
        f"delar: {', '.join(match.elements)}" if match.elements else "",
        f"handlar om annat: {', '.join(match.near_misses)}" if match.near_misses else "",
        f"uppräkning av {len(match.enumerated_topics)} ämnen" if match.enumerated_topics else "",
    ]))
    start, end = match.span or (None, None)
    return Evidence(quote=_quote(unit.text, config.quote_max_chars), section=" › ".join(unit.section_path),
                    location=unit.locator.describe(), locator=unit.locator, block_id=unit.block_id,
                    match_start=start, match_end=end, passage_kind=match.effective_kind,
                    method=method, score=round(match.score, 2), reason=reason)


def decide(requirement: Requirement, matches: list[PassageMatch], config: MatchingConfig, in_scope: bool,
           scope_label: str) -> Finding:
    base = dict(requirement_id=requirement.id, title=requirement.title, kind=requirement.kind,
                chapter=requirement.source.chapter, citation=requirement.source.citation)
    if not in_scope:
        return Finding(**base, status="not_applicable",
                       reason=f"Kravet gäller {requirement.applies_to}; dokumentet omfattar {scope_label}.")
    kinds = [(m, m.effective_kind) for m in matches]  # a property: computed once per match
    own = [m for m, kind in kinds if kind in ("arrangement", "prose")]
    direct_arrangements = [m for m, kind in kinds if kind == "arrangement" and m.phrases]
    on_topic = [m for m in own if m.phrases or m.heading_terms]
    found_elements = {name for m in on_topic for name in m.elements}
    needed = [e.name for e in requirement.evidence.elements]
    missing_elements = [name for name in needed if name not in found_elements]
    mentions = [m for m, kind in kinds if kind == "mention" and m.phrases]
    restated = [m for m, kind in kinds if kind == "regulation"]

    if direct_arrangements and not missing_elements:
        best = direct_arrangements[0]
        # Up to two more passages that add elements; a bullet repeated under several roles is quoted once.
        quoted = {best.passage.unit.text}
        extra = []
        for match in on_topic:
            if len(extra) < 2 and match.elements and match.passage.unit.text not in quoted:
                extra.append(match)
                quoted.add(match.passage.unit.text)
        evidence = [_evidence(best, config, f"Egen ordning: {_KIND_SV[best.effective_kind]} om ämnet.")]
        evidence += [_evidence(m, config, "Kompletterar med " + ", ".join(m.elements) + ".") for m in extra]
        return Finding(**base, status="covered", reason=f"Dokumentet beskriver en egen ordning ({best.passage.unit.locator.section or 'inledningen'}).",
                       evidence=evidence)
    own_direct = [m for m in own if m.phrases]
    if len(own_direct) + len(mentions) >= config.min_phrase_units_for_partial:
        best = (direct_arrangements or own_direct or mentions)[0]
        if missing_elements:
            why = "Ämnet finns men det saknas: " + ", ".join(missing_elements) + "."
        elif best.effective_kind == "mention":
            why = "Ämnet nämns bara (definition eller plan), utan egen ordning."
        else:
            why = "Ämnet nämns men ingen egen ordning (ansvar, rutin, rytm) beskrivs."
        return Finding(**base, status="partial", reason=why, missing_elements=missing_elements,
                       evidence=[_evidence(best, config, why)])
    if restated:
        best = restated[0]
        why = "Bara föreskriften återgiven; ingen egen ordning beskrivs."
        return Finding(**base, status="missing", reason=why, evidence=[_evidence(best, config, why)])
    nearest = matches[0] if matches else None
    why = f"Inget avsnitt om {requirement.title.lower()}."
    if nearest is not None:
        why += f" Närmast: {nearest.passage.unit.locator.section or 'inledningen'}."
    return Finding(**base, status="missing", reason=why,
                   evidence=[_evidence(nearest, config, why)] if nearest else [])
