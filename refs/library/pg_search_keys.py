"""What ``search_words`` (the records of each word of the PostgreSQL search index, as
refs.library.pg_search keeps it) tells of a query before it runs: how many records hold
each of its words and filters (for BM25's IDF and the share of the library a query
matches), and the words its last word, a prefix, starts (asked as those words, which
the GIN index can skip through, where a prefix match collects every record of every
word it starts)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

from refs.library.connection import Connection
from refs.library.search_filters import OVERLAPPING

# the facets go in as they are, each marked with FACET, a character no word holds: so no
# word typed (``a``, a prefix) finds one, and a filter finds nothing but its own
FACET = "#"
# the hits of the last word (a prefix) are counted up to this many for its IDF: a prefix
# more common counts as this common (counting them all takes a scan of them all)
COUNTED = 10_000
# a prefix starting at most this many words is asked as those words (more: as a prefix)
EXPANDED = 64


class Keys(NamedTuple):
    """What search_words tells of the keys of a query: about how many records hold each
    (each word typed, the last one's every word counted; then each group of facets: its
    tokens' together, or the commonest one's where they overlap), and the words the last
    one starts (None: more than EXPANDED), the commonest of them holding ``most``."""

    records: list[int]
    started: list[str] | None
    most: int


def query_keys(db: Connection, terms: list[str], facets: list[list[str]]) -> Keys:
    """The Keys of the words ``terms`` (tsqueries') and the groups of facets asked."""
    *whole, last = [t.split("'")[1] for t in terms]
    started = db.execute(
        "SELECT word, count(*) OVER (), sum(docs) OVER (), max(docs) OVER () "
        "FROM search_words WHERE word LIKE ? AND docs > 0 ORDER BY word LIMIT ?",
        (last + "%", EXPANDED + 1),
    ).fetchall()
    asked = [("sum", "word = ?", [w]) for w in whole]
    for group in facets:  # an outlet's or an article's forms: most records hold several
        marked = [FACET + f for f in group]
        many = "max" if group[0][0] in OVERLAPPING else "sum"
        asked.append((many, f"word IN ({','.join('?' * len(marked))})", marked))
    records = []
    for many, condition, values in asked:
        sql = f"SELECT coalesce({many}(docs), 0) FROM search_words WHERE {condition}"
        records.append(int(db.execute(sql, values).fetchone()[0]))
    count, total, most = (int(v) for v in started[0][1:]) if started else (0, 0, 0)
    records.insert(len(whole), total)
    return Keys(records, [r[0] for r in started] if count <= EXPANDED else None, most)


def _hits(db: Connection, terms: list[str], keys: Keys) -> int:
    """The records holding a word the last of ``terms`` starts, counted up to COUNTED (a
    prefix may start several words of one record)."""
    if keys.most >= COUNTED:
        return COUNTED
    if keys.started is not None and len(keys.started) == 1:
        return keys.records[len(terms) - 1]
    sql = (
        "SELECT count(*) FROM (SELECT 1 FROM search_fts "
        "WHERE doc @@ to_tsquery('simple', ?) LIMIT ?) AS hits"
    )
    return int(db.execute(sql, (last_asked(terms, keys), COUNTED)).fetchone()[0])


def idfs(db: Connection, terms: list[str], keys: Keys, docs: int) -> list[float]:
    """FTS5's IDF of each word of ``terms`` (tsqueries'; 1 for a one-word query: it
    scales every score alike)."""
    if len(terms) == 1:
        return [1.0]
    out = []
    for hits in [*keys.records[: len(terms) - 1], _hits(db, terms, keys)]:
        idf = math.log((docs - hits + 0.5) / (hits + 0.5))
        out.append(idf if idf > 0 else 1e-6)
    return out


def matched_share(terms: list[str], keys: Keys, docs: int) -> float:
    """About the share of the records a query matches (0 when a word is not found):
    words that go together (``test ban``) match about as often as the rarer one, and the
    filters, which have nothing to do with the words, narrow that by their own shares."""
    shares = [min(1.0, n / docs) if docs else 0.0 for n in keys.records]
    return math.prod([min(shares[: len(terms)]), *shares[len(terms) :]])


def last_asked(terms: list[str], keys: Keys) -> str:
    """The last of ``terms`` as the index is asked for it: the words it starts."""
    if not keys.started:  # (none: a word PostgreSQL's parser cuts in two; or too many)
        return terms[-1]
    return any_of(keys.started)


def any_of(lexemes: Iterable[str]) -> str:
    """A tsquery matching a document that holds any of ``lexemes``."""
    return "(" + " | ".join(f"'{w}'" for w in lexemes) + ")"
