"""The digest articles of the library as citable items (CSL ``article-magazine``): the
title, the publication as container, the issue, the issue date, the URL. Their keys are
``article-`` + publication abbreviation, issue and first title word (``article-dd52-
clinton``), never one a reference can have (reference keys hold no hyphen); articles
that would share one get their id's start after it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from refs.keys import title_word
from refs.library.store import Library
from refs.models import FIELD_NAMES, Keyed, PartialDate
from refs.models.trusted import filled
from refs.outlets import resolve
from refs.select import parse_bound


@dataclass(frozen=True)
class ArticleRow:
    id: str
    source: str
    publication: str | None
    issue: str | None
    issue_date: str | None
    title: str | None
    url: str | None = None


def article_rows(lib: Library) -> list[ArticleRow]:
    return [
        ArticleRow(*(None if v is None else str(v) for v in row))  # type: ignore[arg-type]
        for row in lib.db.execute(
            "SELECT id, source, publication, issue, issue_date, title, url FROM articles "
            "ORDER BY source, id"
        )
    ]


def _base(row: ArticleRow) -> str:
    abbrev = resolve(row.publication).abbrev if row.publication else "anon"
    issue = "".join(ch for ch in (row.issue or "") if ch.isalnum()).lower()
    return f"article-{abbrev}{issue}-{title_word(row.title or row.source)}"


def _issued(text: str | None) -> PartialDate | None:
    """The issue date (the last month of a range such as 1997-02/1997-03)."""
    if not text:
        return None
    return parse_bound(text.split("/")[-1])


def article_items(rows: list[ArticleRow]) -> list[Keyed]:
    """The citable items of ``rows``, in their order. Pure."""
    bases = [_base(r) for r in rows]
    shared = Counter(bases)
    out = []
    for row, base in zip(rows, bases, strict=True):
        key = base if shared[base] == 1 else f"{base}-{row.id[:6]}"
        values: dict[str, Any] = {
            "key": key,
            "title": row.title or row.source,
            "type": "article-magazine",
            "container_title": row.publication,
            "issued": _issued(row.issue_date),
            "url": row.url,
        }
        if "issue" in FIELD_NAMES:  # the fields model knows more CSL variables
            values["issue"] = row.issue
        out.append(filled(Keyed, values))  # unnamed fields take their defaults
    return out


def set_url(lib: Library, file: str, url: str) -> int:
    """Give the article added from ``file`` (its resolved path) the URL ``url``; returns
    how many articles got it (0: the file is not in the library). In the caller's
    transaction."""
    return lib.db.execute(
        "UPDATE articles SET url = ? WHERE id IN "
        "(SELECT article_id FROM article_files WHERE file = ?)",
        (url, file),
    ).rowcount
