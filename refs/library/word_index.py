"""Title keys of the dated records, per outlet and year (table ``match_keys``): a key
is a pair of words among the ``SKETCH`` words of a title that come first in a fixed
hash order (a bottom-k sketch: two titles that differ in a word or two share most of
them, whatever the other titles hold), so a new record finds the records sharing a key
with one indexed probe per key. Derived from the records: triggers mark the records
whose row changed (``match_stale``) and :func:`bring_up_to_date` indexes them again
before a lookup."""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Sequence

from refs.dedupe.tokens import COMMON
from refs.library.connection import Connection

SKETCH = 4  # the words of a title whose pairs are its keys
_CHUNK = 400  # records or keys per statement


def sketch_keys(title: str) -> list[tuple[str, str]]:
    """The keys of a normalised title: the pairs among its first ``SKETCH`` words by
    CRC-32 (its one word twice, if it has one)."""
    words = sorted(
        set(title.split()), key=lambda w: (zlib.crc32(w.encode("utf-8", "surrogatepass")), w)
    )[:SKETCH]
    if len(words) == 1:
        return [(words[0], words[0])]
    return sorted((a, b) if a < b else (b, a) for a, b in itertools.combinations(words, 2))


def bring_up_to_date(db: Connection) -> int:
    """Index the records marked stale again; returns how many."""
    stale = [int(r[0]) for r in db.execute("SELECT record_id FROM match_stale")]
    for start in range(0, len(stale), _CHUNK):
        chunk = stale[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        db.execute(f"DELETE FROM match_keys WHERE record_id IN ({marks})", chunk)
        rows = db.execute(
            "SELECT id, match_outlet, year, match_title FROM records "
            f"WHERE id IN ({marks}) AND year IS NOT NULL",
            chunk,
        )
        db.executemany(
            "INSERT INTO match_keys VALUES (?, ?, ?, ?, ?)",
            [
                (str(o), int(y), a, b, int(rid))
                for rid, o, y, title in rows.fetchall()
                for a, b in sketch_keys(str(title))
            ],
        )
    if stale:
        db.execute("DELETE FROM match_stale")
    return len(stale)


def holding(db: Connection, outlet: str, year: int, keys: Sequence[tuple[str, str]]) -> set[int]:
    """The records of ``outlet`` and ``year`` that share one of ``keys``, but for a key
    that more than ``COMMON`` of them share (it says nothing about which match)."""
    out: set[int] = set()
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        on = "m.outlet = ? AND m.year = ? AND m.a = k.a AND m.b = k.b"
        sql = (
            f"WITH k(a, b) AS (VALUES {','.join(['(?, ?)'] * len(chunk))}) "
            f"SELECT m.record_id FROM k JOIN match_keys m ON {on} WHERE (SELECT count(*) "
            f"FROM (SELECT 1 FROM match_keys m WHERE {on} LIMIT {COMMON + 1}) x) <= {COMMON}"
        )
        args = [w for key in chunk for w in key]
        out.update(int(r[0]) for r in db.execute(sql, [*args, outlet, year, outlet, year]))
    return out
