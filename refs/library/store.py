"""The SQLite library: schema, migrations, transactions, rows in and out.

WAL mode; the schema version lives in ``PRAGMA user_version`` and grows by the
``MIGRATIONS`` list; a library newer than this refs is refused. Every command runs in
one transaction (:meth:`Library.transaction`), so an interrupted command leaves the
library as it was. Each citation keeps the variant it was cited as; a record's fields
are the merge of its citations' variants (refs.dedupe.merge), so merges lose nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from refs.dedupe.merge import merge_variants
from refs.dedupe.pairs import Item, make_item
from refs.errors import LibraryError
from refs.library.backup import backup, default_backup_path
from refs.library.guard import refuse_damaged, refuse_empty_file, text_of
from refs.library.hand import with_hand
from refs.library.lock import begin_immediate
from refs.library.schema import (
    FIELD_COLS,
    FIELD_MARKS,
    FIELD_SETS,
    MATCH_COLS,
    MIGRATIONS,
    SCHEMA_VERSION,
    fields_of_row,
    fields_row,
)
from refs.models import Citation, Fields, LibraryReference
from refs.parse.trusted import trusted


def match_item(key: str, fields: Fields) -> Item:
    """The matching view of a record's fields."""
    return make_item(
        key, fields.title, fields.outlet, fields.issued, fields.outlet_canonical, fields.author
    )


def match_row(match: Item) -> tuple[str, str, str, str]:
    """The values of MATCH_COLS for a record's matching view."""
    return (match.title, match.outlet, match.cited, match.authors)


class Library:
    """An open library file. Use as a context manager; write inside ``transaction()``.

    ``readonly`` opens an existing file as it is: no migration, no pragma that writes,
    and SQLite refuses every write (``schema_version()`` tells what the file holds)."""

    def __init__(self, path: Path, *, create: bool = True, readonly: bool = False) -> None:
        self.path = path
        if (readonly or not create) and not path.exists():
            raise LibraryError(f"no library at {path}", hint="add articles first: refs add PATH...")
        if path.exists() and path.is_dir():
            raise LibraryError(f"library path {path} is a folder")
        if not path.exists() and not path.parent.is_dir():
            raise LibraryError(
                f"cannot create the library {path}: the folder {path.parent} does not exist"
            )
        refuse_empty_file(path)
        created = not path.exists()
        try:
            self._open(path, readonly, created)
        except BaseException:
            if hasattr(self, "db"):
                self.db.close()
            if created:  # never leave a half-made library behind (a full disk)
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            raise

    def _open(self, path: Path, readonly: bool, created: bool) -> None:
        try:
            if readonly:
                uri = path.resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                self.db = sqlite3.connect(str(path), isolation_level=None)
            self.db.text_factory = text_of
            self.db.execute("PRAGMA busy_timeout = 5000")
            version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise LibraryError(
                    f"{path} has schema version {version}; this refs knows up to {SCHEMA_VERSION}",
                    hint="upgrade refs to use this library",
                )
            if version == 0 and self._has_tables():
                raise LibraryError(
                    f"{path} is an SQLite database of another program, not a refs library; "
                    "name a new file or a refs library with --library"
                )
            refuse_damaged(self.db, path, version, quick=not created)
            if readonly:
                self.db.execute("PRAGMA query_only = ON")
                return
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA cache_size = -65536")  # 64 MB: big libraries stay fast
            self.db.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                self._migrate()
        except sqlite3.DatabaseError as exc:
            if created:  # a new file: nothing to read, so the disk said no
                raise LibraryError(
                    f"cannot create the library {path}: {exc} (is the disk full?)"
                ) from None
            raise LibraryError(f"{path} is not a readable refs library: {exc}") from None

    def _has_tables(self) -> bool:
        """Does the file hold any table? (A refs library of version 0 holds none.)"""
        return self.db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None

    def _migrate(self) -> None:
        version = self.schema_version()
        if version >= 1:  # a library with data: a verified copy first
            backup(self.db, default_backup_path(self.path, version))
        with self.transaction():
            version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
            for statements in MIGRATIONS[version:]:
                for step in statements:
                    if isinstance(step, str):
                        self.db.execute(step)
                    else:
                        step(self.db)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: all or nothing. SQLite failures (a busy or full disk, a
        library another process holds) become LibraryError after the rollback."""
        begin_immediate(self.db, self.path)
        try:
            yield
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise LibraryError(f"{self.path}: {exc}; nothing was changed") from None
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------ reads

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def has_article(self, article_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def has_article_file(self, article_id: str, file: str) -> bool:
        """Was this article added from this file (its resolved path) before?"""
        row = self.db.execute(
            "SELECT 1 FROM article_files WHERE article_id = ? AND file = ?",
            (article_id, file),
        ).fetchone()
        return row is not None

    def has_citation(self, article_id: str, source: str, index: int) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM citations WHERE article_id = ? AND article = ? AND idx = ?",
            (article_id, source, index),
        ).fetchone()
        return row is not None

    def cited_records(self, article_id: str) -> dict[int, int]:
        """Entry index -> record id, for an article already in the library."""
        return {
            int(idx): int(rid)
            for idx, rid in self.db.execute(
                "SELECT idx, record_id FROM citations WHERE article_id = ?", (article_id,)
            )
        }

    def resolve_key(self, key: str) -> str | None:
        """The live key for ``key`` (a merged-away key leads to the record it went into)."""
        row = self.db.execute(
            "SELECT r.key FROM keys k JOIN records r ON r.id = k.record_id WHERE k.key = ?",
            (key,),
        ).fetchone()
        return None if row is None else str(row[0])

    def aliases(self, key: str) -> list[str]:
        """Other keys that lead to the same record (merged-away keys)."""
        rows = self.db.execute(
            "SELECT k2.key FROM keys k1 JOIN keys k2 ON k1.record_id = k2.record_id "
            "WHERE k1.key = ? ORDER BY k2.key",
            (key,),
        )
        return [str(r[0]) for r in rows if r[0] != key]

    def taken_keys(self) -> set[str]:
        return {str(r[0]) for r in self.db.execute("SELECT key FROM keys")}

    def record_id(self, key: str) -> int | None:
        row = self.db.execute("SELECT record_id FROM keys WHERE key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

    def counts(self) -> dict[str, int]:
        return {
            table: int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("articles", "article_files", "records", "citations", "distinct_pairs")
        }

    def references(self, keys: Iterable[str] | None = None) -> list[LibraryReference]:
        """Library references with their citations, sorted by key (all, or ``keys``:
        then only their rows are read)."""
        rows, cited = self._record_rows(keys)
        cites: dict[int, list[Citation]] = {}
        for c in cited:
            cites.setdefault(int(c[0]), []).append(
                # rows we wrote: validated when they came in
                trusted(
                    Citation,
                    {
                        "article": c[1],
                        "article_id": c[2],
                        "issue": c[3],
                        "index": c[4],
                        "raw": c[5],
                        "line": c[6],
                    },
                )
            )
        aliases: dict[int, list[str]] = {}
        for alias, record_id in self.db.execute(
            "SELECT k.key, k.record_id FROM keys k JOIN records r ON r.id = k.record_id "
            "WHERE k.key != r.key ORDER BY k.key"
        ):
            aliases.setdefault(int(record_id), []).append(str(alias))
        out = []
        for row in rows:
            fields = fields_of_row(row[2:])
            out.append(
                trusted(
                    LibraryReference,
                    {
                        **fields.__dict__,
                        "key": row[1],
                        "aliases": tuple(aliases.get(int(row[0]), [])),
                        "citations": tuple(cites.get(int(row[0]), [])),
                    },
                )
            )
        return out

    def _record_rows(self, keys: Iterable[str] | None) -> tuple[list[Any], list[Any]]:
        """Rows of the records (all, or of ``keys``) by key, and of their citations."""
        record_sql = f"SELECT id, key, {FIELD_COLS} FROM records"
        cite_sql = "SELECT record_id, article, article_id, issue, idx, raw, line FROM citations"
        order = " ORDER BY article_id, idx, article"
        if keys is None:
            rows = self.db.execute(record_sql + " ORDER BY key").fetchall()
            return rows, self.db.execute(cite_sql + order).fetchall()
        wanted = sorted(set(keys))
        rows, cited = [], []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found = self.db.execute(f"{record_sql} WHERE key IN ({marks})", chunk).fetchall()
            rows.extend(found)
            ids = [r[0] for r in found]
            if ids:
                where = f" WHERE record_id IN ({','.join('?' * len(ids))})"
                cited.extend(self.db.execute(cite_sql + where, ids).fetchall())
        rows.sort(key=lambda r: str(r[1]))
        cited.sort(key=lambda c: (str(c[2]), int(str(c[4])), str(c[1])))
        return rows, cited

    def reference(self, key: str) -> LibraryReference | None:
        live = self.resolve_key(key)
        if live is None:
            return None
        found = self.references([live])
        return found[0] if found else None

    def items(self, outlets_years: Iterable[tuple[str, int | None]] | None = None) -> list[Item]:
        """Matching views of the records (all, or those of the given outlet and year,
        the years next to it and those without a year)."""
        sql = (
            "SELECT key, match_title, match_outlet, match_cited, year, month, day, "
            "match_authors FROM records"
        )
        if outlets_years is None:
            rows = self.db.execute(sql).fetchall()
        else:
            seen: set[tuple[str, int | None]] = set(outlets_years)
            outlets = sorted({o for o, _ in seen})
            rows = []
            for outlet in outlets:
                years = {y for o, y in seen if o == outlet}
                if None in years:  # an undated item: anything of its outlet may match
                    rows += self.db.execute(sql + " WHERE match_outlet = ?", (outlet,))
                    continue
                near = sorted({n for y in years if y is not None for n in (y - 1, y, y + 1)})
                for start in range(0, len(near), 500):
                    chunk = near[start : start + 500]
                    rows += self.db.execute(
                        sql + " WHERE match_outlet = ? AND (year IS NULL OR year IN "
                        f"({','.join('?' * len(chunk))}))",
                        (outlet, *chunk),
                    )
        unique = {r[0]: r for r in rows}.values()  # an undated row comes once per chunk
        return [
            Item(r[0], r[1], r[2], r[3], r[4], r[5], r[6], " ".join(sorted(r[1].split())), r[7])
            for r in unique
        ]

    def distinct_pairs(self) -> set[tuple[str, str]]:
        """Pairs marked distinct, by their live keys (smaller first)."""
        out: set[tuple[str, str]] = set()
        for a, b in self.db.execute("SELECT key_a, key_b FROM distinct_pairs"):
            la, lb = self.resolve_key(a) or a, self.resolve_key(b) or b
            out.add((la, lb) if la <= lb else (lb, la))
        return out

    def record_variants(self, record_id: int) -> list[Fields]:
        return [
            fields_of_row(r)
            for r in self.db.execute(
                f"SELECT {FIELD_COLS} FROM citations WHERE record_id = ?", (record_id,)
            )
        ]

    # ------------------------------------------------------------ writes

    def insert_article(
        self,
        article_id: str,
        source: str,
        file: str,
        publication: str | None,
        issue: str | None,
        issue_date: str | None,
        title: str | None,
        layout: str,
    ) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article_id, source, publication, issue, issue_date, title, layout),
        )
        self.db.execute(
            "INSERT OR IGNORE INTO article_files VALUES (?, ?, ?, ?)",
            (article_id, file, source, layout),
        )

    def insert_record(self, key: str, fields: Fields, match: Item | None = None) -> int:
        """A new record with its key; ``match`` is its matching view when known."""
        match = match or match_item(key, fields)
        cur = self.db.execute(
            f"INSERT INTO records (key, {FIELD_COLS}, {MATCH_COLS}) "
            f"VALUES (?, {FIELD_MARKS}, ?, ?, ?, ?)",
            (key, *fields_row(fields), *match_row(match)),
        )
        record_id = int(cur.lastrowid or 0)
        self.db.execute("INSERT INTO keys VALUES (?, ?)", (key, record_id))
        return record_id

    def insert_records(self, records: Sequence[tuple[str, Fields, Item | None]]) -> list[int]:
        """New records with their keys (one statement for all); their ids in order."""
        first = int(self.db.execute("SELECT coalesce(max(id), 0) FROM records").fetchone()[0]) + 1
        ids = list(range(first, first + len(records)))
        rows = []
        for rid, (key, fields, match) in zip(ids, records, strict=True):
            m = match or match_item(key, fields)
            rows.append((rid, key, *fields_row(fields), *match_row(m)))
        self.db.executemany(
            f"INSERT INTO records (id, key, {FIELD_COLS}, {MATCH_COLS}) "
            f"VALUES (?, ?, {FIELD_MARKS}, ?, ?, ?, ?)",
            rows,
        )
        self.db.executemany("INSERT INTO keys VALUES (?, ?)", ((r[1], r[0]) for r in rows))
        return ids

    def add_aliases(self, aliases: Iterable[tuple[str, int]]) -> None:
        """Further keys (``key``, record id) that resolve to a record; a key already given
        keeps its record."""
        self.db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)", aliases)

    def insert_citations(self, rows: Iterable[tuple[int, Citation, Fields]]) -> None:
        self.db.executemany(
            f"INSERT OR IGNORE INTO citations (record_id, article_id, article, issue, idx, "
            f"raw, line, {FIELD_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, {FIELD_MARKS})",
            (
                (rid, c.article_id, c.article, c.issue, c.index, c.raw, c.line, *fields_row(v))
                for rid, c, v in rows
            ),
        )

    def refresh_record(self, record_id: int) -> None:
        """Recompute a record's fields from every variant cited (most complete wins)."""
        variants = self.record_variants(record_id)
        if not variants:  # kept without citations (edited or imported): as it stands
            return
        fields = merge_variants(variants)
        fields = with_hand(fields, self.hand_fields(record_id))
        match = match_item("", fields)
        self.db.execute(
            f"UPDATE records SET {FIELD_SETS}, match_title = ?, match_outlet = ?, "
            "match_cited = ?, match_authors = ? WHERE id = ?",
            (*fields_row(fields), *match_row(match), record_id),
        )

    def hand_fields(self, record_id: int) -> dict[str, str]:
        """Field name -> stored value of the fields set by hand on a record."""
        rows = self.db.execute(
            "SELECT field, value FROM hand_fields WHERE record_id = ?", (record_id,)
        )
        return {str(f): str(v) for f, v in rows}

    def move_record(self, drop_id: int, keep_id: int) -> None:
        """Every citation and key of ``drop_id`` goes to ``keep_id``; the record goes.
        Its tags and notes go too, and its fields set by hand where ``keep_id`` has none."""
        for table in ("hand_fields", "tags"):
            self.db.execute(
                f"UPDATE OR IGNORE {table} SET record_id = ? WHERE record_id = ?",
                (keep_id, drop_id),
            )
            self.db.execute(f"DELETE FROM {table} WHERE record_id = ?", (drop_id,))
        self.db.execute("UPDATE notes SET record_id = ? WHERE record_id = ?", (keep_id, drop_id))
        self.db.execute(
            "UPDATE citations SET record_id = ? WHERE record_id = ?", (keep_id, drop_id)
        )
        self.db.execute("UPDATE keys SET record_id = ? WHERE record_id = ?", (keep_id, drop_id))
        self.db.execute("DELETE FROM records WHERE id = ?", (drop_id,))

    def set_distinct(self, a: str, b: str, value: bool) -> None:
        pair = (a, b) if a <= b else (b, a)
        if value:
            self.db.execute("INSERT OR IGNORE INTO distinct_pairs VALUES (?, ?)", pair)
        else:
            self.db.execute("DELETE FROM distinct_pairs WHERE key_a = ? AND key_b = ?", pair)

    def dump(self) -> list[str]:
        """Every row of every table as text lines (for tests of all-or-nothing writes)."""
        return list(self.db.iterdump())
