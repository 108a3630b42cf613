"""``refs`` and ``refs --help`` print the kept help (refs/data/help.txt) without typer: it
must be typer's own text, and typer answers wherever its text would differ."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from refs.cli import startup as light_help
from tests.helpers.cli_run import run, run_main


def test_kept_help_is_typers_own() -> None:
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run(
        [sys.executable, "-m", "refs.cli.commands", "--help"],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    with open(light_help.HELP_FILE, encoding="utf-8") as f:
        kept = f.read()
    assert done.stdout == kept, "refs/data/help.txt is out of date: run make golden"


@pytest.mark.parametrize(("args", "code"), [([], 2), (["--help"], 0), (["-h"], 0)])
def test_light_help_answers_as_typer(
    args: list[str], code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    light = run_main(*args)
    monkeypatch.setattr(light_help, "print_help", lambda argv=None: False)  # typer answers
    assert light == run_main(*args)
    assert light[0] == code and (light[1] or light[2]).startswith("Usage: refs [OPTIONS] COMMAND")
    assert run(*args)[0] == code


@pytest.mark.parametrize(
    ("argv", "env"),
    [
        (["refs", "parse", "--help"], {}),  # a command's help: typer's
        (["refs", "--help", "--quiet"], {}),
        (["refs"], {"_REFS_COMPLETE": "bash_complete"}),  # completion asks with no arguments
        (["refs", "--help"], {"COLUMNS": "79"}),  # click wraps to a narrower terminal
    ],
)
def test_typer_answers_anything_else(
    argv: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert light_help.print_help(argv) is False


def test_columns_as_click_measures_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "123")
    assert light_help.columns() == 123
    monkeypatch.setenv("COLUMNS", "wide")
    assert light_help.columns() > 0


def test_every_command_is_found_in_its_module() -> None:
    from typer.main import get_command_name

    from refs.cli.commands import app

    found = {
        c.name or get_command_name(c.callback.__name__): c.callback.__module__
        for c in app.registered_commands
        if c.callback is not None
    }
    for group in app.registered_groups:
        assert group.name and group.typer_instance
        found[group.name] = group.typer_instance.registered_commands[0].callback.__module__
    assert {n: f"refs.cli.{m}" for n, m in light_help.COMMANDS.items()} == found
