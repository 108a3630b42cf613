"""``refs check PATH...`` and ``refs parse PATH...`` without typer (refs.cli.quick): the
forms it takes, and the same output, messages and exit code as the typer commands (a
fresh interpreter each)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from refs.cli.quick import quick_args
from tests.helpers import SEEDS

SEED = str(SEEDS / "000_ef633acc338f5415.txt")
# the typer command, with the same argv: the quick path skipped
TYPER = (
    "import sys\n"
    "sys.argv = ['refs', *sys.argv[1:]]\n"
    "from refs.cli.startup import load_commands\n"
    "load_commands()\n"
    "from refs.cli.app import main\n"
    "main()\n"
)
QUICK = "import sys\nsys.argv = ['refs', *sys.argv[1:]]\nfrom refs.cli import main\nmain()\n"


def test_the_quick_forms() -> None:
    assert quick_args(["check", "a.txt", "b"]) == ([Path("a.txt"), Path("b")], "check-text", None)
    assert quick_args(["check", "-f", "json", "a", "--jobs", "2"]) == (
        [Path("a")],
        "check-json",
        2,
    )
    assert quick_args(["check", "--format", "json", "--format", "text", "a", "-j", "01"]) == (
        [Path("a")],
        "check-text",
        1,
    )
    assert quick_args(["parse", "a", "-j", "2"]) == ([Path("a")], "parse-json", 2)
    assert quick_args(["parse", "-f", "json", "a"]) == ([Path("a")], "parse-json", None)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["check"],  # the library
        ["parse"],
        ["parse", "a", "--format", "table"],  # not streamed
        ["parse", "a", "-f", "text"],
        ["parse", "-"],  # stdin
        ["render", "a"],
        ["-q", "check", "a"],
        ["check", "a", "-o", "out.txt"],
        ["check", "a", "--format", "html"],
        ["check", "a", "--format=json"],
        ["check", "a", "--jobs", "0"],
        ["check", "a", "--jobs", "two"],
        ["check", "a", "--jobs", "²"],
        ["check", "a", "--jobs"],
        ["check", "-"],
        ["check", "--", "a"],
        ["check", "a", "--min-coverage", "0.5"],
    ],
)
def test_other_forms_are_typers(args: list[str]) -> None:
    assert quick_args(args) is None


def test_a_completion_request_is_typers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_REFS_COMPLETE", "complete_bash")
    assert quick_args(["check", "a"]) is None


def _run(program: str, args: list[str]) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-c", program, *args], capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(SEEDS)],
        ["check", str(SEEDS), "--format", "json", "-j", "2"],
        ["check", SEED, "-f", "json"],
        ["check", "no-such-file.txt", SEED],
        ["check", "no-such-file.txt"],
        ["parse", str(SEEDS)],
        ["parse", SEED, "--format", "json", "--jobs", "2"],
        ["parse", "no-such-file.txt", SEED],
    ],
)
def test_the_same_as_the_typer_command(args: list[str]) -> None:
    quick = _run(QUICK, args)
    assert quick == _run(TYPER, args)
    assert quick[1] or quick[0] == 2
