"""The library's schema on PostgreSQL: the migrations of refs.library.schema, written
once for SQLite, as PostgreSQL takes them.

* Tables are created as written, with ``INTEGER`` as ``BIGINT`` and text in the "C"
  collation (byte order, as SQLite compares). Every table gets SQLite's row number:
  ``rowid``, the same as ``id`` where the table has one (a generated column), else a
  column of its own; a trigger numbers a new row as SQLite does (the largest + 1), so
  ids, the journal and undo are those of a SQLite library.
* The schema version is ``refs_meta.user_version`` (SQLite's ``PRAGMA user_version``).
* The journal's triggers are permanent and record only while a command sets
  ``refs.journal_entry`` (SQLite's are temporary, made by each command).
* ``search_fts`` is a table of ``tsvector`` documents and their lengths, with their
  counts in ``refs_meta`` and ``search_words`` (refs.library.pg_search).
"""

from __future__ import annotations

import re

from refs.library.pg_search import STATS
from refs.library.schema import MIGRATIONS, SCHEMA_VERSION, Step
from refs.patterns import compiled

_FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION refs_journal() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE entry text := current_setting('refs.journal_entry', true);
    BEGIN
      IF entry IS NULL OR entry = '' THEN RETURN NULL; END IF;
      IF TG_OP = 'INSERT' THEN
        INSERT INTO journal_changes (entry, tbl, op, rid, old) VALUES
          (entry::bigint, TG_TABLE_NAME, 'I', NEW.rowid, NULL);
      ELSE
        INSERT INTO journal_changes (entry, tbl, op, rid, old) VALUES
          (entry::bigint, TG_TABLE_NAME, left(TG_OP, 1), OLD.rowid,
           (to_jsonb(OLD) - 'rowid')::text);
      END IF;
      RETURN NULL;
    END $$""",
)
_CREATE = compiled(r"^\s*CREATE TABLE (\w+) \((.*)\)\s*$", re.S)
_COMMENT = compiled(r"--[^\n]*")
_STALE = compiled(
    r"CREATE TRIGGER (\w+) AFTER (\w+) ON (\w+) BEGIN INSERT OR IGNORE INTO (\w+) "
    r"VALUES \((?:NEW|OLD)\.(\w+)\); END"
)
_SEARCH = (
    "CREATE TABLE search_fts (rowid BIGINT PRIMARY KEY, len BIGINT NOT NULL, "
    "doc tsvector NOT NULL)",
    "CREATE INDEX search_fts_doc ON search_fts USING gin (doc)",
    # the records and words indexed, and the records holding each word, as FTS5 counts
    # them for BM25 (refs.library.pg_search)
    "DROP TABLE IF EXISTS search_words",
    'CREATE TABLE search_words (word TEXT COLLATE "C" PRIMARY KEY, docs BIGINT NOT NULL)',
    f"DELETE FROM refs_meta WHERE name IN {STATS}",
    *(f"INSERT INTO refs_meta VALUES ('{name}', 0)" for name in STATS),
)


def _types(sql: str) -> str:
    return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', re.sub(r"\bINTEGER\b", "BIGINT", sql))


def _numbering(table: str, column: str) -> list[str]:
    """A new row without its number gets the largest + 1 (SQLite's rowid rule)."""
    return [
        f"""CREATE OR REPLACE FUNCTION refs_number_{table}() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN
          IF NEW.{column} IS NULL THEN
            SELECT coalesce(max({column}), 0) + 1 INTO NEW.{column} FROM {table};
          END IF;
          RETURN NEW;
        END $$""",
        f"CREATE TRIGGER refs_number BEFORE INSERT ON {table} FOR EACH ROW "
        f"EXECUTE FUNCTION refs_number_{table}()",
    ]


def _create_table(sql: str) -> list[str]:
    found = _CREATE.match(_COMMENT.sub("", sql))
    if found is None:
        raise ValueError(f"not a CREATE TABLE the PostgreSQL schema knows: {sql[:60]}")
    table, body = found.group(1), _types(found.group(2))
    if re.search(r"\bid BIGINT PRIMARY KEY\b", body):
        body += ", rowid BIGINT GENERATED ALWAYS AS (id) STORED"
        return [f"CREATE TABLE {table} ({body})", *_numbering(table, "id")]
    body += ", rowid BIGINT NOT NULL UNIQUE"
    return [f"CREATE TABLE {table} ({body})", *_numbering(table, "rowid")]


def statements(step: str) -> list[str]:
    """One migration statement of refs.library.schema as PostgreSQL statements."""
    text = step.strip()
    if text.startswith("CREATE VIRTUAL TABLE search_fts"):
        return list(_SEARCH)
    stale = _STALE.match(" ".join(text.split()))
    if stale:
        name, op, table, into, column = stale.groups()
        row = "OLD" if op == "DELETE" else "NEW"
        return [
            f"""CREATE OR REPLACE FUNCTION refs_{name}() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN
              INSERT INTO {into} VALUES ({row}.{column}) ON CONFLICT DO NOTHING;
              RETURN NULL;
            END $$""",
            f"CREATE TRIGGER {name} AFTER {op} ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION refs_{name}()",
        ]
    if text.startswith("CREATE TABLE"):
        return _create_table(text)
    if text.startswith("ALTER TABLE"):
        return [_types(text)]
    return [text]


def pending(version: int) -> list[str | Step]:
    """What brings a library of ``version`` up to SCHEMA_VERSION, in order."""
    out: list[str | Step] = []
    if version == 0:
        out.append("CREATE TABLE refs_meta (name TEXT PRIMARY KEY, value BIGINT NOT NULL)")
        out.append("INSERT INTO refs_meta VALUES ('user_version', 0)")
    out.extend(_FUNCTIONS)
    for steps in MIGRATIONS[version:]:
        for step in steps:
            out.extend(statements(step) if isinstance(step, str) else [step])
    return out


def journal_triggers(tables: list[str]) -> list[str]:
    """The journal's trigger on each of ``tables`` (made again after every migration,
    so a table added later is covered)."""
    return [
        f"CREATE OR REPLACE TRIGGER refs_journal AFTER INSERT OR UPDATE OR DELETE ON {t} "
        "FOR EACH ROW EXECUTE FUNCTION refs_journal()"
        for t in tables
    ]


VERSION_SQL = "SELECT value FROM refs_meta WHERE name = 'user_version'"
SET_VERSION_SQL = f"UPDATE refs_meta SET value = {SCHEMA_VERSION} WHERE name = 'user_version'"
