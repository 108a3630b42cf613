"""Article texts in the library (schema version 2): ``refs add`` keeps each article's
text; ``refs check`` without PATHs reads every article back with the library key of each
source-list entry. Articles added to a version-1 library have no text until they are
added again. Runs on an open :class:`refs.library.store.Library` (reads work read-only and on a
version-1 file)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from refs.library.store import Library
from refs.select import Selection

TEXTS_VERSION = 2  # the schema version that added article_texts


@dataclass(frozen=True)
class StoredArticle:
    """One library article as ``refs check`` needs it."""

    article_id: str
    source: str  # the path it was first added from
    text: str | None  # None: added before the library kept article texts
    text_source: str | None  # the file the text came from (as added)
    # source-list index -> (live key of its record, the entry as cited)
    entries: dict[int, tuple[str, str]] = field(default_factory=dict)


def keep_texts(lib: Library, texts: Iterable[tuple[str, str, str]]) -> None:
    """Keep each (article id, source, text) for an article that has no text yet."""
    lib.db.executemany(
        "INSERT OR IGNORE INTO article_texts (article_id, source, text) VALUES (?, ?, ?)", texts
    )


def stored_articles(lib: Library) -> list[StoredArticle]:
    """Every article of the library (not imports), ordered by source path, then id."""
    version = lib.schema_version()
    if version < 1:
        return []
    if version >= TEXTS_VERSION:
        sql = (
            "SELECT a.id, a.source, t.text, t.source FROM articles a "
            "LEFT JOIN article_texts t ON t.article_id = a.id"
        )
    else:
        sql = "SELECT id, source, NULL, NULL FROM articles"
    entries: dict[str, dict[int, tuple[str, str]]] = defaultdict(dict)
    # a merged record's citations point at the record kept, so r.key is the live key
    for article_id, idx, key, raw in lib.db.execute(
        "SELECT c.article_id, c.idx, r.key, c.raw FROM citations c "
        "JOIN records r ON r.id = c.record_id ORDER BY c.article_id, c.idx, c.article"
    ):
        entries[str(article_id)].setdefault(int(idx), (str(key), str(raw)))
    rows = sorted(lib.db.execute(sql).fetchall(), key=lambda r: (str(r[1]), str(r[0])))
    return [
        StoredArticle(
            article_id=str(aid),
            source=str(source),
            text=None if text is None else str(text),
            text_source=None if text_source is None else str(text_source),
            entries=entries.get(str(aid), {}),
        )
        for aid, source, text, text_source in rows
    ]


def selected_articles(
    lib: Library, stored: list[StoredArticle], selection: Selection
) -> list[StoredArticle]:
    """The articles of ``stored`` that pass the reference filters of ``selection``
    (refs.select.article_selected): of a --cited-by issue, citing a reference of the
    --outlet, --type, --tag, --since and --until asked."""
    from refs.library.edits import tags_by_key
    from refs.select import article_selected

    issues = {str(aid): issue for aid, issue in lib.db.execute("SELECT id, issue FROM articles")}
    refs = {r.key: r for r in lib.references()}
    tags = tags_by_key(lib) if selection.tags else None
    return [
        s
        for s in stored
        if article_selected(
            issues.get(s.article_id),
            [refs[k] for k, _ in s.entries.values() if k in refs],
            selection,
            tags,
        )
    ]
