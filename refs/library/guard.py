"""The library guards itself when it is opened: a file that is empty, damaged or not a
refs library is refused with one clear message (exit 2) before anything reads or writes
it. Used by refs.library.store.Library; `refs doctor` gives the full diagnosis."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from refs.errors import LibraryError

# The tables every refs library of schema version 1 or later holds.
REQUIRED_TABLES = frozenset(
    {"articles", "article_files", "records", "citations", "keys", "distinct_pairs"}
)


def damaged(path: Path, why: str) -> LibraryError:
    """The one-line refusal of a damaged library, naming what to do."""
    why = " ".join(why.replace("*", " ").split())
    return LibraryError(
        f"{path} is damaged ({why}); nothing was read or changed. "
        f"See what can be saved: refs doctor --library {path}"
    )


def refuse_empty_file(path: Path) -> None:
    """A 0-byte file is not a new library: it may be one that was cut off."""
    try:
        size = path.stat().st_size
    except OSError:
        return
    if size == 0 and path.is_file():
        raise LibraryError(
            f"{path} is an empty file (0 bytes), not a refs library; "
            "remove it to start a new library there, or name another with --library"
        )


def text_of(data: bytes) -> str:
    """SQLite text as Python text: bytes that are not UTF-8 (damage SQLite cannot see)
    become U+FFFD instead of a UnicodeDecodeError halfway through a command;
    `refs doctor` reports them."""
    return data.decode("utf-8", errors="replace")


def missing_tables(db: sqlite3.Connection) -> list[str]:
    found = {str(r[0]) for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return sorted(REQUIRED_TABLES - found)


def refuse_damaged(db: sqlite3.Connection, path: Path, version: int, quick: bool) -> None:
    """Refuse a library whose tables are missing, or (``quick``, before any write) one that
    fails SQLite's quick check. Raises LibraryError."""
    try:
        if version >= 1 and (gone := missing_tables(db)):
            raise damaged(path, "missing table " + ", ".join(gone))
        if quick:
            rows = db.execute("PRAGMA quick_check(1)").fetchall()
            if [tuple(r) for r in rows] != [("ok",)]:
                raise damaged(path, f"quick check: {str(rows[0][0])[:80]}")
    except sqlite3.DatabaseError as exc:
        raise damaged(path, str(exc)) from None
