"""Full-text search of the library (``refs search``) with SQLite FTS5: titles, outlets
(every registered alias of the canonical outlet, so ``AP`` finds the Associated Press),
the other text fields (names, publisher, ...), notes and tags, ranked by BM25 with the
title weighing most (on PostgreSQL, its own full-text search: refs.library.pg_search).
Triggers mark the records whose text changed (``search_stale``);
:func:`refresh` indexes them again before a query, so the index never lags."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from refs.library import pg_search
from refs.library.schema import FIELD_COLS
from refs.library.search_filters import (
    facet_groups,
    fts_terms,
    may_be_facet,
    newest_ranked,
    record_facets,
)
from refs.library.store import Library
from refs.models import LibraryReference
from refs.outlets import fold, forms
from refs.patterns import compiled
from refs.select import Selection, select

# the weight of each column of search_fts in the rank (title, outlets, fields, notes, tags,
# facets: what the filters ask, which weighs nothing, so a filter never changes the rank)
WEIGHTS = (10.0, 4.0, 2.0, 1.0, 5.0, 0.0)
TEXT_COLUMNS = ("title", "outlets", "fields", "notes", "tags")  # what words typed look in
_OUTLET_FIELDS = ("outlet", "outlet_canonical", "container_title", "publisher")
_WORD = compiled(r"\w+", re.UNICODE)
# A query matching more references than this ranks the ones added last (the work of
# ranking grows with the matches; a query that unspecific is refined, not paged through).
RANKED = 10_000


def _strings(value: object) -> Iterator[str]:
    """The text inside a field's value as JSON holds it (a string, a list of names, an
    object with string parts)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)


# where the columns of FIELD_COLS that the index reads are
_AT = {name: n for n, name in enumerate(FIELD_COLS.split(", "))}


def search_texts(row: Sequence[object]) -> tuple[str, str, str]:
    """The title, outlets and other fields' text of a record (its FIELD_COLS row) as the
    index holds them: the outlets with every registered alias, the others from the
    fields beyond the columns."""
    outlets: list[str] = []
    for name in _OUTLET_FIELDS:
        value = row[_AT[name]]
        if isinstance(value, str) and value:
            outlets.extend((value, fold(value), *forms(value)))  # Latin letters too
    rest = row[_AT["csl"]]
    others = list(_strings(json.loads(str(rest)))) if rest is not None else []
    words = dict.fromkeys(w for o in outlets for w in _WORD.findall(o.casefold()))
    return str(row[_AT["title"]]), " ".join(words), " ".join(others)


def refresh(lib: Library) -> int:
    """Index the records marked stale again; returns how many."""
    db = lib.db
    stale = [int(r[0]) for r in db.execute("SELECT record_id FROM search_stale")]
    if not stale:
        return 0
    counts: Counter[str] = Counter()  # what PostgreSQL's index counts (pg_search.save)
    for start in range(0, len(stale), 500):
        chunk = stale[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(f"SELECT id, {FIELD_COLS} FROM records WHERE id IN ({marks})", chunk)
        found = {int(r[0]): r[1:] for r in rows}
        notes = _listed(
            db.execute(
                f"SELECT record_id, text FROM notes WHERE record_id IN ({marks}) ORDER BY id", chunk
            )
        )
        tags = _listed(
            db.execute(
                f"SELECT record_id, tag FROM tags WHERE record_id IN ({marks}) ORDER BY tag", chunk
            )
        )
        cited: dict[int, list[tuple[str, str | None]]] = {}
        for rid, article, issue in db.execute(
            f"SELECT record_id, article, issue FROM citations WHERE record_id IN ({marks}) "
            "ORDER BY id",
            chunk,
        ):
            cited.setdefault(int(rid), []).append((str(article), issue))
        texts = [
            _row(rid, f, notes.get(rid, []), tags.get(rid, []), cited.get(rid, []))
            for rid, f in sorted(found.items())
        ]
        if lib.server:  # PostgreSQL: its own index (refs.library.pg_search)
            pg_search.replace(db, chunk, texts, counts)
        else:
            db.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", chunk)
            db.executemany(
                "INSERT INTO search_fts (rowid, title, outlets, fields, notes, tags, facets) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                texts,
            )
    if lib.server:
        pg_search.save(db, counts)
    db.execute("DELETE FROM search_stale")
    return len(stale)


def _row(
    rid: int,
    row: Sequence[object],
    notes: list[str],
    tags: list[str],
    cited: list[tuple[str, str | None]],
) -> tuple[object, ...]:
    """A record's row of search_fts: its texts, and the facets the filters ask (of its
    fields, tags and citations: article, issue)."""
    title, outlets, others = search_texts(row)
    named = [v for name in _OUTLET_FIELDS if isinstance(v := row[_AT[name]], str) and v]
    year = row[_AT["year"]]
    facets = record_facets(
        named, tags, str(row[_AT["type"]]), year if isinstance(year, int) else None, cited
    )
    return (rid, title, outlets, others, " ".join(notes), " ".join(tags), facets)


def _listed(rows: Iterable[tuple[object, object]]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for rid, text in rows:
        out.setdefault(int(str(rid)), []).append(str(text))
    return out


def fts_query(text: str) -> str | None:
    """The FTS5 query for what a user typed: every word must occur, the last one as a
    word start (``nucl`` finds nuclear); never FTS5 syntax (quotes, NEAR, column filters
    are taken as words)."""
    words = _WORD.findall(text)
    if not words:
        return None
    typed = (
        " AND ".join(f'"{w}"' for w in words[:-1])
        + (" AND " if words[1:] else "")
        + (f'"{words[-1]}"*')
    )
    if not any(may_be_facet(w) for w in words):
        return f"({typed})"  # it cannot find a facet token: no column filter to apply
    return f"{{{' '.join(TEXT_COLUMNS)}}} : ({typed})"  # never the facets (a filter's)


def fresh(lib: Library) -> int:
    """Index again what is stale; a library with nothing stale is only read (no write
    lock is taken). Returns how many records were indexed."""
    if lib.db.execute("SELECT 1 FROM search_stale LIMIT 1").fetchone() is None:
        return 0
    with lib.transaction():
        return refresh(lib)


# SQLite's ranking query (parameters: the MATCH with the filters' terms, then RANKED):
# the newest RANKED matches that can pass, best first (BM25, the title weighing most;
# ties in the order the records were added). The newest RANKED: a bound on the work
# for a query that matches a good part of the library (FTS5 walks rowids backwards and
# stops); the filters are terms of the MATCH, so FTS5 skips what fails them.
FTS_SQL = newest_ranked(
    "bm25(search_fts, " + ", ".join(str(w) for w in WEIGHTS) + ")", "search_fts MATCH ?"
)


def _hits(lib: Library, text: str, selection: Selection, limit: int | None) -> list[int]:
    """The record ids matching ``text`` that can pass ``selection``, best first; of the
    RANKED matches added last."""
    if lib.server:
        terms = pg_search.tsqueries(text)
        if not terms:
            return []
        asked = pg_search.Asked(terms, WEIGHTS, facet_groups(selection))
        return pg_search.ranked_ids(lib.db, asked, RANKED, limit)
    query = fts_query(text)
    if query is None:
        return []
    return _ranked(lib, FTS_SQL, [" AND ".join([query, *fts_terms(selection)])], limit)


def _ranked(lib: Library, sql: str, params: list[object], limit: int | None) -> list[int]:
    """The record ids the ranking query ``sql`` gives (its last parameter: RANKED)."""
    params = [*params, RANKED]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [int(r[0]) for r in lib.db.execute(sql, params)]


def _keys(lib: Library, ids: Sequence[int]) -> list[str]:
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


def search(lib: Library, text: str, limit: int | None = None) -> list[str]:
    """The keys of the records matching ``text``, best first; of the RANKED matches added
    last."""
    return _keys(lib, _hits(lib, text, Selection(), limit))


def find(
    lib: Library, text: str, selection: Selection, limit: int | None = None
) -> list[LibraryReference]:
    """The references matching ``text`` that pass ``selection``, best first, at most
    ``limit``: the filters narrow the query, and the hits are read a page at a time
    (refs.select decides exactly) until ``limit`` pass."""
    from refs.library.edits import tags_by_key  # (its imports: only a tag filter's)

    ids = _hits(lib, text, selection, limit if selection.empty else None)
    page = max(limit or 0, 50)
    found: list[LibraryReference] = []
    for start in range(0, len(ids), page):
        keys = _keys(lib, ids[start : start + page])
        rank = {k: n for n, k in enumerate(keys)}
        refs = sorted(lib.references(keys), key=lambda r: rank[r.key])
        tags = tags_by_key(lib, ids[start : start + page]) if selection.tags else None
        found.extend(select(refs, selection, tags))
        if limit and len(found) >= limit:
            return found[:limit]
    return found
