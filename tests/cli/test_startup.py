"""Start-up: each command imports only what it uses (a fresh interpreter per case)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import SEEDS

SEED = str(SEEDS / "000_ef633acc338f5415.txt")
PROBE = (
    "import sys, atexit\n"
    "atexit.register(lambda: print(' '.join(sorted(sys.modules)), file=sys.__stderr__))\n"
    "sys.argv = ['refs', *sys.argv[1:]]\n"
    "from refs.cli import main\n"
    "main()\n"
)


def modules(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    return set(done.stderr.strip().splitlines()[-1].split())


@pytest.mark.parametrize(
    ("args", "absent"),
    [
        (["--help"], {"typer", "refs.cli.app", "pydantic", "refs.models", "refs.pipeline"}),
        ([], {"typer", "refs.cli.app", "pydantic"}),
        (["parse", "--help"], {"refs.models", "refs.pipeline", "sqlite3", "orjson"}),
        (
            ["check", SEED],
            {"rapidfuzz", "citeproc", "lxml", "refs.library.store", "rich", "wcwidth", "typer"}
            | {"refs.cli.library", "refs.cli.curation", "refs.cli.intake", "refs.cli.commands"}
            | {"pydantic", "anyascii", "tempfile", "calendar"},  # the models are dataclasses
        ),
        (
            ["parse", SEED],
            {"rapidfuzz", "citeproc", "lxml", "refs.check.link", "typer", "pydantic"},
        ),
        (["parse", SEED, "-f", "table"], {"rapidfuzz", "citeproc", "lxml", "refs.check.link"}),
    ],
)
def test_commands_import_only_what_they_use(args: list[str], absent: set[str]) -> None:
    loaded = modules(*args)
    assert "refs.cli" in loaded
    assert not loaded & absent, sorted(loaded & absent)
