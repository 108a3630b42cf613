"""The library's SQLite schema, its migrations, and the conversion of a citation's
variant to and from a row. Used by refs.library.store."""

from __future__ import annotations

from collections.abc import Sequence

from refs.dedupe.merge import Variant
from refs.models import PartialDate

_V1 = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,          -- hash of publication, issue, title, source list
        source TEXT NOT NULL, publication TEXT, issue TEXT, issue_date TEXT,
        title TEXT, layout TEXT)""",
    """CREATE TABLE article_files (     -- every file (layout) an article was added from
        article_id TEXT NOT NULL REFERENCES articles (id),
        file TEXT NOT NULL,              -- the resolved path: the same file however named
        source TEXT NOT NULL, layout TEXT, PRIMARY KEY (article_id, file))""",
    """CREATE TABLE records (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL, outlet TEXT, outlet_canonical TEXT,
        year INTEGER, month INTEGER, day INTEGER, year_inferred INTEGER NOT NULL,
        type TEXT NOT NULL, publisher TEXT, container_title TEXT,
        match_title TEXT NOT NULL, match_outlet TEXT NOT NULL, match_cited TEXT NOT NULL)""",
    "CREATE INDEX records_block ON records (match_outlet, year)",
    """CREATE TABLE citations (
        id INTEGER PRIMARY KEY,
        record_id INTEGER NOT NULL REFERENCES records (id),
        article_id TEXT NOT NULL, article TEXT NOT NULL, issue TEXT,
        idx INTEGER NOT NULL, raw TEXT NOT NULL, line INTEGER,
        title TEXT NOT NULL, outlet TEXT, outlet_canonical TEXT,
        year INTEGER, month INTEGER, day INTEGER, year_inferred INTEGER NOT NULL,
        type TEXT NOT NULL, publisher TEXT, container_title TEXT,
        UNIQUE (article_id, article, idx))""",
    "CREATE INDEX citations_record ON citations (record_id)",
    """CREATE TABLE keys (              -- every key ever given; merged keys point on
        key TEXT PRIMARY KEY, record_id INTEGER NOT NULL)""",
    "CREATE INDEX keys_record ON keys (record_id)",
    """CREATE TABLE distinct_pairs (    -- "these are not duplicates", by key
        key_a TEXT NOT NULL, key_b TEXT NOT NULL, PRIMARY KEY (key_a, key_b))""",
)

_V2 = (
    # the text `refs check` reads; articles added before version 2 have no row until
    # they are added again
    """CREATE TABLE article_texts (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        source TEXT NOT NULL,            -- the file the text came from, as added
        text TEXT NOT NULL)""",
)

_V3 = (
    # what each merge moved, so that `refs split` can undo it
    """CREATE TABLE merges (
        id INTEGER PRIMARY KEY,
        kept_key TEXT NOT NULL, dropped_key TEXT NOT NULL,
        citations TEXT NOT NULL,         -- JSON list of the citation ids it brought
        keys TEXT NOT NULL,              -- JSON list of its keys (its own and merged ones)
        auto INTEGER NOT NULL)""",
    "CREATE INDEX merges_dropped ON merges (dropped_key)",
)

# One tuple of statements per schema version; never edit a released entry, append.
MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3)
SCHEMA_VERSION = len(MIGRATIONS)

VARIANT_COLS = (
    "title, outlet, outlet_canonical, year, month, day, year_inferred, type, publisher, "
    "container_title"
)


def variant_row(v: Variant) -> tuple[object, ...]:
    d = v.issued
    return (
        v.title,
        v.outlet,
        v.outlet_canonical,
        d.year if d else None,
        d.month if d else None,
        d.day if d else None,
        int(d.year_inferred) if d else 0,
        v.type,
        v.publisher,
        v.container_title,
    )


def row_date(
    year: int | None, month: int | None, day: int | None, inferred: int
) -> PartialDate | None:
    if year is None and month is None:
        return None
    return PartialDate.model_construct(
        year=year, month=month, day=day, year_inferred=bool(inferred)
    )


def variant_of_row(row: Sequence[object]) -> Variant:
    title, outlet, canon, y, m, d, inf, typ, pub, cont = row
    return Variant(
        title=str(title),
        outlet=None if outlet is None else str(outlet),
        outlet_canonical=None if canon is None else str(canon),
        issued=row_date(y, m, d, int(str(inf))),  # type: ignore[arg-type]
        type=str(typ),
        publisher=None if pub is None else str(pub),
        container_title=None if cont is None else str(cont),
    )
