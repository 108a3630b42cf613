"""The seal: a big library refs left as it was is not quick-checked again; any change to
the file (damage right after the command, a log left by a crash, another program's write)
brings the full check back."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from refs.library import guard, seal, store
from tests.helpers import SEEDS
from tests.helpers.cli_run import run_main
from tests.library.test_damage import DAMAGES

SEED = str(SEEDS / "001_71ef8663aa33fb13.txt")


@pytest.fixture(autouse=True)
def every_size(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Seal libraries of any size, into a cache of the test's own."""
    monkeypatch.setenv("REFS_SEAL_MIN_BYTES", "0")
    monkeypatch.setenv("REFS_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each opening ran SQLite's quick check."""
    ran: list[bool] = []
    refuse = guard.refuse_damaged

    def spy(db: sqlite3.Connection, path: Path, version: int, quick: bool) -> None:
        ran.append(quick)
        refuse(db, path, version, quick)

    monkeypatch.setattr(store, "refuse_damaged", spy)
    return ran


def _library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.db"
    code, _, err = run_main("add", str(SEEDS), "--library", str(path))
    assert code == 0, err
    return path


def test_a_library_refs_left_is_not_checked_again(tmp_path: Path, checks: list[bool]) -> None:
    path = _library(tmp_path)
    assert seal.is_sealed(path)
    checks.clear()
    assert run_main("list", "--library", str(path))[0] == 0
    assert run_main("tag", "ap2000kim", "korea", "--library", str(path))[0] == 0
    assert run_main("list", "--library", str(path))[0] == 0
    assert checks == [False, False, False]  # the tag's write sealed the file anew


def test_a_small_library_is_checked_every_time(
    tmp_path: Path, checks: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REFS_SEAL_MIN_BYTES")
    path = _library(tmp_path)
    assert not seal.is_sealed(path)
    checks.clear()
    assert run_main("list", "--library", str(path))[0] == 0
    assert checks == [True]


def test_a_log_left_beside_the_file_breaks_the_seal(tmp_path: Path, checks: list[bool]) -> None:
    path = _library(tmp_path)
    with closing(sqlite3.connect(path)) as writer:  # a writer that has not checkpointed
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE records SET title = title || '.' WHERE id = 1")
        writer.commit()
        assert Path(f"{path}-wal").stat().st_size > 0
        assert not seal.is_sealed(path)
        checks.clear()
        assert run_main("list", "--library", str(path))[0] == 0
        assert checks == [True]


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_damage_right_after_a_command_is_still_refused(tmp_path: Path, damage: str) -> None:
    path = _library(tmp_path)
    good = path.read_bytes()
    assert seal.is_sealed(path)
    DAMAGES[damage](good, path)  # at once: within the file system clock's tick
    for command in (["list"], ["add", SEED]):
        code, _, err = run_main(*command, "--library", str(path))
        assert code == 2, (damage, command, err)
        assert len(err.splitlines()) == 1


def test_an_unwritable_cache_only_means_a_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checks: list[bool]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("REFS_CACHE_DIR", str(blocker))
    path = _library(tmp_path)
    assert not seal.is_sealed(path)
    checks.clear()
    assert run_main("list", "--library", str(path))[0] == 0
    assert checks == [True]
