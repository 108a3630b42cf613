"""Undoing a merge (`refs split KEY`): every merge, automatic or asked for, remembers the
citations and keys the merged-away reference brought; splitting gives them back to a
reference of their own under that key and keeps the two apart from then on."""

from __future__ import annotations

import json

from refs.errors import UsageError
from refs.library.schema import FIELD_COLS, MATCH_COLS
from refs.library.store import Library
from refs.library.variant_decisions import remember_distinct


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
    lib.db.execute(
        "INSERT INTO merges (kept_key, dropped_key, citations, keys, auto) VALUES (?, ?, ?, ?, ?)",
        (kept, dropped, json.dumps(citations), json.dumps(keys), int(auto)),
    )


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
    remember_distinct(lib, live, key)
    lib.db.execute("DELETE FROM merges WHERE id = ?", (merge_id,))
    return live, key, moved
