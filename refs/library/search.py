"""Full-text search of the library (``refs search``) with SQLite FTS5: titles, outlets
(every registered alias of the canonical outlet, so ``AP`` finds the Associated Press),
the other text fields (names, publisher, ...), notes and tags, ranked by BM25 with the
title weighing most (on PostgreSQL, its own full-text search: refs.library.pg_search).
Triggers mark the records whose text changed (``search_stale``);
:func:`refresh` indexes them again before a query, so the index never lags."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from refs.library import pg_search
from refs.library.schema import FIELD_COLS, fields_of_row
from refs.library.store import Library
from refs.models import FIELD_NAMES, Fields
from refs.outlets import forms

# the weight of each column of search_fts in the rank (title, outlets, fields, notes, tags)
WEIGHTS = (10.0, 4.0, 2.0, 1.0, 5.0)
_OUTLET_FIELDS = ("outlet", "outlet_canonical", "container_title", "publisher")
_WORD = re.compile(r"\w+", re.UNICODE)
# A query matching more references than this ranks the ones added last (the work of
# ranking grows with the matches; a query that unspecific is refined, not paged through).
RANKED = 10_000


def _strings(value: object) -> Iterator[str]:
    """The text inside a field's value, whatever its shape (a string, a list of names, a
    model with string parts)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        for v in vars(value).values():
            yield from _strings(v)


def search_texts(fields: Fields) -> tuple[str, str, str]:
    """The title, outlets and other fields' text of a record as the index holds them."""
    outlets: list[str] = []
    for name in _OUTLET_FIELDS:
        value = getattr(fields, name)
        if isinstance(value, str) and value:
            outlets.append(value)
            outlets.extend(forms(value))
    others = [
        s
        for name in FIELD_NAMES
        if name not in ("title", "type", *_OUTLET_FIELDS)
        for s in _strings(getattr(fields, name))
    ]
    words = dict.fromkeys(w for o in outlets for w in _WORD.findall(o.casefold()))
    return fields.title, " ".join(words), " ".join(others)


def refresh(lib: Library) -> int:
    """Index the records marked stale again; returns how many."""
    db = lib.db
    stale = [int(r[0]) for r in db.execute("SELECT record_id FROM search_stale")]
    if not stale:
        return 0
    for start in range(0, len(stale), 500):
        chunk = stale[start : start + 500]
        marks = ",".join("?" * len(chunk))
        db.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", chunk)
        rows = db.execute(f"SELECT id, {FIELD_COLS} FROM records WHERE id IN ({marks})", chunk)
        found = {int(r[0]): fields_of_row(r[1:]) for r in rows}
        notes = _joined(
            db.execute(
                f"SELECT record_id, text FROM notes WHERE record_id IN ({marks}) ORDER BY id", chunk
            )
        )
        tags = _joined(
            db.execute(
                f"SELECT record_id, tag FROM tags WHERE record_id IN ({marks}) ORDER BY tag", chunk
            )
        )
        texts = [
            (rid, *search_texts(f), notes.get(rid, ""), tags.get(rid, ""))
            for rid, f in sorted(found.items())
        ]
        if lib.server:
            db.executemany(pg_search.INSERT_SQL, [pg_search.index_row(r) for r in texts])
        else:
            db.executemany(
                "INSERT INTO search_fts (rowid, title, outlets, fields, notes, tags) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                texts,
            )
    db.execute("DELETE FROM search_stale")
    return len(stale)


def _joined(rows: Iterable[tuple[object, object]]) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for rid, text in rows:
        out.setdefault(int(str(rid)), []).append(str(text))
    return {k: " ".join(v) for k, v in out.items()}


def fts_query(text: str) -> str | None:
    """The FTS5 query for what a user typed: every word must occur, the last one as a
    word start (``nucl`` finds nuclear); never FTS5 syntax (quotes, NEAR, column filters
    are taken as words)."""
    words = _WORD.findall(text)
    if not words:
        return None
    return (
        " AND ".join(f'"{w}"' for w in words[:-1])
        + (" AND " if words[1:] else "")
        + (f'"{words[-1]}"*')
    )


def search(lib: Library, text: str, limit: int | None = None) -> list[str]:
    """The keys of the records matching ``text``, best first (BM25, the title weighing
    most; ties in the order the records were added); of the RANKED matches added last."""
    if lib.server:
        terms = pg_search.tsqueries(text)
        if not terms:
            return []
        sql = pg_search.search_sql(len(terms))
        return _keys(lib, _ranked(lib, sql, pg_search.search_params(terms), limit))
    query = fts_query(text)
    if query is None:
        return []
    weights = ", ".join(str(w) for w in WEIGHTS)
    # the newest RANKED matches, ranked: a bound on the work for a query that matches a
    # good part of the library (FTS5 walks rowids backwards and stops)
    sql = (
        f"SELECT rowid FROM (SELECT rowid, bm25(search_fts, {weights}) AS score "
        "FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?) "
        "ORDER BY score, rowid"
    )
    return _keys(lib, _ranked(lib, sql, [query], limit))


def _ranked(lib: Library, sql: str, params: list[object], limit: int | None) -> list[int]:
    """The record ids the ranking query ``sql`` gives (its last parameter: RANKED)."""
    params = [*params, RANKED]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [int(r[0]) for r in lib.db.execute(sql, params)]


def _keys(lib: Library, ids: list[int]) -> list[str]:
    """The keys of the records ``ids``, in that order."""
    keys: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        keys.update(
            (int(r[0]), str(r[1]))
            for r in lib.db.execute(f"SELECT id, key FROM records WHERE id IN ({marks})", chunk)
        )
    return [keys[i] for i in ids if i in keys]
