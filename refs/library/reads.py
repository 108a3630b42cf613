"""What the library holds, read: articles, citations, keys and aliases, references with
their citations, the matching views dedupe compares, decisions. The queries of
:class:`refs.library.store.Library` (a mixin over its connection ``db``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from refs.dedupe.pairs import Item
from refs.library.connection import Connection
from refs.library.schema import FIELD_COLS, fields_of_row
from refs.models import Citation, Fields, LibraryReference
from refs.models.trusted import trusted

# the columns of the records table a matching view (refs.dedupe.pairs.Item) is read from
ITEM_COLUMNS = (
    "key", "match_title", "match_outlet", "match_cited", "year", "month", "day", "match_authors",
)  # fmt: skip


def item_of_row(row: Sequence[Any]) -> Item:
    """The matching view of a record from its ITEM_COLUMNS."""
    key, title, outlet, cited, year, month, day, authors = row
    sort = " ".join(sorted(title.split()))
    return Item(key, title, outlet, cited, year, month, day, sort, authors)


class Reads:
    """The queries of an open library."""

    db: Connection

    def has_article(self, article_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
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

    def cited_keys(self, article_id: str) -> dict[int, str]:
        """Entry index -> the key of the reference it is cited for, for an article in the
        library."""
        return {
            int(idx): str(key)
            for idx, key in self.db.execute(
                "SELECT c.idx, r.key FROM citations c JOIN records r ON r.id = c.record_id "
                "WHERE c.article_id = ?",
                (article_id,),
            )
        }

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
        aliases = self._aliases(None if keys is None else [int(r[0]) for r in rows])
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

    def _aliases(self, ids: list[int] | None) -> dict[int, list[str]]:
        """Record id -> its merged-away keys (of every record, or only of ``ids``: a page
        of search hits reads its own rows, not the whole keys table)."""
        sql = (
            "SELECT k.key, k.record_id FROM keys k JOIN records r ON r.id = k.record_id "
            "WHERE k.key != r.key"
        )
        found: list[Any] = []
        if ids is None:
            found = self.db.execute(sql + " ORDER BY k.key").fetchall()
        for start in range(0, len(ids or []), 500):
            chunk = (ids or [])[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found += self.db.execute(f"{sql} AND k.record_id IN ({marks})", chunk).fetchall()
        aliases: dict[int, list[str]] = {}
        for alias, record_id in sorted(found, key=lambda r: str(r[0])):
            aliases.setdefault(int(record_id), []).append(str(alias))
        return aliases

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
        sql = f"SELECT {', '.join(ITEM_COLUMNS)} FROM records"
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
        return [item_of_row(r) for r in unique]

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
