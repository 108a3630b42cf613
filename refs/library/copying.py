"""``refs copy SOURCE TARGET``: a whole library into an empty one, between SQLite files
and PostgreSQL databases either way, losing nothing: every row of every table with its
row number (which the journal's row images name), so undo works on the copy and the
dump of the copy equals the dump of the source (refs.library.catalog.dump)."""

from __future__ import annotations

from itertools import islice

from refs.errors import UsageError
from refs.library.catalog import DERIVED_TABLES, columns, quote, tables
from refs.library.store import Library

# tables other tables refer to (REFERENCES) go first
_PARENTS = ("articles", "records")
_BATCH = 2000


def _ordered(names: list[str]) -> list[str]:
    return [*(t for t in _PARENTS if t in names), *(t for t in names if t not in _PARENTS)]


def _holds_rows(lib: Library) -> bool:
    return any(
        lib.db.execute(f"SELECT 1 FROM {quote(t)} LIMIT 1").fetchone() is not None
        for t in tables(lib.db, lib.server)
        if t not in DERIVED_TABLES
    )


def copy_library(source: Library, target: Library) -> dict[str, int]:
    """Copy every row of ``source`` into the empty library ``target``, all or nothing
    (one transaction), then gather the target's planner statistics; the rows copied per
    table."""
    with target.transaction():
        counts = _copied(source, target)
    target.gather_statistics()
    return counts


def _copied(source: Library, target: Library) -> dict[str, int]:
    """Every row of ``source`` into the empty ``target`` (in its transaction)."""
    if _holds_rows(target):
        raise UsageError(
            f"{target.shown} is not empty: refs copy writes only into a new library",
            hint="name a new file or an empty database as TARGET",
        )
    counts: dict[str, int] = {}
    theirs = set(tables(target.db, target.server))
    for table in _ordered(tables(source.db, source.server)):
        if table in DERIVED_TABLES:
            continue
        if table not in theirs:  # cannot be: both are of SCHEMA_VERSION
            raise UsageError(f"{target.shown} has no table {table}")
        cols = columns(source.db, source.server, table)
        # a table with an id has it as its row number; the others carry rowid along
        names = [*([] if "id" in cols else ["rowid"]), *cols]
        listed = ", ".join(quote(c) for c in names)
        rows = source.db.execute(f"SELECT {listed} FROM {quote(table)} ORDER BY rowid")
        insert = f"INSERT INTO {quote(table)} ({listed}) VALUES ({', '.join('?' * len(names))})"
        counts[table] = 0
        found = iter(rows)  # a batch at a time: a large library is never all in memory
        while chunk := [tuple(r) for r in islice(found, _BATCH)]:
            target.db.executemany(insert, chunk)
            counts[table] += len(chunk)
    return counts
