"""Removing from the library (``refs remove``): a reference with its citations, or an
article with its citations and the references it leaves without any (except those
imported or edited by hand, which stay). A plan says what would go, so the command can
ask for ``--yes`` when that is more than the user named. Runs inside the caller's
transaction."""

from __future__ import annotations

import os
from dataclasses import dataclass

from refs.errors import UsageError
from refs.library.decisions import live_key
from refs.library.store import Library


@dataclass(frozen=True)
class Plan:
    """What a removal takes away."""

    named: str  # what the user named (a key or an article)
    keys: tuple[str, ...] = ()  # references that go
    articles: tuple[str, ...] = ()  # article ids that go
    citations: int = 0
    kept: tuple[str, ...] = ()  # references left without citations but kept (edited)
    merged: tuple[str, ...] = ()  # merged-away keys of a reference that goes

    @property
    def more_than_named(self) -> bool:
        """Does it take more than the one reference or article named?"""
        return len(self.keys) + len(self.articles) > 1 or bool(self.merged)


def _record_keys(lib: Library, record: int) -> list[str]:
    return [
        str(r[0])
        for r in lib.db.execute("SELECT key FROM keys WHERE record_id = ? ORDER BY key", (record,))
    ]


def plan_reference(lib: Library, key: str) -> Plan:
    live = live_key(lib, key)
    record = lib.record_id(live)
    n = lib.db.execute("SELECT count(*) FROM citations WHERE record_id = ?", (record,)).fetchone()
    merged = tuple(k for k in _record_keys(lib, record or 0) if k != live)
    return Plan(named=live, keys=(live,), citations=int(n[0]), merged=merged)


def article_ids(lib: Library, name: str) -> list[str]:
    """The articles ``name`` means: an article id (or its first 8 characters or more), or
    the path an article was added from (as given, or resolved)."""
    text = name.strip()
    norm = os.path.normpath(text)
    found = {
        str(r[0])
        for r in lib.db.execute(
            "SELECT DISTINCT article_id FROM article_files WHERE source = ? OR file = ? "
            "OR file = ?",
            (norm, norm, os.path.abspath(norm)),
        )
    }
    if not found and len(text) >= 8:
        found = {
            str(r[0])
            for r in lib.db.execute(
                "SELECT id FROM articles WHERE substr(id, 1, ?) = ?", (len(text), text)
            )
        }
    return sorted(found)


def plan_article(lib: Library, name: str) -> Plan:
    ids = article_ids(lib, name)
    if not ids:
        raise UsageError(f"no article {name!r} in the library", hint="give its path or id")
    if len(ids) > 1:
        raise UsageError(f"{name!r} names {len(ids)} articles", hint="give a longer id")
    return article_plan(lib, ids[0])


def article_plan(lib: Library, aid: str) -> Plan:
    """The plan of removing the article of the id ``aid`` (corrections know the id: no
    name to look up, a scan of every article and file)."""
    rows = lib.db.execute(
        "SELECT record_id, count(*) FROM citations WHERE article_id = ? GROUP BY record_id",
        (aid,),
    ).fetchall()
    going: list[str] = []
    kept: list[str] = []
    for record, _n in rows:
        others = lib.db.execute(
            "SELECT count(*) FROM citations WHERE record_id = ? AND article_id != ?",
            (record, aid),
        ).fetchone()[0]
        if others:
            continue
        key = str(lib.db.execute("SELECT key FROM records WHERE id = ?", (record,)).fetchone()[0])
        (kept if lib.hand_fields(int(record)) else going).append(key)
    total = sum(int(n) for _r, n in rows)
    return Plan(
        named=aid,
        keys=tuple(sorted(going)),
        articles=(aid,),
        citations=total,
        kept=tuple(sorted(kept)),
    )


def _drop_record(lib: Library, record: int) -> None:
    db = lib.db
    keys = _record_keys(lib, record)
    for key in keys:
        db.execute("DELETE FROM distinct_pairs WHERE key_a = ? OR key_b = ?", (key, key))
    for table in ("citations", "keys", "hand_fields", "tags", "notes"):
        db.execute(f"DELETE FROM {table} WHERE record_id = ?", (record,))
    db.execute("DELETE FROM records WHERE id = ?", (record,))


def remove(lib: Library, plan: Plan) -> None:
    """Carry out a plan made in the same transaction."""
    db = lib.db
    touched: set[int] = set()
    for aid in plan.articles:
        touched |= {
            int(r[0])
            for r in db.execute(
                "SELECT DISTINCT record_id FROM citations WHERE article_id = ?", (aid,)
            )
        }
        db.execute("DELETE FROM citations WHERE article_id = ?", (aid,))
        for table in ("article_texts", "article_files", "file_digests", "link_decisions"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
        db.execute("DELETE FROM articles WHERE id = ?", (aid,))
    for key in plan.keys:
        record = lib.record_id(key)
        if record is not None:
            _drop_record(lib, record)
            touched.discard(record)
    for record in sorted(touched):
        lib.refresh_record(record)
