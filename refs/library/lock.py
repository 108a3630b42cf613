"""Waiting for the write lock: another command may hold the library for a while (a
10,000-article add holds it about 7 s). A writer waits up to ``$REFS_LOCK_WAIT`` seconds
(60 by default), says once that it is waiting, retries, and then gives up with a clear
message; nothing is written before it has the lock."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from refs.errors import LibraryError

if TYPE_CHECKING:  # sqlite3 loads with the store, not with `refs --help`
    from refs.library.connection import Connection

DEFAULT_WAIT = 60.0
# Set by the CLI: how to tell the user that we wait (the library never prints).
notice: Callable[[str], None] | None = None


def wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get("REFS_LOCK_WAIT", DEFAULT_WAIT)))
    except ValueError:
        return DEFAULT_WAIT


def begin_immediate(db: Connection, path: Path) -> None:
    """``BEGIN IMMEDIATE``, waiting (bounded, with one notice) while another writer holds
    the library. Raises LibraryError when the wait is over or SQLite refuses."""
    import sqlite3

    wait = wait_seconds()
    deadline = time.monotonic() + wait
    told = False
    db.execute("PRAGMA busy_timeout = 500")
    try:
        while True:
            try:
                db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "readonly" in str(exc):
                    raise LibraryError(
                        f"cannot write {path}: the file or its folder is read-only for this "
                        "user; nothing was changed"
                    ) from None
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise LibraryError(f"cannot write {path}: {exc}") from None
            if time.monotonic() >= deadline:
                raise LibraryError(
                    f"{path} is being written by another command (waited {wait:.0f} s); "
                    "try again when it has finished, or wait longer with REFS_LOCK_WAIT=SECONDS"
                )
            if not told and notice is not None:
                notice(f"refs: waiting for another command to finish writing {path} ...")
                told = True
            time.sleep(0.1)
    finally:
        db.execute("PRAGMA busy_timeout = 5000")
