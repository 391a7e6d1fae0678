"""Swedish for the texts typer writes itself: usage line, help panels, error messages, value types.

typer 0.29 carries its own copy of click (typer._click) whose messages are f-strings, not gettext calls, so
they cannot be translated where they are written. They are translated where they leave typer instead: an
exception's `format_message`, the error lines echoed without rich, the usage prefix and pieces, the help
option's help and the value type shown in the help. The few texts typer does pass through gettext (typer.core's
`_`, the titles typer.rich_utils computes at import) are looked up in the same table, data/click_sv.yaml,
which maps each English template, spelt as in typer's source, to Swedish.

The table is validated by plain dataclasses rather than pydantic: `--help` does not otherwise import pydantic,
which would add about 0.1 s to its start-up (benchmarks/cli_startup.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sosfs_check.yaml_files import load_yaml

CATALOG = Path(__file__).with_name("data") / "click_sv.yaml"
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_WORD = re.compile(r"\w+")
_LIST_OF = re.compile(r"(?<=<)list(?=\[)")
# typer.rich_utils' texts, computed at its import (through gettext) and read when help or an error is printed.
_RICH_TEXTS = ("DEPRECATED_STRING", "DEFAULT_STRING", "ENVVAR_STRING", "REQUIRED_LONG_STRING",
               "ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE", "ERRORS_PANEL_TITLE",
               "ABORTED_TEXT", "RICH_HELP")


def placeholders(template: str) -> list[str]:
    """A template's placeholders as written between its braces: "name!r", "self.message", "" …"""
    return _PLACEHOLDER.findall(template)


@dataclass(frozen=True)
class Message:
    """One English text of typer and its Swedish translation (the keys are described in click_sv.yaml)."""

    en: str
    sv: str
    source: str
    nested: tuple[str, ...] = ()
    patterns: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names = placeholders(self.en)
        problems = [f"{key} is not text" for key in ("en", "sv", "source") if not isinstance(getattr(self, key), str)]
        if not problems:
            if sorted(placeholders(self.sv)) != sorted(names):
                problems.append(f"sv has the placeholders {placeholders(self.sv)}, en has {names}")
            if len(set(names)) != len(names):
                problems.append("a placeholder occurs twice in en")
            unknown = (set(self.nested) | set(self.patterns)) - set(names)
            if unknown:
                problems.append(f"nested/patterns name {sorted(unknown)}, which are not placeholders of en")
        if problems:
            raise ValueError(f"{CATALOG.name}, {self.en!r}: " + "; ".join(problems))

    def matcher(self) -> re.Pattern[str]:
        """The English text as a regular expression: the literal parts as they are, placeholders as groups."""
        parts, end = [], 0
        for index, found in enumerate(_PLACEHOLDER.finditer(self.en)):
            parts += [re.escape(self.en[end:found.start()]), f"(?P<p{index}>{self.patterns.get(found[1], '.+?')})"]
            end = found.end()
        return re.compile("".join([*parts, re.escape(self.en[end:])]), re.DOTALL)


class Catalog:
    """The Swedish of typer's texts: exact look-ups (gettext) and whole-message matches (f-strings)."""

    def __init__(self, messages: tuple[Message, ...], types: Mapping[str, str]) -> None:
        self.messages = messages
        self.types = types
        self._exact = {message.en: message.sv for message in messages}
        self._matchers = [(message, message.matcher()) for message in messages if placeholders(message.en)]

    def gettext(self, msgid: str) -> str:
        """The Swedish of a text typer looks up by its exact English wording; others unchanged."""
        return self._exact.get(msgid, msgid)

    def translate(self, text: str) -> str:
        """`text` rebuilt in Swedish if it is one of typer's messages (the first entry matching it whole)."""
        if text in self._exact:
            return self._exact[text]
        for message, matcher in self._matchers:
            match = matcher.fullmatch(text)
            if match is not None:
                return self._rebuild(message, match)
        return text

    def _rebuild(self, message: Message, match: re.Match[str]) -> str:
        """message.sv with the texts the English placeholders matched (nested ones translated in turn)."""
        values = {name: match[f"p{index}"] for index, name in enumerate(placeholders(message.en))}
        for name in message.nested:
            values[name] = self.translate(values[name])
        return _PLACEHOLDER.sub(lambda found: values[found[1]], message.sv)

    def type_label(self, label: str, *, choices: bool) -> str:
        """A value type as typer shows it ("<int>", "<list[str]>", "<json|md>") in Swedish; choices are the
        user's own words, so of those only the list wrapper is translated."""
        if choices:
            return _LIST_OF.sub(self.types["list"], label)
        return _WORD.sub(lambda word: self.types.get(word[0], word[0]), label)


@cache
def load_catalog(path: Path = CATALOG) -> Catalog:
    """click_sv.yaml, validated: unknown or missing keys, lost placeholders and bad patterns are errors."""
    raw = load_yaml(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or set(raw) != {"messages", "types"}:
        raise ValueError(f"{path.name}: expected exactly the keys 'messages' and 'types'")
    try:
        messages = tuple(Message(**{**entry, "nested": tuple(entry.get("nested", ()))}) for entry in raw["messages"])
        for message in messages:
            message.matcher()
    except (TypeError, AttributeError, re.error) as exc:
        raise ValueError(f"{path.name}: {exc}") from exc
    types = raw["types"]
    if not isinstance(types, dict) or not all(isinstance(v, str) for v in [*types, *types.values()]):
        raise ValueError(f"{path.name}: 'types' must map type names to Swedish words")
    if "list" not in types:
        raise ValueError(f"{path.name}: 'types' needs the word for 'list'")
    return Catalog(messages, types)


def _wrap(owner: Any, name: str, wrapper: Callable[[Any], Any]) -> None:
    """Replace owner.<name> (a function or method defined on owner itself) by wrapper(original)."""
    setattr(owner, name, wrapper(vars(owner)[name]))


@cache
def install() -> None:
    """Make typer speak Swedish in this process. Idempotent; call it before the app runs."""
    from typer import core

    catalog = load_catalog()
    _wrap(core, "_", lambda _gettext: catalog.gettext)
    _localise_errors(catalog)
    _localise_help(catalog)
    if core.HAS_RICH:
        _localise_rich(catalog)


def _localise_errors(catalog: Catalog) -> None:
    """Error messages, wherever typer builds them: every exception's format_message, and the lines it echoes
    itself when rich is off ("Error: …", "Try … for help.")."""
    from typer._click import exceptions
    from typer.exceptions import TyperException

    def localised_message(original: Callable[[Any], str]) -> Callable[[Any], str]:
        return lambda exc: catalog.translate(original(exc))

    classes = {value for value in vars(exceptions).values() if isinstance(value, type)} | {TyperException}
    for cls in classes:
        if issubclass(cls, TyperException) and "format_message" in vars(cls):
            _wrap(cls, "format_message", localised_message)

    def localised_echo(original: Callable[..., None]) -> Callable[..., None]:
        return lambda message=None, *args, **kwargs: original(
            catalog.translate(message) if isinstance(message, str) else message, *args, **kwargs)

    _wrap(exceptions, "echo", localised_echo)


def _localise_help(catalog: Catalog) -> None:
    """The usage line ("Usage: … [OPTIONS] COMMAND [ARGS]..."), the help option's help and the value types."""
    from typer import core
    from typer._click import core as click_core
    from typer._click import formatting

    def localised_usage(original: Callable[..., None]) -> Callable[..., None]:
        return lambda formatter, prog, args="", prefix=None: original(
            formatter, prog, args, catalog.gettext("Usage: ") if prefix is None else prefix)

    _wrap(formatting.HelpFormatter, "write_usage", localised_usage)

    def localised_pieces(original: Callable[[Any, Any], list[str]]) -> Callable[[Any, Any], list[str]]:
        return lambda command, ctx: [catalog.gettext(piece) for piece in original(command, ctx)]

    for command_class in (click_core.Command, core.TyperGroup):
        _wrap(command_class, "collect_usage_pieces", localised_pieces)

    def localised_help_option(original: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
        def get_help_option(command: Any, ctx: Any) -> Any:
            option = original(command, ctx)
            if option is not None and option.help:
                option.help = catalog.gettext(option.help)
            return option

        return get_help_option

    _wrap(click_core.Command, "get_help_option", localised_help_option)

    def localised_type(original: Callable[[Any, Any], str]) -> Callable[[Any, Any], str]:
        def display_type(param: Any, ctx: Any) -> str:
            if getattr(param, "is_flag", False):
                return ""  # a flag takes no value, so it has no type to show
            return catalog.type_label(original(param, ctx), choices=param.type_descriptor.is_choice)

        return display_type

    _wrap(core._TyperParameter, "display_type", localised_type)


def _localise_rich(catalog: Catalog) -> None:
    """typer.rich_utils' panel titles and notes and its highlighting of the usage prefix. The module computes
    its texts when imported and typer imports it only to print help or an error, so it is imported here to set
    them once (about 0.05 s, which help and errors pay anyway)."""
    from typer import rich_utils

    for name in _RICH_TEXTS:
        setattr(rich_utils, name, catalog.gettext(getattr(rich_utils, name)))
    usage = rf"(?P<usage>{re.escape(catalog.gettext('Usage: '))})"
    rich_utils.OptionHighlighter.highlights = [*rich_utils.OptionHighlighter.highlights, usage]
