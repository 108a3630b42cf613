"""A library in a folder this user cannot write (a shared, read-only copy): reading
commands work (`list` failed), writing ones answer with one line and exit 2, and nothing
is changed. Root ignores file modes, so as root refs runs as the unprivileged user
65534 (setpriv or runuser); without either the test skips locally and fails in CI."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import DATA, SEEDS
from tests.helpers.cli_run import run

SEED0 = str(SEEDS / "000_ef633acc338f5415.txt")
NOBODY = 65534


def _as_user() -> list[str]:
    """The prefix that runs a command as a user file modes apply to."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv"):
        return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    if os.environ.get("CI"):
        pytest.fail("running as root without setpriv or runuser: cannot test a read-only folder")
    pytest.skip("running as root without setpriv or runuser: file modes cannot be tested")


@pytest.fixture
def shared() -> Iterator[Path]:
    """A library in a folder (and a file) nobody but its owner may write."""
    prefix = _as_user()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "shared"
        folder.mkdir()
        lib = folder / "t.db"
        assert run("--quiet", "add", SEED0, "--library", str(lib))[0] in (0, 1)
        lib.chmod(0o444)
        folder.chmod(0o555)
        Path(tmp).chmod(0o755)
        probe = subprocess.run([*prefix, sys.executable, "-c", "import refs"], check=False)
        if probe.returncode != 0:
            pytest.skip("the unprivileged user cannot read this checkout")
        try:
            yield lib
        finally:
            folder.chmod(0o755)


def _refs(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_as_user(), sys.executable, "-m", "refs", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "REFS_LOCK_WAIT": "1"},
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--format", "json"],
        ["export", "-f", "bibtex"],
        ["render", "--style", "apa"],
        ["doctor"],
    ],
)
def test_reading_commands_work_in_a_read_only_folder(shared: Path, args: list[str]) -> None:
    before = _digest(shared)
    done = _refs(*args, "--library", str(shared))
    assert done.returncode == 0, done.stderr
    assert (done.stdout or "ok" in done.stderr) and "Traceback" not in done.stderr
    assert _digest(shared) == before
    assert sorted(p.name for p in shared.parent.iterdir()) == ["t.db"]


@pytest.mark.parametrize(
    "args",
    [
        ["add", SEED0],
        ["dedupe", "--apply"],
        ["backup"],
        ["import", str(DATA / "full_items" / "pandoc.json")],
    ],
)
def test_writing_commands_say_so_in_one_line(shared: Path, args: list[str]) -> None:
    before = _digest(shared)
    done = _refs(*args, "--library", str(shared))
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert "read-only" in done.stderr or "Permission denied" in done.stderr, done.stderr
    assert _digest(shared) == before


def test_a_new_library_in_a_read_only_folder_names_the_folder(shared: Path) -> None:
    done = _refs("add", SEED0, "--library", str(shared.parent / "new.db"))
    assert done.returncode == 2
    assert "is not writable for this user" in done.stderr, done.stderr
    assert not (shared.parent / "new.db").exists()
