"""A PostgreSQL connection that takes the library's SQLite-flavoured SQL: ``?``
placeholders, ``INSERT OR IGNORE`` / ``INSERT OR REPLACE``, inserts by position,
``lastrowid``. The library's modules keep one text of each statement; this wrapper
rewrites the few forms that differ (cached per statement) and runs them through
psycopg 3. Statements that differ in more than form (schema, triggers, full-text search)
are the dialect's own: refs.library.pg_schema and refs.library.pg_search."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from refs.library import pg_rows
from refs.patterns import compiled

if TYPE_CHECKING:
    import psycopg

_OR = compiled(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)", re.I)
_POSITIONAL = compiled(r"^\s*INSERT\s+INTO\s+(\w+)\s+(VALUES|SELECT)\b", re.I)
_INSERT = compiled(r"^\s*INSERT\s+INTO\s+(\w+)", re.I)
# tables whose ``id`` is the row's number, as SQLite's INTEGER PRIMARY KEY
ID_TABLES = frozenset(["records", "citations", "merges", "journal", "journal_changes", "notes"])


class Cursor:
    """The part of sqlite3.Cursor the library uses: rows, ``rowcount``, ``lastrowid``."""

    def __init__(self, rows: list[tuple[Any, ...]], rowcount: int, lastrowid: int | None):
        self._rows = rows
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows.pop(0) if self._rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows, self._rows = self._rows, []
        return rows

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.fetchall())


class PgConnection:
    """A psycopg connection in autocommit mode: ``BEGIN`` / ``COMMIT`` are statements,
    as the SQLite connection opened with ``isolation_level=None`` takes them."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn
        self._columns: dict[str, tuple[str, ...]] = {}
        self._keys: dict[str, tuple[str, ...]] = {}
        self._sql: dict[str, tuple[str, str]] = {}  # (with ``?``, numbered)
        self._shapes: dict[str, pg_rows.Shape | None] = {}
        self._reading = False  # in the snapshot of reads (see _snapshot)

    @property
    def in_transaction(self) -> bool:
        import psycopg

        return self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def close(self) -> None:
        self.conn.close()

    def columns(self, table: str) -> tuple[str, ...]:
        """The table's columns in order, without the row number ``rowid``."""
        if table not in self._columns:
            rows = self.conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = $1 "
                "AND table_schema = current_schema() ORDER BY ordinal_position",
                (table,),
            ).fetchall()
            self._columns[table] = tuple(str(r[0]) for r in rows if r[0] != "rowid")
        return self._columns[table]

    def primary_key(self, table: str) -> tuple[str, ...]:
        if table not in self._keys:
            rows = self.conn.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = $1::regclass AND i.indisprimary "
                "ORDER BY array_position(i.indkey, a.attnum)",
                (table,),
            ).fetchall()
            self._keys[table] = tuple(str(r[0]) for r in rows)
        return self._keys[table]

    def forget_tables(self) -> None:
        """After a change of the schema: read columns and keys afresh."""
        self._columns.clear()
        self._keys.clear()
        self._sql.clear()
        self._shapes.clear()

    def translate(self, sql: str) -> tuple[str, str]:
        """The statement as PostgreSQL takes it, with ``?`` and with its parameters
        numbered (``$1``, as the server takes them: psycopg's raw cursor sends the text
        as it is, where its own placeholders cost a parse of every long statement);
        kept per connection."""
        known = self._sql.get(sql)
        if known is None:
            text = _translate(self, sql)
            known = self._sql[sql] = (text, pg_rows.numbered(text))
        return known

    def _snapshot(self, sql: str) -> None:
        """Reads outside a writing transaction share one snapshot (REPEATABLE READ),
        so a reading command never sees half of another command, nor one command in one
        query and not in the next; a writing transaction (``BEGIN``) ends it first."""
        word = sql.lstrip()[:8].upper()
        if word.startswith("BEGIN"):
            if self._reading:
                self.conn.execute("COMMIT")
            self._reading = False
        elif word.startswith(("COMMIT", "ROLLBACK")):
            self._reading = False
        elif not self.in_transaction:
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            self._reading = True

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Cursor:
        self._snapshot(sql)
        text = self.translate(sql)[1]
        returning = _returns_id(text)
        if returning:
            text += " RETURNING id"
        cur = self.conn.execute(text, params)
        rows = cur.fetchall() if cur.description is not None else []
        last = int(rows[0][0]) if returning and rows else None
        return Cursor([] if returning else rows, cur.rowcount, last)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        """Each of ``rows`` through ``sql``; an insert of one row of values goes as
        inserts of many rows (refs.library.pg_rows)."""
        self._snapshot(sql)
        marked, text = self.translate(sql)
        if sql not in self._shapes:
            self._shapes[sql] = pg_rows.shape(marked)
        shaped, every = self._shapes[sql], list(rows)
        with self.conn.cursor() as cur:
            if shaped is None:
                cur.executemany(text, every)
                return Cursor([], cur.rowcount, None)
            count = 0
            for chunk in pg_rows.chunks(shaped, every):
                values = [v for r in chunk for v in r]
                cur.execute(pg_rows.statement(shaped, len(chunk)), values, prepare=True)
                count += cur.rowcount
            return Cursor([], count, None)


def _returns_id(text: str) -> bool:
    found = _INSERT.match(text)
    return found is not None and found.group(1) in ID_TABLES and "RETURNING" not in text.upper()


def _translate(conn: PgConnection, sql: str) -> str:
    text = sql
    conflict = ""
    found = _OR.match(text)
    if found:
        how, table = found.group(1).upper(), found.group(2)
        text = f"INSERT INTO {table}" + text[found.end() :]
        conflict = " ON CONFLICT DO NOTHING" if how == "IGNORE" else _replace(conn, table)
    positional = _POSITIONAL.match(text)
    if positional:
        table = positional.group(1)
        names = ", ".join(conn.columns(table))
        text = f"INSERT INTO {table} ({names}) " + text[positional.start(2) :]
    return text + conflict


def _replace(conn: PgConnection, table: str) -> str:
    """``INSERT OR REPLACE``: the new row wins over the one with its primary key."""
    key = conn.primary_key(table)
    rest = [c for c in conn.columns(table) if c not in key]
    sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
    return f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}"
