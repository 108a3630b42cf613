"""Rows written to the library: articles and their files, records with their keys and
matching views, aliases, citations, recomputed records, moves of a merge, decisions.
The writes of :class:`refs.library.store.Library` (a mixin), made inside its
transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from refs.dedupe.merge import merge_variants
from refs.dedupe.pairs import Item, make_item
from refs.library.hand import with_hand
from refs.library.reads import Reads
from refs.library.same_article import same_as
from refs.library.schema import (
    FIELD_COLS,
    FIELD_MARKS,
    FIELD_SETS,
    MATCH_COLS,
    fields_row,
)
from refs.models import Citation, Fields

Columns = tuple[object, ...]  # a reference's fields as FIELD_COLS hold them (fields_row)


def match_item(key: str, fields: Fields) -> Item:
    """The matching view of a record's fields."""
    return make_item(
        key, fields.title, fields.outlet, fields.issued, fields.outlet_canonical, fields.author
    )


def match_row(match: Item) -> tuple[str, str, str, str]:
    """The values of MATCH_COLS for a record's matching view."""
    return (match.title, match.outlet, match.cited, match.authors)


class ArticleRow(NamedTuple):
    """An article as the library stores it, with the file it was added from."""

    id: str
    source: str
    file: str
    publication: str | None
    issue: str | None
    issue_date: str | None
    title: str | None
    layout: str
    url: str | None = None


class Writes(Reads):
    """The writes of an open library (inside ``Library.transaction``)."""

    def insert_articles(self, rows: Sequence[ArticleRow]) -> None:
        """Articles with the file each was added from (an article known already gets
        the file alone)."""
        self.db.executemany(
            "INSERT OR IGNORE INTO articles (id, source, publication, issue, issue_date, "
            "title, layout, url, same_as) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (r.id, r.source, r.publication, r.issue, r.issue_date, r.title, r.layout, r.url,
                 same_as(r.publication, r.issue, r.title))
                for r in rows
            ],
        )  # fmt: skip
        self.db.executemany(
            "INSERT OR IGNORE INTO article_files VALUES (?, ?, ?, ?)",
            [(r.id, r.file, r.source, r.layout) for r in rows],
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

    def insert_records(
        self, records: Sequence[tuple[str, Fields, Item | None, Columns | None]]
    ) -> list[int]:
        """New records with their keys, fields, matching views and columns (the last two
        where known already); one statement for all. Their ids in order."""
        first = int(self.db.execute("SELECT coalesce(max(id), 0) FROM records").fetchone()[0]) + 1
        ids = list(range(first, first + len(records)))
        rows = []
        for rid, (key, fields, match, columns) in zip(ids, records, strict=True):
            m = match or match_item(key, fields)
            rows.append((rid, key, *(columns or fields_row(fields)), *match_row(m)))
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

    def insert_citations(self, rows: Iterable[tuple[int, Citation, Fields | Columns]]) -> None:
        """Citations (record id, citation, the variant cited or its columns)."""
        self.db.executemany(
            f"INSERT OR IGNORE INTO citations (record_id, article_id, article, issue, idx, "
            f"raw, line, {FIELD_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, {FIELD_MARKS})",
            (
                (
                    rid,
                    c.article_id,
                    c.article,
                    c.issue,
                    c.index,
                    c.raw,
                    c.line,
                    *(v if isinstance(v, tuple) else fields_row(v)),
                )
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
        for table, col in (("hand_fields", "field"), ("tags", "tag")):
            self.db.execute(  # where keep_id has its own: kept (SQLite's UPDATE OR IGNORE)
                f"UPDATE {table} SET record_id = ? WHERE record_id = ? "
                f"AND {col} NOT IN (SELECT {col} FROM {table} WHERE record_id = ?)",
                (keep_id, drop_id, keep_id),
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
