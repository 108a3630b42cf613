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
changes, for each word's IDF (the last word, a prefix, has its hits counted up to
COUNTED; a one-word query needs no IDF: it scales every score alike). Every word must occur, the
last one as a prefix; ties go to the record added first; a query matching more than
RANKED records ranks the RANKED added last, as on SQLite.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from refs.library.connection import Connection
from refs.library.search_filters import OVERLAPPING, newest_ranked

# letters and digits, as unicode61 finds tokens (an underscore separates them)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# FTS5's BM25 (sqlite3 ext/fts5/fts5_aux.c)
K1, B = 1.2, 0.75
# the weight classes of the index: title A, outlets B, fields C, notes D, tags B and D;
# the facets (what the filters ask) D, marked so that no word typed finds them (FACET)
_CLASSES = ("A", "B", "C", "D", "B", "D", "D")
STATS = ("search_docs", "search_tokens")
# the hits of the last word (a prefix) are counted up to this many for its IDF: a prefix
# more common counts as this common (counting them all takes a scan of them all)
COUNTED = 10_000  # names in refs_meta: records and words indexed
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


# the facets go in as they are, each marked with FACET, a character no word holds: so no
# word typed (``a``, a prefix) finds one, and a filter finds nothing but its own
FACET = "#"
INSERT_SQL = (
    "INSERT INTO search_fts (rowid, len, doc) VALUES (?, ?, "
    + " || ".join(_part(w) for w in _CLASSES[:-1])
    + f" || setweight(array_to_tsvector(string_to_array(?, ' ')), '{_CLASSES[-1]}'))"
)


def index_row(row: Sequence[object]) -> tuple[object, ...]:
    """(rowid, title, outlets, fields, notes, tags, facets) as INSERT_SQL takes them."""
    rid, title, outlets, fields, notes, tags, facets = (row[0], *(str(t) for t in row[1:7]))
    found = [words(t) for t in (title, outlets, fields, notes, tags)]
    length = sum(len(w) for w in found) + len(words(facets))
    marked = " ".join(FACET + f for f in facets.split())
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


def _hits(db: Connection, term: str) -> int:
    """The records holding the word of ``term`` (from search_words), or starting with it
    (counted, up to COUNTED: a prefix may start several words of one record)."""
    word = term.split("'")[1]
    if term.endswith(":*"):
        sql = (
            "SELECT count(*) FROM (SELECT 1 FROM search_fts "
            "WHERE doc @@ to_tsquery('simple', ?) LIMIT ?) AS hits"
        )
        row = db.execute(sql, (term, COUNTED)).fetchone()
    else:
        row = db.execute("SELECT docs FROM search_words WHERE word = ?", (word,)).fetchone()
    return int(row[0]) if row else 0


def _idf(db: Connection, terms: list[str], docs: int) -> list[float]:
    """FTS5's IDF of each word of ``terms`` (tsqueries'; 1 for a one-word query: it
    scales every score alike)."""
    if len(terms) == 1:
        return [1.0]
    out = []
    for term in terms:
        hits = _hits(db, term)
        idf = math.log((docs - hits + 0.5) / (hits + 0.5))
        out.append(idf if idf > 0 else 1e-6)
    return out


def _share(db: Connection, terms: list[str], facets: list[list[str]], docs: int) -> float:
    """About the share of the records a query matches (from search_words; a prefix and a
    group of facets count each word they stand for; 0 when a word is not found): words
    that go together (``test ban``) match about as often as the rarer one, and the
    filters, which have nothing to do with the words, narrow that by their own shares
    (a group's: its tokens' together, or the commonest one's where they overlap)."""
    *whole, last = [t.split("'")[1] for t in terms]
    asked = [("sum", "word LIKE ?", [last + "%"]), *(("sum", "word = ?", [w]) for w in whole)]
    for group in facets:  # an outlet's or an article's forms: most records hold several
        marked = [FACET + f for f in group]
        many = "max" if group[0][0] in OVERLAPPING else "sum"
        asked.append((many, f"word IN ({','.join('?' * len(marked))})", marked))
    shares = []
    for many, condition, values in asked:
        sql = f"SELECT coalesce({many}(docs), 0) FROM search_words WHERE {condition}"
        found = db.execute(sql, values).fetchone()
        shares.append(min(1.0, int(found[0]) / docs) if found and docs else 0.0)
    return math.prod([min(shares[: len(terms)]), *shares[len(terms) :]])


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
    share = _share(db, asked.terms, asked.facets, docs)
    sql, params = _query(db, asked, docs, tokens)
    top = int(db.execute("SELECT coalesce(max(rowid), 0) FROM search_fts").fetchone()[0])
    # (a word PostgreSQL's parser cuts in two is not in search_words: all records)
    window = max(ranked, int(ranked / share * 1.5)) if share else top
    text = sql + (" LIMIT ?" if limit else "")
    for name, value in SETTINGS:  # (an error ends the transaction: never left set)
        db.execute(f"SET LOCAL {name} = {value}")
    while True:
        low = top - window
        found = db.execute(text, [*params, low, ranked, *([limit] if limit else [])]).fetchall()
        seen = int(found[0][1]) if found else 0
        if low <= 0 or seen >= ranked:
            for name, _ in SETTINGS:
                db.execute(f"SET LOCAL {name} TO DEFAULT")
            return [int(r[0]) for r in found]
        window = int(window * min(8.0, max(2.0, 1.5 * ranked / max(seen, 1))))  # as seen


def _query(db: Connection, asked: Asked, docs: int, tokens: int) -> tuple[str, list[object]]:
    """The ranking query of ranked_ids (parameters to add: the lowest record id not
    seen, the number ranked, the limit if any) and its parameters."""
    terms, weights, facets = asked
    avgdl = tokens / docs if docs and tokens else 1.0
    classes, scale = class_weights(weights)
    # the weighted frequency, rounded off float4's noise (SQLite sums doubles)
    freq = f"round(({scale} * ts_rank_cd('{classes}', doc, to_tsquery('simple', ?)))::numeric, 4)"
    freq = f"{freq}::float8"
    # BM25's tf * (k1 + 1) / (tf + K) as (k1 + 1) * (1 - K / (tf + K)): the frequency,
    # the costly part, once (PostgreSQL computes each occurrence of it)
    k = f"({K1} * (1 - {B} + {B} * len / ?::float8))"
    bm25 = f"({K1 + 1} * (1 - {k} / ({freq} + {k})))"
    score = " - ".join(["0", *(f"?::float8 * {bm25}" for _ in terms)])  # FTS5's sign
    match = "doc @@ to_tsquery('simple', ?)" + (" AND doc @@ ?::tsquery" if facets else "")
    sql = newest_ranked(score, match + " AND search_fts.rowid > ?", "rowid, count(*) OVER ()")
    params: list[object] = []
    for term, idf in zip(terms, _idf(db, terms, docs), strict=True):
        params += [idf, avgdl, term, avgdl]
    asked_facets = " & ".join("(" + " | ".join(f"'{FACET}{t}'" for t in g) + ")" for g in facets)
    return sql, [*params, " & ".join(terms), *([asked_facets] if facets else [])]
