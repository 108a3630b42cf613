"""``refs search`` on PostgreSQL: its own full-text search, ranked by the rules of the
SQLite index (refs.library.search) as far as PostgreSQL's ranking allows.

Each record is one ``tsvector`` (``search_fts.doc``, GIN-indexed) of its words as FTS5's
``unicode61 remove_diacritics 2`` tokenizer finds them (words folded here, in Python,
so both databases see the same words; the ``simple`` configuration, no stemming). The
five columns of the SQLite index become the four weights of a ``tsvector``: the title
A, outlets and tags B, other fields C, notes D, weighed as SQLite weighs them; the sum
of each word's ``ts_rank`` stands in for BM25 (``ts_rank`` of several words at once
weighs their distance, which BM25 does not). Every word must occur, the last one as a
prefix; ties go to the record added first; a query matching more than RANKED records
ranks the RANKED added last, as on SQLite.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
# ts_rank's weights of D, C, B, A, as the SQLite index weighs notes, fields, outlets, title
RANK_WEIGHTS = "{0.1, 0.2, 0.45, 1.0}"


def words(text: str) -> list[str]:
    """The words of ``text`` as the index holds them: casefolded, without diacritics."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _WORD.findall(bare.casefold())


def _part(weight: str) -> str:
    return f"setweight(to_tsvector('simple', ?), '{weight}')"


INSERT_SQL = (
    "INSERT INTO search_fts (rowid, doc) VALUES (?, "
    + " || ".join(_part(w) for w in ("A", "B", "C", "D", "B"))
    + ")"
)


def index_row(row: tuple[object, ...]) -> tuple[object, ...]:
    """(rowid, title, outlets, fields, notes, tags) as INSERT_SQL takes them."""
    rid, *texts = row
    return (rid, *(" ".join(words(str(t))) for t in texts))


def tsqueries(text: str) -> list[str]:
    """One ``tsquery`` per word of ``text``, the last one as a word start (``nucl``
    finds nuclear); a record matches when it has every one."""
    found = words(text)
    quoted = [f"'{w}'" for w in found]
    if quoted:
        quoted[-1] += ":*"
    return quoted


def search_sql(terms: int) -> str:
    """The newest RANKED matches of ``terms`` words, best first: the rank is the sum of
    each word's rank (as BM25 sums its terms' scores, so a word every hit has, such as
    the outlet's name, does not reorder them), ties in the order of adding. Parameters:
    each word's tsquery, then all of them (search_params), then RANKED."""
    score = " + ".join(
        f"ts_rank('{RANK_WEIGHTS}', doc, to_tsquery('simple', ?))" for _ in range(terms)
    )
    return (
        f"SELECT rowid FROM (SELECT rowid, {score} AS score FROM search_fts "
        "WHERE doc @@ to_tsquery('simple', ?) ORDER BY rowid DESC LIMIT ?) AS hits "
        "ORDER BY score DESC, rowid"
    )


def search_params(terms: list[str]) -> list[object]:
    """The parameters of search_sql before RANKED: each word's query, then all words'."""
    return [*terms, " & ".join(terms)]
