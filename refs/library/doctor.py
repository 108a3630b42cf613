"""`refs doctor`: is the library sound? SQLite's integrity check, then our own invariants
(every citation has its reference and its article, keys unique and leading to a
reference, the journal consistent, texts readable), and what to do about each finding.
Opens the file read-only and changes nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from refs.library.access import read_only_uri
from refs.library.guard import REQUIRED_TABLES
from refs.library.schema import SCHEMA_VERSION

RESTORE = "restore the newest backup (refs backup makes one) or recover what SQLite can read"
RECOVER = "sqlite3 {path} .recover | sqlite3 recovered.db, then: refs doctor --library recovered.db"

# Our invariants: a query that lists the rows breaking it, and what that means.
INVARIANTS = (
    (
        "SELECT c.id FROM citations c LEFT JOIN records r ON r.id = c.record_id WHERE r.id IS NULL",
        "citation(s) of a reference that is not there",
    ),
    (
        "SELECT c.id FROM citations c LEFT JOIN articles a ON a.id = c.article_id "
        "WHERE a.id IS NULL AND c.article_id NOT LIKE 'import:%'",
        "citation(s) of an article that is not there",
    ),
    (
        "SELECT k.key FROM keys k LEFT JOIN records r ON r.id = k.record_id WHERE r.id IS NULL",
        "key(s) leading to no reference",
    ),
    (
        "SELECT r.key FROM records r LEFT JOIN keys k ON k.key = r.key AND k.record_id = r.id "
        "WHERE k.key IS NULL",
        "reference key(s) missing from the key table",
    ),
    (
        "SELECT key FROM records GROUP BY lower(key) HAVING count(*) > 1",
        "key(s) given to more than one reference",
    ),
    (
        "SELECT r.id FROM records r LEFT JOIN citations c ON c.record_id = r.id WHERE c.id IS NULL",
        "reference(s) without any citation",
    ),
)
# The journal (refs history, refs undo) is consistent: every change and key belongs to an
# entry, names a table of the library and holds the row image undo needs.
JOURNAL_INVARIANTS = (
    (
        "SELECT DISTINCT j.entry FROM journal_changes j LEFT JOIN journal e ON e.id = j.entry "
        "WHERE e.id IS NULL",
        "journal change(s) of an entry that is not there",
    ),
    (
        "SELECT DISTINCT j.entry FROM journal_keys j LEFT JOIN journal e ON e.id = j.entry "
        "WHERE e.id IS NULL",
        "journal key(s) of an entry that is not there",
    ),
    (
        "SELECT j.id FROM journal_changes j LEFT JOIN sqlite_master m "
        "ON m.type = 'table' AND m.name = j.tbl WHERE m.name IS NULL",
        "journal change(s) of a table that is not there",
    ),
    (
        "SELECT id FROM journal_changes WHERE op NOT IN ('I', 'U', 'D') "
        "OR (op IN ('U', 'D') AND (old IS NULL OR NOT json_valid(old)))",
        "journal change(s) without the row image undo needs",
    ),
)
TEXT_COLUMNS = (("records", "key, title, outlet"), ("citations", "raw, title, outlet"))


@dataclass(frozen=True)
class Finding:
    problem: str
    advice: str


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(read_only_uri(path), uri=True)
    db.text_factory = bytes
    return db


def _integrity(db: sqlite3.Connection, path: Path) -> list[Finding]:
    rows = [r[0].decode("utf-8", "replace") for r in db.execute("PRAGMA integrity_check(20)")]
    if rows == ["ok"]:
        return []
    advice = f"{RESTORE}: {RECOVER.format(path=path)}"
    return [Finding(f"SQLite integrity check: {' '.join(row.split())}", advice) for row in rows]


def _invariants(db: sqlite3.Connection, tables: set[str]) -> list[Finding]:
    found: list[Finding] = []
    journal = JOURNAL_INVARIANTS if {"journal", "journal_changes"} <= tables else ()
    for sql, what in (*INVARIANTS, *journal):
        rows = db.execute(sql).fetchall()
        if rows:
            shown = ", ".join(
                str(r[0], "utf-8", "replace") if isinstance(r[0], bytes) else str(r[0])
                for r in rows[:5]
            )
            found.append(Finding(f"{len(rows)} {what} ({shown})", RESTORE))
    for table, columns in TEXT_COLUMNS:
        bad = 0
        for row in db.execute(f"SELECT {columns} FROM {table}"):
            for value in row:
                if isinstance(value, bytes):
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        bad += 1
        if bad:
            found.append(Finding(f"{bad} text(s) of {table} are not UTF-8", RESTORE))
    return found


def diagnose(path: Path) -> list[Finding]:
    """What is wrong with the library at ``path`` (an empty list: nothing)."""
    if not path.is_file():
        return [Finding(f"{path} is not a file", "name the library with --library")]
    if path.stat().st_size == 0:
        return [Finding(f"{path} is empty (0 bytes)", f"{RESTORE}, or remove it")]
    try:
        with _open(path) as db:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            found = _integrity(db, path)
            tables = {r[0].decode() for r in db.execute("SELECT name FROM sqlite_master")}
            if version == 0 and tables:
                return [Finding("an SQLite file of another program", "name a refs library")]
            if version > SCHEMA_VERSION:
                return [Finding(f"schema version {version} is newer than this refs", "upgrade")]
            if missing := sorted(REQUIRED_TABLES - tables):
                return [*found, Finding("missing table(s) " + ", ".join(missing), RESTORE)]
            return found or _invariants(db, tables)
    except sqlite3.DatabaseError as exc:
        readable = "not a database" not in str(exc)  # SQLite may still read some pages
        advice = f"{RESTORE}: {RECOVER.format(path=path)}" if readable else RESTORE
        return [Finding(f"not a readable SQLite file ({exc})", advice)]
