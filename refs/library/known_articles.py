"""What the library holds already of a batch of articles, asked once a batch (not one
query an article, which on a server is a round trip each): which identities it has,
which of them from which file, which with a text, and the articles sharing a
correction's form (``articles.same_as``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from refs.library.connection import Connection

_CHUNK = 500  # values in one IN (...)


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    every = sorted(set(values))
    for start in range(0, len(every), _CHUNK):
        yield every[start : start + _CHUNK]


def _among(db: Connection, sql: str, values: Iterable[str]) -> list[tuple[object, ...]]:
    """The rows of ``sql`` (its ``{}`` the marks of an IN list) for ``values``, chunked."""
    out: list[tuple[object, ...]] = []
    for chunk in _chunks(values):
        out.extend(tuple(r) for r in db.execute(sql.format(",".join("?" * len(chunk))), chunk))
    return out


@dataclass(frozen=True)
class KnownArticles:
    """Of the articles asked about: those the library has, the (article, file) pairs it
    was added from, and those with a text kept."""

    articles: frozenset[str]
    files: frozenset[tuple[str, str]]
    texts: frozenset[str]


def known_articles(db: Connection, ids: Iterable[str]) -> KnownArticles:
    """What the library holds of the articles ``ids``."""
    wanted = set(ids)
    articles = _among(db, "SELECT id FROM articles WHERE id IN ({})", wanted)
    files = _among(
        db, "SELECT article_id, file FROM article_files WHERE article_id IN ({})", wanted
    )
    texts = _among(db, "SELECT article_id FROM article_texts WHERE article_id IN ({})", wanted)
    return KnownArticles(
        frozenset(str(r[0]) for r in articles),
        frozenset((str(a), str(f)) for a, f in files),
        frozenset(str(r[0]) for r in texts),
    )


def sharing_form(db: Connection, forms: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Per form (refs.library.same_article.same_as): the (id, source) of the library's
    articles of that form, by id."""
    out: dict[str, list[tuple[str, str]]] = {}
    sql = "SELECT same_as, id, source FROM articles WHERE same_as IN ({})"
    for form, aid, source in sorted(_among(db, sql, forms), key=lambda r: str(r[1])):
        out.setdefault(str(form), []).append((str(aid), str(source)))
    return out
