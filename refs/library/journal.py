"""The journal: every change a command makes to the library, with what undo needs.

A journaled command runs inside :func:`recording`. While it runs, triggers on every table
of the library (those of other stages too, found in the schema, so a table added later is
covered without a change here; temporary ones on SQLite, on PostgreSQL permanent ones
that record while ``refs.journal_entry`` is set) write a row image for each change into
``journal_changes``: the rowid of an inserted row, the whole row before an update or a
delete. :func:`undo` applies them in reverse, which gives back exactly the rows before
the entry (the same rowids, the same values). Runs inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from refs.errors import UsageError
from refs.library.catalog import DERIVED_TABLES, columns, quote, tables
from refs.library.connection import Connection
from refs.library.store import Library

JOURNAL_TABLES = frozenset(["journal", "journal_keys", "journal_changes"])


@dataclass
class Recorder:
    """What a journaled command says about its change (set while it runs)."""

    entry: int
    action: str
    summary: str = ""
    keys: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class JournalEntry:
    id: int
    action: str
    summary: str
    undone: bool
    keys: tuple[str, ...]


def _tables(lib: Library) -> list[str]:
    """The library's own tables, which the journal covers."""
    return [t for t in tables(lib.db, lib.server) if t not in JOURNAL_TABLES | DERIVED_TABLES]


_quote = quote


def _image(columns: Sequence[str]) -> str:
    return "json_object(" + ", ".join(f"'{c}', OLD.{_quote(c)}" for c in columns) + ")"


def _trigger_sql(entry: int, table: str, columns: Sequence[str]) -> list[str]:
    t = _quote(table)
    log = "INSERT INTO journal_changes (entry, tbl, op, rid, old) VALUES"
    lit = "'" + table.replace("'", "''") + "'"
    return [
        f"CREATE TEMP TRIGGER {_quote('journal_i_' + table)} AFTER INSERT ON main.{t} "
        f"BEGIN {log} ({entry}, {lit}, 'I', NEW.rowid, NULL); END",
        f"CREATE TEMP TRIGGER {_quote('journal_u_' + table)} BEFORE UPDATE ON main.{t} "
        f"BEGIN {log} ({entry}, {lit}, 'U', OLD.rowid, {_image(columns)}); END",
        f"CREATE TEMP TRIGGER {_quote('journal_d_' + table)} BEFORE DELETE ON main.{t} "
        f"BEGIN {log} ({entry}, {lit}, 'D', OLD.rowid, {_image(columns)}); END",
    ]


def _drop_triggers(db: Connection) -> None:
    names = db.execute(
        "SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'journal_%'"
    ).fetchall()
    for (name,) in names:
        db.execute(f"DROP TRIGGER IF EXISTS temp.{_quote(str(name))}")


@contextmanager
def recording(lib: Library, action: str) -> Iterator[Recorder]:
    """Journal every change made inside the block as one entry (none if nothing changed).
    Call inside ``lib.transaction()``."""
    db = lib.db
    cur = db.execute("INSERT INTO journal (action, summary) VALUES (?, '')", (action,))
    rec = Recorder(int(cur.lastrowid or 0), action)
    with _triggers(lib, rec.entry):
        yield rec
    changed = db.execute(
        "SELECT 1 FROM journal_changes WHERE entry = ? LIMIT 1", (rec.entry,)
    ).fetchone()
    if changed is None:
        db.execute("DELETE FROM journal WHERE id = ?", (rec.entry,))
        return
    db.execute("UPDATE journal SET summary = ? WHERE id = ?", (rec.summary, rec.entry))
    db.executemany(
        "INSERT OR IGNORE INTO journal_keys VALUES (?, ?)",
        ((rec.entry, k) for k in sorted(rec.keys)),
    )


@contextmanager
def _triggers(lib: Library, entry: int) -> Iterator[None]:
    """The triggers that record changes as ``entry``, while the block runs."""
    db = lib.db
    if lib.server:  # permanent triggers (refs.library.pg_schema), told the entry
        db.execute("SELECT set_config('refs.journal_entry', ?, true)", (str(entry),))
        try:
            yield
        finally:
            db.execute("SELECT set_config('refs.journal_entry', '', true)")
        return
    # rows that INSERT OR REPLACE deletes fire delete triggers only with this on
    db.execute("PRAGMA recursive_triggers = ON")
    try:
        for table in _tables(lib):
            for sql in _trigger_sql(entry, table, columns(db, False, table)):
                db.execute(sql)
        yield
    finally:
        _drop_triggers(db)
        db.execute("PRAGMA recursive_triggers = OFF")


def history(lib: Library, keys: Iterable[str] | None = None) -> list[JournalEntry]:
    """Journal entries, oldest first (all, or those about any of ``keys``)."""
    db = lib.db
    keyed: dict[int, list[str]] = {}
    for entry, key in db.execute("SELECT entry, key FROM journal_keys ORDER BY entry, key"):
        keyed.setdefault(int(entry), []).append(str(key))
    wanted = None if keys is None else set(keys)
    out = []
    for eid, action, summary, undone in db.execute(
        "SELECT id, action, summary, undone FROM journal ORDER BY id"
    ):
        ks = tuple(keyed.get(int(eid), []))
        if wanted is not None and not wanted.intersection(ks):
            continue
        out.append(JournalEntry(int(eid), str(action), str(summary), bool(undone), ks))
    return out


def _touched(db: Connection, entry: int) -> set[tuple[str, int]]:
    return {
        (str(t), int(r))
        for t, r in db.execute("SELECT tbl, rid FROM journal_changes WHERE entry = ?", (entry,))
    }


def _entry_to_undo(db: Connection, entry: int | None) -> int:
    if entry is None:
        row = db.execute("SELECT max(id) FROM journal WHERE undone = 0").fetchone()
        if row is None or row[0] is None:
            raise UsageError("nothing to undo", hint="see the journal with: refs history")
        return int(row[0])
    row = db.execute("SELECT undone FROM journal WHERE id = ?", (entry,)).fetchone()
    if row is None:
        raise UsageError(f"no journal entry {entry}", hint="see the journal with: refs history")
    if row[0]:
        raise UsageError(f"journal entry {entry} is undone already")
    return entry


def _check_later(db: Connection, entry: int) -> None:
    """Refuse to undo an entry whose rows a later entry (still in force) changed again."""
    mine = _touched(db, entry)
    later = [
        int(r[0])
        for r in db.execute(
            "SELECT id FROM journal WHERE id > ? AND undone = 0 ORDER BY id", (entry,)
        )
    ]
    blocking = [e for e in later if mine & _touched(db, e)]
    if blocking:
        ids = ", ".join(str(e) for e in blocking)
        raise UsageError(
            f"journal entry {entry} cannot be undone alone: entries {ids} changed the same "
            "references since",
            hint=f"undo those first (newest first): refs undo {blocking[-1]}",
        )


def _put_back(lib: Library, table: str, op: str, rid: int, old: str | None) -> None:
    db, t = lib.db, _quote(table)
    if op == "I":
        db.execute(f"DELETE FROM {t} WHERE rowid = ?", (rid,))
        return
    values: dict[str, object] = json.loads(old or "{}")
    cols = list(values)
    if op == "D":
        # PostgreSQL's rowid of a table with an integer id is that id (a generated column,
        # refs.library.pg_schema); a table with a text id (articles) numbers its rows apart
        number = [] if lib.server and isinstance(values.get("id"), int) else ["rowid"]
        names = ", ".join([*number, *(_quote(c) for c in cols)])
        marks = ", ".join("?" * (len(cols) + len(number)))
        row = (*([rid] if number else []), *values.values())
        db.execute(f"INSERT INTO {t} ({names}) VALUES ({marks})", row)
    else:
        sets = ", ".join(f"{_quote(c)} = ?" for c in cols)
        db.execute(f"UPDATE {t} SET {sets} WHERE rowid = ?", (*values.values(), rid))


def undo(lib: Library, entry: int | None = None) -> JournalEntry:
    """Reverse one journal entry (the newest still in force, or ``entry``): every row it
    inserted goes, every row it changed or deleted comes back as it was."""
    db = lib.db
    eid = _entry_to_undo(db, entry)
    _check_later(db, eid)
    changes = db.execute(
        "SELECT tbl, op, rid, old FROM journal_changes WHERE entry = ? ORDER BY id DESC", (eid,)
    ).fetchall()
    for table, op, rid, old in changes:
        _put_back(lib, str(table), str(op), int(rid), old)
    db.execute("UPDATE journal SET undone = 1 WHERE id = ?", (eid,))
    found = [e for e in history(lib) if e.id == eid]
    return found[0]


def content_dump(lib: Library) -> list[str]:
    """The library's rows as text lines, without the journal's own rows (what undo puts
    back; the journal itself remembers that it was undone) and without derived tables."""
    skip = tuple(f"INSERT INTO {_quote(t)}" for t in JOURNAL_TABLES)
    return [line for line in lib.dump() if not line.startswith(skip)]
