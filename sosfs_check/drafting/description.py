"""The description of a förvaltning that a draft ledningssystem is generated from (YAML, keys in Swedish).

A quality developer writes it once: who the nämnd and förvaltning are, what they run, which roles exist, the
processes with their activities in order, samverkan, the årshjul, egenkontroller, how reports and complaints are
handled and which systems are used. `load_description` reads it leniently (text pasted from Word: curly quotes,
non-breaking spaces, soft hyphens) and validates it strictly, listing every problem with its place in the file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

Activity = Literal["socialtjänst", "lss", "hälso- och sjukvård"]
ProcessKind = Literal["ledningsprocess", "huvudprocess", "stödprocess"]
RoleId = Literal["förvaltningschef", "avdelningschef", "verksamhetschef", "enhetschef", "mas", "mar",
                 "verksamhetsutvecklare", "kvalitetsutvecklare", "systemförvaltare"]
EgenkontrollKind = Literal["kvalitetsregister", "öppna_jämförelser", "egna_resultat", "brukarundersökning",
                           "journalgranskning", "personalens_förhållningssätt", "patientnämnden", "revision",
                           "övrig"]


class Described(BaseModel):
    # "version: 1" is a version as much as "version: '1.0'".
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Verksamhet(Described):
    namn: str = Field(min_length=1, description="Verksamhetens namn, t.ex. 'Hemtjänst'.")
    omfattning: Activity = Field(description="socialtjänst, lss eller hälso- och sjukvård.")
    ansvarig: RoleId = "enhetschef"


class Process(Described):
    namn: str = Field(min_length=1)
    typ: ProcessKind = "huvudprocess"
    ägare: RoleId = Field(description="Rollen som äger processen.")
    aktiviteter: tuple[str, ...] = Field(min_length=2, description="Processens aktiviteter i den ordning de utförs.")
    samverkan: tuple[str, ...] = Field((), description="Andra verksamheter eller huvudmän som processen behöver "
                                                       "samverka med.")


class Forum(Described):
    namn: str = Field(min_length=1, description="T.ex. 'Kvalitetsrådet', 'Ledningsgruppen'.")
    deltagare: str = Field(min_length=1)
    frekvens: str = Field(min_length=1, description="Som det ska stå i texten: 'varje månad', 'fyra gånger per år'.")
    syfte: str = Field(min_length=1)


class ExternSamverkan(Described):
    part: str = Field(min_length=1, description="T.ex. 'Region Västmarken', 'Skolan', 'Polisen'.")
    form: str = Field(min_length=1, description="Hur samverkan är ordnad: 'överenskommelse om samverkan vid "
                                                "utskrivning', 'gemensam rutin för SIP'.")
    ansvarig: RoleId
    frekvens: str = Field(min_length=1, description="Hur ofta den följs upp: 'en gång per år'.")


class Samverkan(Described):
    intern: tuple[Forum, ...] = Field(min_length=1, description="Forum där verksamheterna samverkar internt.")
    extern: tuple[ExternSamverkan, ...] = Field(min_length=1)


class Aktivitet(Described):
    """One line of the årshjul: what is done, how often, by whom."""

    aktivitet: str = Field(min_length=1)
    frekvens: str = Field(min_length=1, description="'varje kvartal', 'en gång per år', 'senast 1 mars' …")
    ansvarig: RoleId
    månad: str | None = Field(None, description="När på året, om det är bestämt: 'mars', 'september'.")


class Egenkontroll(Described):
    typ: EgenkontrollKind
    beskrivning: str = Field(min_length=1, description="Vad som kontrolleras och hur, i en mening: 'Tio "
                                                       "slumpvis valda akter per enhet granskas mot checklistan'.")
    frekvens: str = Field(min_length=1)
    ansvarig: RoleId


class Rapportering(Described):
    """Who receives and investigates reports of missförhållanden (lex Sarah) and vårdskador (lex Maria)."""

    lex_sarah_utreds_av: RoleId = "enhetschef"
    lex_sarah_anmäls_av: RoleId = "förvaltningschef"
    lex_maria_utreds_av: RoleId | None = "mas"
    lex_maria_anmäls_av: RoleId | None = "mas"


class System(Described):
    avvikelser: str = Field(min_length=1, description="Systemet där avvikelser och rapporter registreras.")
    ärenden: str = Field(min_length=1, description="Verksamhetssystemet för dokumentation i ärenden och journaler.")
    rutiner: str = Field(min_length=1, description="Där rutiner och processbeskrivningar finns, t.ex. "
                                                   "'Kvalitetsportalen på intranätet'.")


class Description(Described):
    """A förvaltning described for a draft ledningssystem (see `sosfs-check generate --exempel`)."""

    kommun: str = Field(min_length=1)
    nämnd: str = Field(min_length=1, description="Nämndens namn i bestämd form: 'Socialnämnden'.")
    förvaltning: str = Field(min_length=1, description="Förvaltningens namn i bestämd form: 'Socialförvaltningen'.")
    datum: dt.date
    version: str = Field(min_length=1)
    omfattning: tuple[Activity, ...] = Field(min_length=1)
    roller: dict[RoleId, str] = Field(description="Rollerna som finns och vad de heter hos er: "
                                                  "{förvaltningschef: Socialchef, …}.")
    verksamheter: tuple[Verksamhet, ...] = Field(min_length=1)
    processer: tuple[Process, ...] = Field(min_length=1)
    forum: tuple[Forum, ...] = Field(min_length=1, description="Ledningsgrupp, kvalitetsråd, arbetsplatsträffar …")
    samverkan: Samverkan
    årshjul: tuple[Aktivitet, ...] = Field(min_length=1)
    egenkontroller: tuple[Egenkontroll, ...] = Field(min_length=1)
    rapportering: Rapportering = Rapportering()
    system: System

    @model_validator(mode="after")
    def _roles_exist(self) -> Description:
        """Every role the description hands a duty to must be one of its roles; health care needs a MAS."""
        problems = []
        required = {"förvaltningschef", "enhetschef"} | ({"mas"} if self.vård else set())
        problems += [f"roller: {role} saknas (krävs{' för hälso- och sjukvård' if role == 'mas' else ''})"
                     for role in sorted(required - set(self.roller))]
        for path, role in self._assigned():
            if role is not None and role not in self.roller:
                problems.append(f"{path}: rollen {role} finns inte under roller")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _assigned(self) -> list[tuple[str, str | None]]:
        assigned: list[tuple[str, str | None]] = []
        assigned += [(f"verksamheter.{i + 1}.ansvarig", v.ansvarig) for i, v in enumerate(self.verksamheter)]
        assigned += [(f"processer.{i + 1}.ägare", p.ägare) for i, p in enumerate(self.processer)]
        assigned += [(f"samverkan.extern.{i + 1}.ansvarig", s.ansvarig) for i, s in enumerate(self.samverkan.extern)]
        assigned += [(f"årshjul.{i + 1}.ansvarig", a.ansvarig) for i, a in enumerate(self.årshjul)]
        assigned += [(f"egenkontroller.{i + 1}.ansvarig", e.ansvarig) for i, e in enumerate(self.egenkontroller)]
        report = self.rapportering
        assigned += [("rapportering.lex_sarah_utreds_av", report.lex_sarah_utreds_av),
                     ("rapportering.lex_sarah_anmäls_av", report.lex_sarah_anmäls_av)]
        if self.vård:
            assigned += [("rapportering.lex_maria_utreds_av", report.lex_maria_utreds_av),
                         ("rapportering.lex_maria_anmäls_av", report.lex_maria_anmäls_av)]
        return assigned

    @property
    def vård(self) -> bool:
        """Hälso- och sjukvård is in scope: the förvaltning is a vårdgivare."""
        return "hälso- och sjukvård" in self.omfattning

    @property
    def socialtjänst_lss(self) -> bool:
        return "socialtjänst" in self.omfattning or "lss" in self.omfattning

    @property
    def lss(self) -> bool:
        return "lss" in self.omfattning


# Characters Word puts in pasted text, and what YAML should see instead.
_PASTED = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " ",
                         "\u202f": " ", "\u2007": " ", "\u00ad": None, "\u200b": None, "\u200c": None,
                         "\u200d": None, "\ufeff": None, "\u2028": "\n", "\u2029": "\n", "\t": "  "})


def load_description(path: Path) -> Description:
    """Read and validate a description; DescriptionError lists every problem with where it stands."""
    import yaml

    from sosfs_check.errors import DescriptionError, InputNotFoundError
    from sosfs_check.yaml_files import load_yaml

    if not path.is_file():
        raise InputNotFoundError("beskrivningen finns inte", path)
    try:
        raw = load_yaml(path.read_text(encoding="utf-8-sig").translate(_PASTED), dates=False)
    except UnicodeDecodeError:
        raise DescriptionError(["filen är inte UTF-8-text"], path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"rad {mark.line + 1}: " if mark is not None else ""
        raise DescriptionError([f"{where}filen är inte giltig YAML ({getattr(exc, 'problem', None) or exc})"],
                               path) from None
    if not isinstance(raw, dict):
        raise DescriptionError(["filen ska innehålla fälten kommun, nämnd, förvaltning … (se --exempel)"], path)
    try:
        return Description.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        # A list whose items are invalid is also "too short" to the validator: its items' errors say it all.
        inner = {error["loc"][:depth] for error in errors for depth in range(len(error["loc"]))}
        problems = [problem for error in errors if not (error["type"] == "too_short" and error["loc"] in inner)
                    for problem in _problems(error)]
        raise DescriptionError(problems, path) from None


def _problems(error: ErrorDetails) -> list[str]:
    """One validation error in Swedish, with its path in the file ("processer.2.ägare"); the model's own check
    (roles) lists several at once."""
    if error["type"] == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"])).split("; ")
    return [_problem(error)]


def _problem(error: ErrorDetails) -> str:
    where = ".".join(str(part + 1) if isinstance(part, int) else str(part) for part in error["loc"])
    kind = error["type"]
    if kind == "missing":
        return f"{where}: saknas"
    if kind == "extra_forbidden":
        return f"{where}: okänt fält (stavfel?)"
    if kind in ("literal_error", "enum"):
        allowed = error.get("ctx", {}).get("expected", "")
        return f"{where}: okänt värde {error.get('input')!r}; tillåtna: {allowed}".replace(" or ", ", ")
    if kind in ("too_short",):
        return f"{where}: för få poster (minst {error.get('ctx', {}).get('min_length', 1)})"
    if kind.startswith("date"):
        return f"{where}: inte ett datum (skriv ÅÅÅÅ-MM-DD)"
    if kind == "string_too_short":
        return f"{where}: får inte vara tomt"
    return f"{where}: ogiltigt värde ({error['msg']})"
