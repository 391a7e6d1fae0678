"""The description a draft is generated from: the example validates, every problem is listed at once with its
place in the file, and text pasted from Word is read as typed."""

from __future__ import annotations

import pytest
import yaml

from sosfs_check.drafting import EXAMPLE
from sosfs_check.drafting.description import Description, load_description
from sosfs_check.errors import DescriptionError, InputNotFoundError


def _example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _write(tmp_path, data: dict | str):
    path = tmp_path / "beskrivning.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_example_is_a_valid_description_of_every_activity():
    described = load_description(EXAMPLE)
    assert set(described.omfattning) == {"socialtjänst", "lss", "hälso- och sjukvård"}
    assert described.vård and described.lss and described.socialtjänst_lss
    assert all(len(process.aktiviteter) >= 2 for process in described.processer)
    kinds = {check.typ for check in described.egenkontroller}
    assert kinds >= {"kvalitetsregister", "öppna_jämförelser", "egna_resultat", "brukarundersökning",
                     "journalgranskning", "personalens_förhållningssätt", "patientnämnden", "revision"}


def test_every_problem_is_listed_at_once_with_its_path(tmp_path):
    data = _example()
    data["datum"] = "2027-13-01"
    data["omfattning"] = ["socialtjänst", "skola"]
    data["årshjul"][0]["färg"] = "röd"
    del data["system"]["rutiner"]
    data["processer"][1]["aktiviteter"] = ["Bara en"]
    with pytest.raises(DescriptionError) as raised:
        load_description(_write(tmp_path, data))
    problems = raised.value.problems
    assert problems == [
        "datum: inte ett datum (skriv ÅÅÅÅ-MM-DD)",
        "omfattning.2: okänt värde 'skola'; tillåtna: 'socialtjänst', 'lss', 'hälso- och sjukvård'",
        "processer.2.aktiviteter: för få poster (minst 2)",
        "årshjul.1.färg: okänt fält (stavfel?)",
        "system.rutiner: saknas",
    ]
    message = raised.value.user_message()
    assert message.startswith(f"{tmp_path / 'beskrivning.yaml'}: beskrivningen är ogiltig (5 fel)")
    assert raised.value.exit_code == 13


def test_roles_given_duties_must_exist_and_health_care_needs_a_mas(tmp_path):
    data = _example()
    del data["roller"]["mas"]
    data["processer"][0]["ägare"] = "systemförvaltare"
    with pytest.raises(DescriptionError) as raised:
        load_description(_write(tmp_path, data))
    problems = raised.value.problems
    assert "roller: mas saknas (krävs för hälso- och sjukvård)" in problems
    assert "processer.1.ägare: rollen systemförvaltare finns inte under roller" in problems
    assert "rapportering.lex_maria_utreds_av: rollen mas finns inte under roller" in problems


def test_text_pasted_from_word_is_read_as_typed(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    pasted = (text.replace("kommun: Ekdala kommun", "kommun: \u201cEkdala\u00a0kommun\u201d")
              .replace("version: \"1.0\"", "version: \u201d1.0\u201d")
              .replace("Vård- och omsorgsnämnden", "Vård- och om\u00adsorgs\u200bnämnden", 1))
    described = load_description(_write(tmp_path, "\ufeff" + pasted))
    assert described.kommun == "Ekdala kommun" and described.version == "1.0"
    assert described.nämnd == "Vård- och omsorgsnämnden"


@pytest.mark.parametrize("content,problem", [
    ("kommun: [", "rad "),
    ("- bara en lista", "filen ska innehålla fälten kommun"),
])
def test_a_file_that_is_no_description_gives_one_problem(tmp_path, content, problem):
    with pytest.raises(DescriptionError) as raised:
        load_description(_write(tmp_path, content))
    assert len(raised.value.problems) == 1 and raised.value.problems[0].startswith(problem)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(InputNotFoundError, match="beskrivningen finns inte"):
        load_description(tmp_path / "saknas.yaml")


def test_a_version_written_as_a_number_is_a_version():
    data = _example()
    data["version"] = 2
    assert Description.model_validate(data).version == "2"


def test_a_field_written_twice_is_an_error_with_its_line(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.0"\nversion: "2.0"')
    with pytest.raises(DescriptionError) as raised:
        load_description(_write(tmp_path, text))
    (problem,) = raised.value.problems
    line = text.splitlines().index('version: "2.0"') + 1
    assert problem == f"rad {line}: filen är inte giltig YAML (nyckeln 'version' står två gånger)"
