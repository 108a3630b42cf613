"""The library's SQLite schema, its migrations, and the conversion of a reference's
fields to and from a row, derived from the fields model. Used by refs.library.store."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from refs.dedupe.title_forms import author_form
from refs.library.care_tables import V9, V11, V12
from refs.library.connection import Connection
from refs.library.same_article import same_as
from refs.models import (
    CORE_FIELDS,
    DATE_FIELDS,
    FIELD_NAMES,
    Fields,
    Name,
    PartialDate,
    fields_digest,
)
from refs.models.dump import dumped
from refs.models.trusted import filled
from refs.models.valid import validated

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


def _v3_import_identities(db: Connection) -> None:
    """Imported citations are identified by a digest of their fields (version 2 used the
    repr of an internal class): recompute it from the columns of version 1."""
    rows = db.execute(
        "SELECT id, title, outlet, outlet_canonical, year, month, day, year_inferred, type, "
        "publisher, container_title FROM citations WHERE article_id LIKE 'import:%'"
    ).fetchall()
    for row in rows:
        title, outlet, canon, y, m, d, inf, typ, pub, cont = row[1:]
        fields = Fields(
            title=title,
            outlet=outlet,
            outlet_canonical=canon,
            issued=row_date(y, m, d, inf),
            type=typ,
            publisher=pub,
            container_title=cont,
        )
        db.execute(
            "UPDATE citations SET article_id = ? WHERE id = ?",
            ("import:" + fields_digest(fields), row[0]),
        )


_V3 = (_v3_import_identities,)

_V4 = (
    # an editor's review of claim links (`refs link confirm|reject|add`): a claim is
    # known by its stable id (a hash of its normalised text) within its article
    """CREATE TABLE link_decisions (
        article_id TEXT NOT NULL REFERENCES articles (id),
        claim_id TEXT NOT NULL,
        key TEXT NOT NULL,               -- the reference key given; read through keys
        decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
        claim_text TEXT NOT NULL,        -- the claim as the editor saw it
        PRIMARY KEY (article_id, claim_id, key))""",
)

_V5 = (
    # exports that every command changing the library rewrites (`refs autoexport`)
    """CREATE TABLE autoexports (
        path TEXT PRIMARY KEY,           -- the file, as an absolute path
        format TEXT NOT NULL,            -- bibtex, biblatex, csljson or ris
        filters TEXT NOT NULL)""",  # JSON: articles, outlets, since, until
)


_V6 = (
    # candidate lookups for new records by outlet and date (refs.library.lookups)
    "DROP INDEX records_block",
    # (covering: the matching view is read from the index alone)
    """CREATE INDEX records_cell ON records
        (match_outlet, year, month, day, key, match_title, match_cited)""",
    # per base key, the first suffix position not known to be given (refs.keys)
    "CREATE TABLE key_bases (base TEXT PRIMARY KEY, free INTEGER NOT NULL)",
    # a file added before with this content is known without parsing it again
    """CREATE TABLE file_digests (
        file TEXT PRIMARY KEY,           -- the resolved path, as article_files has it
        digest TEXT NOT NULL,            -- sha256 of the file's bytes
        article_id TEXT NOT NULL REFERENCES articles (id),
        diagnostics TEXT NOT NULL)       -- its parse findings (JSON), shown again""",
)

_V7 = (
    # what each merge moved, so that `refs split` can undo it
    """CREATE TABLE merges (
        id INTEGER PRIMARY KEY,
        kept_key TEXT NOT NULL, dropped_key TEXT NOT NULL,
        citations TEXT NOT NULL,         -- JSON list of the citation ids it brought
        keys TEXT NOT NULL,              -- JSON list of its keys (its own and merged ones)
        auto INTEGER NOT NULL)""",
    "CREATE INDEX merges_dropped ON merges (dropped_key)",
)


_V8 = (
    # every field beyond the columns of version 1 (names, numbers, more dates, strings,
    # fields outside CSL), as JSON; NULL where a reference has none
    "ALTER TABLE records ADD COLUMN csl TEXT",
    "ALTER TABLE citations ADD COLUMN csl TEXT",
)


def _v10_match_authors(db: Connection) -> None:
    """Fill ``match_authors`` of the records that name authors (in their JSON column)."""
    rows = db.execute("SELECT id, csl FROM records WHERE csl LIKE '%\"author\"%'").fetchall()
    for record_id, rest in rows:
        names = json.loads(rest).get("author") or ()
        form = author_form([validated(Name, n) for n in names])
        db.execute("UPDATE records SET match_authors = ? WHERE id = ?", (form, record_id))


_V10 = (
    # the authors as dedupe compares them (refs.dedupe.title_forms.author_form)
    "ALTER TABLE records ADD COLUMN match_authors TEXT NOT NULL DEFAULT ''",
    _v10_match_authors,
)

_V13 = (
    # keys of the titles of the dated records per outlet and year: a new record asks a
    # large cell only for the records sharing one (refs.library.word_index). Derived from
    # the records (brought up to date from the records triggers mark stale; not journaled)
    """CREATE TABLE match_keys (
        outlet TEXT NOT NULL, year INTEGER NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
        record_id INTEGER NOT NULL, PRIMARY KEY (outlet, year, a, b, record_id))""",
    "CREATE INDEX match_keys_record ON match_keys (record_id)",
    "CREATE TABLE match_stale (record_id INTEGER PRIMARY KEY)",
    # the records of a large cell with the title of a new record
    "CREATE INDEX records_title ON records (match_outlet, match_title)",
    "INSERT INTO match_stale SELECT id FROM records",
    *(
        f"CREATE TRIGGER match_records_{op[0].lower()} AFTER {op} ON records BEGIN "
        f"INSERT OR IGNORE INTO match_stale VALUES ({row}.id); END"
        for op, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))
    ),
)


def _v14_same_as(db: Connection) -> None:
    """Fill ``same_as`` of the articles there are (refs.library.same_article)."""
    rows = db.execute("SELECT id, publication, issue, title FROM articles").fetchall()
    db.executemany(
        "UPDATE articles SET same_as = ? WHERE id = ?",
        [(same_as(pub, issue, title), aid) for aid, pub, issue, title in rows],
    )


_V14 = (
    # what an article shares with its corrections: `refs add` asks the index for them
    "ALTER TABLE articles ADD COLUMN same_as TEXT",
    _v14_same_as,
    "CREATE INDEX articles_same_as ON articles (same_as)",
)

# the matching view of a record (refs.dedupe.pairs.Item) as the records table holds it
MATCH_COLS = "match_title, match_outlet, match_cited, match_authors"

# A migration step is an SQL statement or a function over the open database.
Step = str | Callable[[Connection], None]

# One tuple of steps per schema version; never edit a released entry, append. A step
# that reads fields names the columns of its own version, not FIELD_COLS.
MIGRATIONS: tuple[tuple[Step, ...], ...] = (
    _V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, V9, _V10, V11, V12, _V13, _V14,
)  # fmt: skip
SCHEMA_VERSION = len(MIGRATIONS)


def _is_date(name: str) -> bool:
    return name in DATE_FIELDS


def _columns(name: str) -> tuple[str, ...]:
    """The columns a core field is stored in: one, or four for a date (``issued`` keeps
    the names of schema version 1)."""
    if not _is_date(name):
        return (name,)
    prefix = "" if name == "issued" else f"{name}_"
    return tuple(f"{prefix}{part}" for part in ("year", "month", "day", "year_inferred"))


# The fields columns of ``records`` and ``citations``: the core fields in the order of
# the fields model, then ``csl`` (JSON of every other field that is set).
FIELD_COLS = ", ".join([*(col for name in CORE_FIELDS for col in _columns(name)), "csl"])
_DATES = frozenset(name for name in CORE_FIELDS if _is_date(name))
# placeholders for FIELD_COLS, and the assignments of an UPDATE of them
FIELD_MARKS = ", ".join("?" for _ in FIELD_COLS.split(", "))
FIELD_SETS = ", ".join(f"{col} = ?" for col in FIELD_COLS.split(", "))
_REST = tuple(name for name in FIELD_NAMES if name not in CORE_FIELDS)
_EMPTY = (None, "", ())  # what a field that holds no value holds


def _whole_in_columns(date: PartialDate) -> bool:
    return date.season is None and not date.circa and date.literal is None and date.end is None


def _rest_json(fields: Fields) -> str | None:
    """JSON of the fields beyond the columns that hold a value, and of a core date that
    its columns cannot hold whole (a range, a season, circa, a literal)."""
    held = fields.__dict__  # (getattr over every field was a tenth of storing a citation)
    names = [n for n in _REST if held[n] not in _EMPTY]
    names += [n for n in _DATES if (d := held[n]) and not _whole_in_columns(d)]
    if not names:
        return None
    values = dumped(fields, include=names, exclude_defaults=True)
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def fields_row(fields: Fields) -> tuple[object, ...]:
    """The column values of ``fields`` (in the order of FIELD_COLS)."""
    out: list[object] = []
    held = fields.__dict__
    for name in CORE_FIELDS:
        value = held[name]
        if name not in _DATES:
            out.append(value)
        elif value is None:
            out.extend((None, None, None, 0))
        else:
            out.extend((value.year, value.month, value.day, int(value.year_inferred)))
    out.append(_rest_json(fields))
    return tuple(out)


def row_date(
    year: int | None, month: int | None, day: int | None, inferred: int
) -> PartialDate | None:
    if year is None and month is None:
        return None
    return filled(  # a row refs wrote: validated when it came in
        PartialDate, {"year": year, "month": month, "day": day, "year_inferred": bool(inferred)}
    )


def fields_of_row(row: Sequence[object]) -> Fields:
    """The fields stored in ``row`` (the FIELD_COLS columns, in order)."""
    values: dict[str, Any] = {}
    at = 0
    for name in CORE_FIELDS:
        if name in _DATES:
            y, m, d, inf = row[at : at + 4]
            values[name] = row_date(y, m, d, int(str(inf)))  # type: ignore[arg-type]
            at += 4
        else:
            values[name] = row[at]
            at += 1
    rest = row[at]
    if rest is None:
        return filled(Fields, values)  # what Fields(**values) gives, without its cost
    return validated(Fields, {**values, **json.loads(str(rest))})
