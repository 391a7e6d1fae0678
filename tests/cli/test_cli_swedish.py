"""Everything the CLI itself shows is Swedish: help pages (-h and --help), usage errors, --version; and the
table of typer's English texts (sosfs_check/cli/data/click_sv.yaml) still matches the installed typer."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

import sosfs_check
from sosfs_check.cli.app import app
from sosfs_check.cli.swedish import load_catalog, placeholders

COMMANDS = ["catalog", "read", "check", "explain", "schema"]
# What typer 0.29 and click write in English, in help pages and errors.
ENGLISH = ["Usage", "Options", "Arguments", "Commands", "Show this message", "Missing", "Try '", "Error",
           "[default", "[required]", "<list[", "TEXT", "PATH", "INTEGER", "Invalid value", "is not one of",
           "No such option", "No such command", "[OPTIONS]", "COMMAND", "[ARGS]", "<str", "<int", "<bool",
           "<path", "Possible options", "Did you mean", "Got unexpected", "requires", "Value error",
           "Input should", "for help"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sosfs_check", *args], capture_output=True, text=True,
                          check=False, env={**os.environ, **(env or {})})


def plain(output: str) -> str:
    """The words of a (rich) output: panel borders dropped, line wrapping undone."""
    return " ".join(re.sub(r"[─│╭╮╰╯]", " ", output).split())


def english_in(output: str) -> list[str]:
    return [word for word in ENGLISH if word in output]


@pytest.mark.parametrize("command", [None, *COMMANDS])
@pytest.mark.parametrize("help_option", ["-h", "--help"])
def test_help_pages_are_swedish(command, help_option):
    result = CliRunner().invoke(app, [command, help_option] if command else [help_option])
    assert result.exit_code == 0, result.output
    text = plain(result.output)
    assert english_in(text) == [], text
    assert "Användning: sosfs-check" in text and "[FLAGGOR]" in text
    assert "Flaggor" in text and "--help -h Visa den här hjälpen och avsluta." in text
    if command is None:
        assert "KOMMANDO [ARGUMENT]..." in text and "Kommandon" in text and "--version" in text
    elif command in ("read", "explain"):
        assert f"{command} [FLAGGOR] {{FIL}}" in text and "Argument" in text and "[krävs]" in text
    elif command == "check":  # one or more documents or folders
        assert "check [FLAGGOR] {FIL|MAPP...}..." in text and "<lista[sökväg]>" in text and "[krävs]" in text


def test_help_of_the_real_command_names_types_and_values_in_swedish():
    text = plain(run("read", "--help").stdout)
    assert english_in(text) == [], text
    assert "FIL <sökväg>" in text and "--output -o FIL" in text
    assert "--max-xml-mb <heltal>" in text and "[standard: 200]" in text
    assert "<text|json|md>" in text  # the values themselves are the user's words
    assert re.search(r"--force Skriv över", text)  # a flag shows no type
    check = plain(run("check", "-h").stdout)
    assert "--omfattning VERKSAMHET" in check and english_in(check) == []
    assert "--katalog MAPP" in plain(run("catalog", "-h").stdout)


# (arguments, what the message must say, whether usage and hint come first: the option parser's own errors
# come without them). Every one is a usage error: exit code 2.
USAGE_ERRORS = [
    (["check"], "Saknar argument 'FIL|MAPP...'.", True),
    (["check", "x.md", "--bogus"], "Okänd flagga: --bogus", True),
    (["check", "x.md", "--forc"], "Okänd flagga: --forc (Möjliga flaggor: --force, --format)", True),
    (["check", "x.md", "--format", "x"],
     "Ogiltigt värde för '--format' / '-f': 'x' är inte något av 'json', 'md', 'html', 'docx', 'xlsx'.", True),
    (["check", "x.md", "--format"], "Flaggan '--format' kräver ett värde.", False),
    (["check", "x.md", "--force=ja"], "Flaggan '--force' tar inget värde.", False),
    (["schema", "extra"], "Oväntade extra argument (extra)", True),
    (["read", "x.md", "--max-xml-mb", "abc"], "Ogiltigt värde för '--max-xml-mb': värdet ska vara ett heltal", True),
    (["chek"], "Kommandot 'chek' finns inte. Menade du 'check'", True),
]


@pytest.mark.parametrize(("args", "message", "with_usage"), USAGE_ERRORS)
def test_usage_errors_are_swedish_with_exit_code_2(args, message, with_usage):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    text = plain(result.output)
    assert message in text and "Fel" in text, text
    assert english_in(text) == [], text
    usage = f"Användning: sosfs-check {args[0] if args[0] in COMMANDS else ''}"
    assert (usage in text and "--help' för att få hjälp." in text) is with_usage, text


def test_path_checks_typer_makes_are_swedish(tmp_path, monkeypatch):
    """Paths declared with exists=True or file_okay=False (none yet in the app; batch input will want them)."""
    folder_app = typer.Typer()

    @folder_app.command()
    def batch(folder: Annotated[Path, typer.Argument(metavar="MAPP", exists=True, file_okay=False)]) -> None:
        """Granska alla dokument i en mapp."""

    monkeypatch.chdir(tmp_path)  # short names: a long path would be folded inside the error panel
    Path("plan.docx").write_bytes(b"")
    is_a_file = plain(CliRunner().invoke(folder_app, ["plan.docx"]).output)
    assert "Ogiltigt värde för 'MAPP': mappen 'plan.docx' är en fil." in is_a_file
    missing = CliRunner().invoke(folder_app, ["saknas"])
    assert missing.exit_code == 2 and "finns inte." in plain(missing.output)
    assert english_in(is_a_file + plain(missing.output)) == []


def test_real_cli_usage_error_is_swedish_on_stderr():
    result = run("check")
    assert result.returncode == 2 and result.stdout == ""
    text = plain(result.stderr)
    assert "Användning:" in text and "Kör '" in text and "check --help' för att få hjälp." in text
    assert "Fel" in text and "Saknar argument 'FIL|MAPP...'." in text and english_in(text) == []


def test_without_rich_the_plain_help_and_error_lines_are_swedish_too():
    env = {"TYPER_USE_RICH": "0"}
    help_text = run("check", "--help", env=env).stdout
    assert "Argument:" in help_text and "Flaggor:" in help_text and english_in(help_text) == []
    error = run("check", "x.md", "--forc", env=env)
    assert error.returncode == 2
    assert "Fel: Okänd flagga: --forc (Möjliga flaggor: --force, --format)" in error.stderr
    assert "Kör '" in error.stderr and english_in(error.stderr) == []


def test_version_prints_the_version_and_exits_0():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout == f"sosfs-check {sosfs_check.__version__}\n"


def test_help_loads_the_swedish_table_without_pydantic():
    probe = ("import sys; sys.argv = ['sosfs-check', '--help']\n"
             "from sosfs_check.cli.app import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert "Användning:" in out and out.splitlines()[-1] == "False"


def _source_files(glob: str) -> list[Path]:
    package = glob.split("/", 1)[0]
    module_file = importlib.import_module(package).__file__
    assert module_file is not None
    return sorted(path for path in Path(module_file).parent.parent.glob(glob) if path.is_file())


@pytest.mark.parametrize("message", load_catalog().messages, ids=lambda message: message.en[:40])
def test_every_english_text_is_still_in_the_installed_source(message):
    """An upgrade of typer (or pydantic) that rewords a message makes this fail, instead of leaving it English."""
    files = _source_files(message.source)
    assert files, f"no file {message.source}"
    spellings = {message.en.encode(), message.en.replace("\n", "\\n").replace("\t", "\\t").encode()}
    assert any(spelling in path.read_bytes() for path in files for spelling in spellings), message.en


@pytest.mark.parametrize("message", load_catalog().messages, ids=lambda message: message.en[:40])
def test_every_placeholder_is_kept_in_swedish(message):
    assert sorted(placeholders(message.sv)) == sorted(placeholders(message.en))


def test_nested_messages_are_translated_but_the_users_words_are_not():
    catalog = load_catalog()
    assert catalog.translate("Missing option '--typ'. Choose from:\n\ta,\n\tb") == (
        "Saknar flagga '--typ'. Välj bland:\n\ta,\n\tb")
    assert catalog.translate("Got unexpected extra argument(s) (option)") == "Oväntade extra argument (option)"
    assert catalog.translate("Något helt annat.") == "Något helt annat."


@pytest.mark.parametrize(("broken", "complaint"), [
    ('messages: [{en: "Missing {x}.", sv: "Saknar.", source: typer/core.py}]\ntypes: {list: lista}', "placeholders"),
    ('messages: [{en: "Error", sv: "Fel", source: typer/core.py, note: x}]\ntypes: {list: lista}', "note"),
    ('messages: [{en: "Error", sv: "Fel"}]\ntypes: {list: lista}', "source"),
    ('messages: []\ntypes: {list: lista}\nextra: 1', "exactly the keys"),
])
def test_a_broken_table_is_refused_on_load(tmp_path, broken, complaint):
    path = tmp_path / "click_sv.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError, match=complaint):
        load_catalog(path)
