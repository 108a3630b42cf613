"""A library another command is writing: a writer waits (bounded, saying so once),
retries and succeeds when the lock is released; after the wait it gives up with one
clear message and exit 2, having written nothing."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from refs.library import lock
from tests.helpers import SEEDS
from tests.helpers.cli_run import run_main

SEED0 = str(SEEDS / "000_ef633acc338f5415.txt")
SEED1 = str(SEEDS / "001_71ef8663aa33fb13.txt")


@pytest.fixture
def library(tmp_path: Path) -> str:
    lib = str(tmp_path / "t.db")
    code, _, err = run_main("add", SEED0, "--library", lib)
    assert code == 0, err
    return lib


def _hold(lib: str, seconds: float, after: threading.Event | None = None) -> threading.Thread:
    """Hold the write lock for ``seconds`` (counted from ``after``, when given)."""
    ready = threading.Event()

    def hold() -> None:
        db = sqlite3.connect(lib, isolation_level=None, check_same_thread=False)
        db.execute("BEGIN IMMEDIATE")
        ready.set()
        if after is not None:
            after.wait(60)
        time.sleep(seconds)
        db.execute("ROLLBACK")
        db.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(5)
    return thread


@pytest.fixture
def asking(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Set when a writer reaches the lock (however slow its start under load)."""
    event = threading.Event()
    seconds = lock.wait_seconds

    def wait_seconds() -> float:
        event.set()
        return seconds()

    monkeypatch.setattr(lock, "wait_seconds", wait_seconds)
    return event


def test_a_writer_waits_for_the_lock_and_retries(
    library: str, monkeypatch: pytest.MonkeyPatch, asking: threading.Event
) -> None:
    monkeypatch.setenv("REFS_LOCK_WAIT", "30")
    holder = _hold(library, 1.5, after=asking)
    code, _, err = run_main("add", SEED1, "--library", library)
    holder.join()
    assert code == 0, err
    assert err.count("waiting for another command to finish writing") == 1


def test_a_writer_gives_up_after_the_wait(
    library: str, monkeypatch: pytest.MonkeyPatch, asking: threading.Event
) -> None:
    monkeypatch.setenv("REFS_LOCK_WAIT", "0.5")
    before = run_main("list", "--format", "json", "--library", library)
    holder = _hold(library, 3, after=asking)
    code, _, err = run_main("add", SEED1, "--library", library)
    holder.join()
    assert code == 2
    assert "is being written by another command (waited" in err
    assert "Traceback" not in err
    assert run_main("list", "--format", "json", "--library", library) == before
