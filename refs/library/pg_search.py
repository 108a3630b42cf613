"""``refs search`` on PostgreSQL: its own full-text search, ranked by the rules of the
SQLite index (refs.library.search): FTS5's BM25 with the same column weights.

Each record is one ``tsvector`` (``search_fts.doc``, GIN-indexed) of its words as FTS5's
``unicode61 remove_diacritics 2`` tokenizer finds them (words folded here, in Python,
so both databases see the same words; the ``simple`` configuration, no stemming), and
its length in words (``search_fts.len``, all columns of the SQLite index, the facets
too). The columns become the weight classes of a ``tsvector``: the title A, outlets B,
other fields C, notes D, and tags both B and D (a tag weighs an outlet plus a note).
For a one-word query ``ts_rank_cd`` without normalisation is the sum of the weights of
the word's occurrences: the weighted term frequency that FTS5's BM25 sums per column.
BM25 follows (k1 1.2, b 0.75), with the number of records and their words kept in
``refs_meta`` and the records that hold each word in ``search_words`` as the index
changes, for each word's IDF (refs.library.pg_search_keys; a one-word query needs no
IDF: it scales every score alike). Every word must occur, the last one as a prefix;
ties go to the record added first; a query matching more than RANKED records ranks the
RANKED added last, as on SQLite.

The GIN index finds the records of a word from its whole list: it cannot stop at the
newest. So each document also holds the token of its era (ERA_BITS of the rowid), and a
query looking among the newest records asks for their eras too, where they hold fewer
records than the rarest word or filter asked: the index then skips the older parts of
every list. It skips only between whole words: a prefix is asked as the words of
``search_words`` it starts (refs.library.pg_search_keys).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from refs.library.connection import Connection
from refs.library.pg_search_keys import (
    FACET,
    Keys,
    any_of,
    idfs,
    last_asked,
    matched_share,
    query_keys,
)
from refs.library.search_filters import newest_ranked
from refs.patterns import compiled

# letters and digits, as unicode61 finds tokens (an underscore separates them)
_WORD = compiled(r"[^\W_]+", re.UNICODE)
# FTS5's BM25 (sqlite3 ext/fts5/fts5_aux.c)
K1, B = 1.2, 0.75
# the weight classes of the index: title A, outlets B, fields C, notes D, tags B and D;
# the facets (what the filters ask) D, marked so that no word typed finds them (FACET)
_CLASSES = ("A", "B", "C", "D", "B", "D", "D")
STATS = ("search_docs", "search_tokens")
# a document's era: its rowid without these low bits (eras of 16,384 records)
ERA_BITS = 14
# how the ranking query runs: the words' bitmap among the newest records (an index scan
# of the newest first cannot skip the records without the words), its newest matches
# sorted in memory by one process, never compiled (JIT costs more than such a query)
SETTINGS = (
    ("enable_indexscan", "off"),
    ("max_parallel_workers_per_gather", "0"),
    ("work_mem", "'64MB'"),
    ("jit", "off"),
)


def folded(text: str) -> str:
    """``text`` casefolded, without diacritics."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.casefold()


def words(text: str) -> list[str]:
    """The words of ``text`` as the index holds them: casefolded, without diacritics
    (ASCII text, most of it, is only lowered: the same, a test says, in half the
    time)."""
    return _WORD.findall(text.lower() if text.isascii() else folded(text))


def class_weights(weights: Sequence[float]) -> tuple[str, float]:
    """``ts_rank_cd``'s weights of D, C, B, A for the SQLite index's column weights
    (title, outlets, fields, notes, tags, facets) scaled to at most 1, and the scale
    that gives back SQLite's weighted frequency."""
    title, outlets, fields, notes = weights[:4]
    scale = max(title, outlets, fields, notes)
    return "{" + ", ".join(str(w / scale) for w in (notes, fields, outlets, title)) + "}", scale


def _part(weight: str) -> str:
    return f"setweight(to_tsvector('simple', ?), '{weight}')"


INSERT_SQL = (
    "INSERT INTO search_fts (rowid, len, doc) VALUES (?, ?, "
    + " || ".join(_part(w) for w in _CLASSES[:-1])
    + f" || setweight(array_to_tsvector(string_to_array(?, ' ')), '{_CLASSES[-1]}'))"
)


def era(rowid: int) -> str:
    """The token of the era of the record ``rowid`` (a facet no filter asks)."""
    return f"{FACET}r{rowid >> ERA_BITS}"


def index_row(row: Sequence[object]) -> tuple[object, ...]:
    """(rowid, title, outlets, fields, notes, tags, facets) as INSERT_SQL takes them; the
    facets with the record's era (which its length does not count)."""
    rid, title, outlets, fields, notes, tags, facets = (row[0], *(str(t) for t in row[1:7]))
    found = [words(t) for t in (title, outlets, fields, notes, tags)]
    length = sum(len(w) for w in found) + len(words(facets))
    marked = " ".join([*(FACET + f for f in facets.split()), era(int(str(rid)))])
    return (rid, length, *(" ".join(w) for w in found), " ".join(found[4]), marked)


def replace(
    db: Connection, ids: Sequence[int], rows: Sequence[Sequence[object]], counts: Counter[str]
) -> None:
    """Index the records ``ids`` again as ``rows`` (index_row's); what that changes in
    the counts goes into ``counts`` (records, words, and each word's records) for save
    (one update at the end: a row updated once a chunk grows a chain of versions)."""
    marks = ",".join("?" * len(ids))
    sql = f"SELECT len, tsvector_to_array(doc) FROM search_fts WHERE rowid IN ({marks})"
    for sign in (-1, 1):
        for length, found in db.execute(sql, ids).fetchall():
            counts[STATS[0]] += sign
            counts[STATS[1]] += sign * int(length)
            for w in found:
                counts[f"w:{w}"] += sign
        if sign < 0:  # the old rows counted out: the new ones in
            db.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", ids)
            db.executemany(INSERT_SQL, [index_row(r) for r in rows])


def save(db: Connection, counts: Counter[str]) -> None:
    """Add the changes ``counts`` (of replace) to refs_meta and search_words."""
    for name in STATS:
        db.execute("UPDATE refs_meta SET value = value + ? WHERE name = ?", (counts[name], name))
    db.executemany(
        "INSERT INTO search_words (word, docs) VALUES (?, ?) ON CONFLICT (word) "
        "DO UPDATE SET docs = search_words.docs + EXCLUDED.docs",
        sorted((k[2:], n) for k, n in counts.items() if k.startswith("w:") and n),
    )


def tsqueries(text: str) -> list[str]:
    """One ``tsquery`` per word of ``text``, the last one as a word start (``nucl``
    finds nuclear); a record matches when it has every one."""
    quoted = [f"'{w}'" for w in words(text)]
    if quoted:
        quoted[-1] += ":*"
    return quoted


def _eras(low: int, top: int, keys: Keys) -> str | None:
    """The eras of the records after ``low`` up to ``top`` as a tsquery, where they hold
    fewer records than the rarest key of the query (else the eras cost more than they
    spare, and None)."""
    first, end = (low + 1) >> ERA_BITS, top >> ERA_BITS
    if low <= 0 or (end - first + 1) << ERA_BITS >= min(keys.records):
        return None
    return any_of(era(n << ERA_BITS) for n in range(first, end + 1))


class Asked(NamedTuple):
    """A search: the words (tsqueries'), the column weights of the SQLite index, and the
    groups of facet tokens a hit has one of each (refs.library.search_filters)."""

    terms: list[str]
    weights: Sequence[float]
    facets: list[list[str]]


def ranked_ids(db: Connection, asked: Asked, ranked: int, limit: int | None) -> list[int]:
    """The record ids of the newest ``ranked`` matches of ``asked``, best first by BM25,
    ties in the order of adding; at most ``limit``. PostgreSQL cannot walk an index of
    words newest first as FTS5 does, so the matches come from the GIN index (a bitmap,
    never the rows one by one) among the newest records, as many as should hold
    ``ranked`` matches, and from more until they do or the query has seen every record:
    the same ids as over all records."""
    stats = dict(db.execute("SELECT name, value FROM refs_meta WHERE name IN (?, ?)", STATS))
    docs, tokens = int(stats.get(STATS[0], 0)), int(stats.get(STATS[1], 0))
    keys = query_keys(db, asked.terms, asked.facets)
    share = matched_share(asked.terms, keys, docs)
    score, params = _score(db, asked, keys, docs, tokens)
    top = int(db.execute("SELECT coalesce(max(rowid), 0) FROM search_fts").fetchone()[0])
    # (a word PostgreSQL's parser cuts in two is not in search_words: all records)
    window = max(ranked, int(ranked / share * 1.5)) if share else top
    db.execute("; ".join(f"SET LOCAL {name} = {value}" for name, value in SETTINGS))
    while True:  # (an error ends the transaction: the settings are never left set)
        low = top - window
        sql, asking = _query(asked, keys, score, _eras(low, top, keys))
        sql += " LIMIT ?" if limit else ""
        found = db.execute(sql, [*params, *asking, low, ranked, *([limit] if limit else [])])
        rows = found.fetchall()
        seen = int(rows[0][1]) if rows else 0
        if low <= 0 or seen >= ranked:
            db.execute("; ".join(f"SET LOCAL {name} TO DEFAULT" for name, _ in SETTINGS))
            return [int(r[0]) for r in rows]
        window = int(window * min(8.0, max(2.0, 1.5 * ranked / max(seen, 1))))  # as seen


def _score(
    db: Connection, asked: Asked, keys: Keys, docs: int, tokens: int
) -> tuple[str, list[object]]:
    """The BM25 score of a record for ``asked`` (SQL) and its parameters."""
    terms, weights, _ = asked
    avgdl = tokens / docs if docs and tokens else 1.0
    classes, scale = class_weights(weights)
    # the weighted frequency, rounded to 4 places off float4's noise (SQLite sums
    # doubles); all of it in float8 (numeric arithmetic doubled the cost of a score)
    rank = f"ts_rank_cd('{classes}', doc, to_tsquery('simple', ?))"
    freq = f"(round({rank} * {scale * 10**4}::float8) / 10000::float8)"
    # BM25's tf * (k1 + 1) / (tf + K) as (k1 + 1) * (1 - K / (tf + K)): the frequency,
    # the costly part, once (PostgreSQL computes each occurrence of it)
    k = f"({K1}::float8 * ({1 - B}::float8 + {B}::float8 * len / ?::float8))"
    bm25 = f"({K1 + 1}::float8 * (1 - {k} / ({freq} + {k})))"
    score = " - ".join(["0", *(f"?::float8 * {bm25}" for _ in terms)])  # FTS5's sign
    params: list[object] = []
    for term, idf in zip(terms, idfs(db, terms, keys, docs), strict=True):
        params += [idf, avgdl, term, avgdl]
    return score, params


def _query(asked: Asked, keys: Keys, score: str, eras: str | None) -> tuple[str, list[object]]:
    """The ranking query of ranked_ids for ``score`` (parameters to add: the score's,
    these, the lowest record id not seen, the number ranked, the limit if any) and the
    parameters of its match: the words, the facets asked, the eras looked in."""
    terms, _, facets = asked
    tokens = [any_of(FACET + t for t in g) for g in facets]
    tokens += [eras] if eras else []
    match = "doc @@ to_tsquery('simple', ?)" + (" AND doc @@ ?::tsquery" if tokens else "")
    sql = newest_ranked(score, match + " AND search_fts.rowid > ?", "rowid, count(*) OVER ()")
    matched = " & ".join([*terms[:-1], last_asked(terms, keys)])
    return sql, [matched, *([" & ".join(tokens)] if tokens else [])]
