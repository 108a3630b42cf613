"""The library's tables and columns as either database lists them, and the dump that
compares two libraries whatever they are stored in (tests, ``refs copy``)."""

from __future__ import annotations

from refs.library.connection import Connection

# derived from the other tables and rebuilt from them: neither journaled nor compared
DERIVED_TABLES = frozenset(["search_stale", "match_keys", "match_stale"])
# kept by refs beside the library's own tables on PostgreSQL (refs.library.pg_schema):
# the schema version, the search index and its counts
_PG_META = frozenset(["refs_meta", "search_fts", "search_words"])


def tables(db: Connection, server: bool) -> list[str]:
    """The library's own tables, sorted: not SQLite's, not the full-text index (with its
    shadow tables), not the schema version of PostgreSQL."""
    if server:
        rows = db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "AND table_schema = current_schema()"
        ).fetchall()
        return sorted(str(n) for (n,) in rows if str(n) not in _PG_META)
    rows = db.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'table'").fetchall()
    virtual = [str(n) for n, sql in rows if str(sql or "").upper().startswith("CREATE VIRTUAL")]
    return sorted(
        str(n)
        for n, _ in rows
        if not str(n).startswith("sqlite_")
        and str(n) not in virtual
        and not any(str(n).startswith(v + "_") for v in virtual)
    )


def columns(db: Connection, server: bool, table: str) -> list[str]:
    """The table's columns in order (without PostgreSQL's row number ``rowid``)."""
    if server:
        rows = db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "AND table_schema = current_schema() ORDER BY ordinal_position",
            (table,),
        ).fetchall()
        return [str(r[0]) for r in rows if r[0] != "rowid"]
    return [str(r[1]) for r in db.execute(f'PRAGMA main.table_info("{table}")')]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, bytes):
        return "X'" + value.hex() + "'"
    return repr(value)


def dump(db: Connection, server: bool, skip: frozenset[str] = DERIVED_TABLES) -> list[str]:
    """Every row of every table but ``skip`` as a line ``INSERT INTO "t" VALUES(...)``,
    tables by name, rows in the order of their lines: equal for equal libraries in
    either database (row numbers of tables without an ``id`` are not compared)."""
    out: list[str] = []
    for table in tables(db, server):
        if table in skip:
            continue
        cols = ", ".join(quote(c) for c in columns(db, server, table))
        rows = db.execute(f"SELECT {cols} FROM {quote(table)}").fetchall()
        head = f"INSERT INTO {quote(table)} VALUES("
        out.extend(sorted(head + ",".join(_literal(v) for v in row) + ");" for row in rows))
    return out
