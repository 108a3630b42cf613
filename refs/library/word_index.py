"""The title words of the dated records, per outlet and year (tables ``match_words``
and ``match_counts``): which records hold a word, and how many of an outlet and year
do. Derived from the records: triggers mark the records whose row changed
(``match_stale``) and :func:`bring_up_to_date` indexes them again before a lookup."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from refs.library.connection import Connection

_CHUNK = 400  # words or keys per statement

Where = tuple[str, int, str]  # outlet, year, word


def bring_up_to_date(db: Connection) -> int:
    """Index the records marked stale again; returns how many."""
    stale = [int(r[0]) for r in db.execute("SELECT record_id FROM match_stale")]
    if not stale:
        return 0
    delta: Counter[Where] = Counter()
    for start in range(0, len(stale), _CHUNK):
        chunk = stale[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        held = f"SELECT outlet, year, word FROM match_words WHERE record_id IN ({marks})"
        delta.subtract((str(o), int(y), str(w)) for o, y, w in db.execute(held, chunk))
        db.execute(f"DELETE FROM match_words WHERE record_id IN ({marks})", chunk)
        rows = db.execute(
            "SELECT id, match_outlet, year, match_title FROM records "
            f"WHERE id IN ({marks}) AND year IS NOT NULL",
            chunk,
        )
        new = [
            (str(o), int(y), w, int(rid))
            for rid, o, y, title in rows.fetchall()
            for w in sorted(set(str(title).split()))
        ]
        db.executemany("INSERT INTO match_words VALUES (?, ?, ?, ?)", new)
        delta.update((o, y, w) for o, y, w, _ in new)
    changed = sorted((where, n) for where, n in delta.items() if n)
    db.executemany(
        "INSERT INTO match_counts VALUES (?, ?, ?, ?) ON CONFLICT (outlet, year, word) "
        "DO UPDATE SET n = match_counts.n + excluded.n",
        [(*where, n) for where, n in changed],
    )
    db.executemany(
        "DELETE FROM match_counts WHERE outlet = ? AND year = ? AND word = ? AND n <= 0",
        [where for where, n in changed if n < 0],
    )
    db.execute("DELETE FROM match_stale")
    return len(stale)


def word_counts(db: Connection, outlet: str, year: int, words: Iterable[str]) -> dict[str, int]:
    """How many records of ``outlet`` and ``year`` hold each of ``words`` (0 left out)."""
    wanted = sorted(set(words))
    out: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        out.update(
            (str(w), int(n))
            for w, n in db.execute(
                "SELECT word, n FROM match_counts WHERE outlet = ? AND year = ? "
                f"AND word IN ({marks})",
                [outlet, year, *chunk],
            )
        )
    return out


def holding(db: Connection, outlet: str, year: int, keys: Sequence[tuple[str, str]]) -> set[int]:
    """The records of ``outlet`` and ``year`` that hold both words of one of ``keys``
    (each key read from its first word's records: give the rarer first)."""
    out: set[int] = set()
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        sql = (
            f"WITH k(x, y) AS (VALUES {','.join(['(?, ?)'] * len(chunk))}) "
            "SELECT a.record_id FROM k JOIN match_words a "
            "ON a.outlet = ? AND a.year = ? AND a.word = k.x JOIN match_words b "
            "ON b.outlet = a.outlet AND b.year = a.year AND b.word = k.y "
            "AND b.record_id = a.record_id"
        )
        args = [w for key in chunk for w in key]
        out.update(int(r[0]) for r in db.execute(sql, [*args, outlet, year]))
    return out
