"""Scope fails safe: an activity counts only from the document's own text, and nothing recognised means
every requirement applies, with a warning; user-given scope takes fixed values and aliases."""

from __future__ import annotations

import pytest

from sosfs_check.analysis.scope import resolve_scope
from sosfs_check.assessment.run import check
from sosfs_check.errors import InvalidArgumentError


def _scope(tmp_path, *paragraphs: str, heading: str = "1 Verksamheten"):
    path = tmp_path / "dokument.md"
    path.write_text(f"# {heading}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return check(path).document.scope


@pytest.mark.parametrize("given,expected", [
    ("LSS", ["lss"]), ("lss", ["lss"]), (["SoL"], ["socialtjänst"]), ("HSL", ["hälso- och sjukvård"]),
    ("hälso- och sjukvård", ["hälso- och sjukvård"]), ("sol, hsl", ["socialtjänst", "hälso- och sjukvård"]),
    (["Socialtjänst", "LSS"], ["socialtjänst", "lss"]),
])
def test_given_scope_takes_names_and_aliases_in_any_case(catalog, given, expected):
    assert resolve_scope(given, catalog.matching) == expected


@pytest.mark.parametrize("given", ["äldrevård", ["sol", "typo"], "l s s"])
def test_an_unknown_scope_is_refused_with_the_valid_values(catalog, given):
    with pytest.raises(InvalidArgumentError) as raised:
        resolve_scope(given, catalog.matching)
    assert raised.value.exit_code == 2 and "giltiga värden" in str(raised.value) and "lss" in str(raised.value)


def test_a_string_is_one_value_not_its_letters(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("# 1 Ansvar\n\nSocialnämnden ansvarar för ledningssystemet.\n", encoding="utf-8")
    assert check(path, omfattning="lss").document.scope.activities == ["lss"]


def test_nothing_recognised_means_everything_applies_with_a_warning(tmp_path):
    scope = _scope(tmp_path, "Vi arbetar med kvalitet varje dag och följer upp det vi gör.")
    assert scope.assumed and scope.activities == ["socialtjänst", "lss", "hälso- och sjukvård"]
    assert "Ingen verksamhet" in scope.warning


def test_own_activity_counts(tmp_path):
    scope = _scope(tmp_path, "Socialnämnden ansvarar för äldreomsorg och hemtjänst.",
                   "MAS följer upp patientsäkerheten och anmäler enligt lex Maria.")
    assert scope.activities == ["socialtjänst", "hälso- och sjukvård"] and not scope.assumed


@pytest.mark.parametrize("text", [
    # another body runs it
    "Hälso- och sjukvården i särskilt boende bedrivs av hälso- och sjukvårdsnämnden, där MAS och lex Maria finns.",
    # the activity denied
    "Socialnämnden har ingen hemsjukvård och ingen patientsäkerhetsberättelse.",
])
def test_delegated_and_denied_health_care_does_not_count(tmp_path, text):
    scope = _scope(tmp_path, "Socialnämnden ansvarar för individ- och familjeomsorgen.", text)
    assert scope.activities == ["socialtjänst"]


def test_references_and_grounds_of_discrimination_do_not_make_lss(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("# 1 Verksamheten\n\nSocialnämnden ansvarar för ekonomiskt bistånd. Ingen ska diskrimineras på "
                    "grund av kön, ålder eller funktionsnedsättning.\n\n# 9 Referenser\n\nLagen om stöd och service "
                    "(LSS) och förordningen om daglig verksamhet.\n", encoding="utf-8")
    assert check(path).document.scope.activities == ["socialtjänst"]


@pytest.mark.parametrize("exclusion", [
    "Ledningssystemet omfattar därför inte hälso- och sjukvård.",
    "Nämnden bedriver ingen hälso- och sjukvård sedan ansvaret flyttades.",
    "Hälso- och sjukvård ingår inte i förvaltningens uppdrag.",
    "I kommunen bedriver nämnden ingen hälso- och sjukvård.",               # the subject after the verb
])
def test_an_own_sentence_that_excludes_an_activity_wins_over_its_history(tmp_path, exclusion):
    # Before the organisation changed, MAS and lex Maria belonged here: the history names them, the exclusion rules.
    scope = _scope(tmp_path, "Socialnämnden ansvarar för individ- och familjeomsorgen.",
                   "Tidigare fanns MAS i förvaltningen och lex Maria och patientsäkerhetsberättelsen hanterades här.",
                   exclusion)
    assert scope.activities == ["socialtjänst"]
    assert scope.excluded_by == {"hälso- och sjukvård": exclusion}


@pytest.mark.parametrize("limit", [
    # Neither the document nor the organisation is what does not cover health care here: the routine is.
    "Avvikelser i hälso- och sjukvården omfattas inte av denna rutin.",
    # A part of an activity is left out, not the activity: äldreomsorg and hemsjukvård remain.
    "Individ- och familjeomsorgen hör till socialnämnden och ingår inte i detta ledningssystem.",
    "Hemsjukvården i ordinärt boende ingår inte i nämndens ledningssystem.",
    "Hälso- och sjukvård i form av hemsjukvård ingår inte i detta ledningssystem.",
    # Another unit is the subject, in its own clause: the förvaltning is only where it belongs.
    "Fritidsenheten tillhör förvaltningen men bedriver inte hälso- och sjukvård.",
    # The negation belongs to something else than the covering verb.
    "Rapporter om ej genomförd hälso- och sjukvård sammanställs av nämnden och ingår i internkontrollen.",
])
def test_a_limited_part_excludes_no_activity(tmp_path, limit):
    scope = _scope(tmp_path, "Socialnämnden ansvarar för äldreomsorg och hemtjänst.",
                   "MAS följer upp patientsäkerheten och anmäler enligt lex Maria.", limit)
    assert scope.activities == ["socialtjänst", "hälso- och sjukvård"] and scope.excluded_by == {}


def test_under_a_scope_heading_the_exclusion_needs_no_subject(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("# 1 Omfattning\n\nNämnden ansvarar för hemtjänst och särskilt boende. Verksamhet enligt LSS ingår "
                    "inte.\n\n# 2 Avvikelser\n\nRapporter enligt 24 b § LSS om daglig verksamhet tas emot av "
                    "funktionsstödsnämnden.\n", encoding="utf-8")
    scope = check(path).document.scope
    assert "lss" not in scope.activities and scope.excluded_by["lss"] == "Verksamhet enligt LSS ingår inte."


def test_neither_nor_excludes_both_activities(tmp_path):
    scope = _scope(tmp_path, "Socialnämnden ansvarar för individ- och familjeomsorgen.",
                   "Nämnden bedriver varken hälso- och sjukvård eller verksamhet enligt LSS.",
                   "Inom nämndens område finns därför ingen MAS och ingen patientsäkerhetsberättelse.")
    assert scope.activities == ["socialtjänst"]


def test_an_organisation_named_after_an_activity_is_not_the_activity(tmp_path):
    # "Socialtjänstnämnden" is the subject, not socialtjänst: only health care is excluded.
    scope = _scope(tmp_path, "Socialtjänstnämnden ansvarar för individ- och familjeomsorgen och äldreomsorgen.",
                   "Socialtjänstnämnden är alltså inte vårdgivare, och detta ledningssystem omfattar inte hälso- och "
                   "sjukvård.")
    assert scope.activities == ["socialtjänst"] and list(scope.excluded_by) == ["hälso- och sjukvård"]


def test_under_a_scope_heading_an_activity_in_another_clause_is_not_excluded(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("# 1 Omfattning och avgränsning\n\nNämnden ansvarar för ekonomiskt bistånd och barn och unga. "
                    "Arbetsmarknadsinsatserna är inte socialtjänst och omfattas därför inte av SOSFS 2011:9.\n",
                    encoding="utf-8")
    assert check(path).document.scope.activities == ["socialtjänst"]


def test_under_a_scope_heading_activities_listed_after_the_denied_verb_are_excluded(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("# 1 Omfattning\n\nNämnden ansvarar för hemtjänst och särskilt boende. Här ingår inte gruppbostäder "
                    "enligt LSS och inte hälso- och sjukvård.\n\n# 2 Hälso- och sjukvård\n\nMAS följer upp "
                    "patientsäkerheten och anmäler enligt lex Maria.\n", encoding="utf-8")
    assert "hälso- och sjukvård" not in check(path).document.scope.activities
