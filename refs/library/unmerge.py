"""Undoing a merge (`refs split KEY`): every merge, automatic or asked for, remembers the
citations and keys the merged-away reference brought; splitting gives them back to a
reference of their own under that key and keeps the two apart from then on."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from refs.errors import UsageError
from refs.library.schema import FIELD_COLS, MATCH_COLS
from refs.library.store import Library


def remember(lib: Library, kept: str, dropped: str, drop_id: int, auto: bool) -> None:
    """Record, before the move, what ``dropped`` (record ``drop_id``) brings to ``kept``."""
    citations = [
        int(r[0])
        for r in lib.db.execute(
            "SELECT id FROM citations WHERE record_id = ? ORDER BY id", (drop_id,)
        )
    ]
    keys = [
        str(r[0])
        for r in lib.db.execute("SELECT key FROM keys WHERE record_id = ? ORDER BY key", (drop_id,))
    ]
    _merged(lib, kept, dropped, citations, keys, auto)


def remember_joined(
    lib: Library, record_id: int, keys: Sequence[str], cited: Iterable[tuple[str, str, int]]
) -> str:
    """Record an automatic merge made while adding: the citations ``cited`` (article id,
    article, index) joined record ``record_id`` where they would have been a reference
    of their own under ``keys[0]``; ``keys`` become aliases of the record until a split.
    Returns the record's key."""
    kept = str(lib.db.execute("SELECT key FROM records WHERE id = ?", (record_id,)).fetchone()[0])
    citations = []
    for article_id, article, index in cited:
        row = lib.db.execute(
            "SELECT id FROM citations WHERE record_id = ? AND article_id = ? AND article = ? "
            "AND idx = ?",
            (record_id, article_id, article, index),
        ).fetchone()
        if row is not None:
            citations.append(int(row[0]))
    lib.add_aliases((k, record_id) for k in keys)
    _merged(lib, kept, keys[0], sorted(set(citations)), sorted(keys), True)
    return kept


def _merged(
    lib: Library, kept: str, dropped: str, citations: list[int], keys: list[str], auto: bool
) -> None:
    lib.db.execute(
        "INSERT INTO merges (kept_key, dropped_key, citations, keys, auto) VALUES (?, ?, ?, ?, ?)",
        (kept, dropped, json.dumps(citations), json.dumps(keys), int(auto)),
    )


def merged_away(lib: Library, key: str) -> bool:
    """True when ``key`` came into another reference by a merge that can be split."""
    key = key.strip().lower()
    row = lib.db.execute("SELECT 1 FROM merges WHERE dropped_key = ? LIMIT 1", (key,)).fetchone()
    live = lib.resolve_key(key)
    return row is not None and live is not None and live != key


def split(lib: Library, key: str) -> tuple[str, str, int]:
    """Give ``key`` (a merged-away key) its reference back; returns (the key it had gone
    into, ``key``, citations given back). Raises UsageError when it was never merged."""
    key = key.strip().lower()
    row = lib.db.execute(
        "SELECT id, citations, keys FROM merges WHERE dropped_key = ? ORDER BY id DESC LIMIT 1",
        (key,),
    ).fetchone()
    holder = lib.record_id(key)
    live = lib.resolve_key(key)
    if row is None or holder is None or live is None or live == key:
        raise UsageError(
            f"{key} was not merged into another reference", hint="see merged keys: refs show KEY"
        )
    merge_id, citations, keys = int(row[0]), json.loads(row[1]), json.loads(row[2])
    cur = lib.db.execute(
        f"INSERT INTO records (key, {FIELD_COLS}, {MATCH_COLS}) "
        f"SELECT ?, {FIELD_COLS}, {MATCH_COLS} FROM records "
        "WHERE id = ?",
        (key, holder),
    )
    new_id = int(cur.lastrowid or 0)
    marks = ",".join("?" * len(citations)) or "NULL"
    moved = lib.db.execute(
        f"UPDATE citations SET record_id = ? WHERE record_id = ? AND id IN ({marks})",
        (new_id, holder, *citations),
    ).rowcount
    key_marks = ",".join("?" * len(keys)) or "NULL"
    lib.db.execute(
        f"UPDATE keys SET record_id = ? WHERE record_id = ? AND key IN ({key_marks})",
        (new_id, holder, *keys),
    )
    lib.refresh_record(new_id)
    lib.refresh_record(holder)
    lib.set_distinct(live, key, True)
    lib.db.execute("DELETE FROM merges WHERE id = ?", (merge_id,))
    return live, key, moved
