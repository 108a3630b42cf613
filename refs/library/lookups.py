"""Indexed lookups for adding to a big library: the records a new item can pair with
(by the cells of :mod:`refs.dedupe.reach`), the keys a new key could collide with, and
the pairs marked distinct among given keys. Each reads only what the new work needs,
never every record."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from refs.dedupe.pairs import Item
from refs.dedupe.reach import Cell
from refs.library.store import Library

_ITEM_COLS = "key, match_title, match_outlet, match_cited, year, month, day"
_WHERE = {
    "day": "year = ? AND month = ? AND day = ?",
    "month-only": "year = ? AND month = ? AND (day IS NULL OR day < 1 OR day > 28)",
    "month": "year = ? AND month = ?",
    "year-only": "year = ? AND month IS NULL",
    "year": "year = ?",
    "undated": "year IS NULL AND month IS ? AND day IS ?",
}
_ARITY = {"day": 3, "month-only": 2, "month": 2, "year-only": 1, "year": 1, "undated": 2}
KEY_END = "\U0010ffff"  # sorts after every character a key can hold


def item_of_row(r: Sequence[object]) -> Item:
    """The matching view of a ``records`` row read as ``_ITEM_COLS``."""
    title = str(r[1])
    return Item(
        str(r[0]),
        title,
        str(r[2]),
        str(r[3]),
        r[4],  # type: ignore[arg-type]
        r[5],  # type: ignore[arg-type]
        r[6],  # type: ignore[arg-type]
        " ".join(sorted(title.split())),
    )


def items_in(lib: Library, cells: Iterable[Cell]) -> list[Item]:
    """Matching views of the records in ``cells`` (each record once), in key order."""
    found: dict[str, Item] = {}
    for cell in cells:
        parts = (cell.year, cell.month, cell.day)
        if cell.kind == "undated":
            parts = (cell.month, cell.day, None)
        sql = f"SELECT {_ITEM_COLS} FROM records WHERE match_outlet = ? AND {_WHERE[cell.kind]}"
        for row in lib.db.execute(sql, (cell.outlet, *parts[: _ARITY[cell.kind]])):
            if row[0] not in found:
                found[row[0]] = item_of_row(row)
    return [found[k] for k in sorted(found)]


def taken_keys_for(lib: Library, bases: Iterable[str]) -> set[str]:
    """Keys already given that start with one of ``bases`` (all a new key of such a
    base could collide with)."""
    out: set[str] = set()
    for base in sorted(set(bases)):
        rows = lib.db.execute(
            "SELECT key FROM keys WHERE key >= ? AND key < ?", (base, base + KEY_END)
        )
        out.update(str(r[0]) for r in rows)
    return out


def distinct_pairs_among(lib: Library, keys: Iterable[str]) -> set[tuple[str, str]]:
    """Pairs marked distinct whose live keys are both in ``keys`` (smaller first)."""
    wanted = set(keys)
    out: set[tuple[str, str]] = set()
    for a, b in lib.db.execute(
        "SELECT coalesce(ra.key, d.key_a), coalesce(rb.key, d.key_b) FROM distinct_pairs d "
        "LEFT JOIN keys ka ON ka.key = d.key_a LEFT JOIN records ra ON ra.id = ka.record_id "
        "LEFT JOIN keys kb ON kb.key = d.key_b LEFT JOIN records rb ON rb.id = kb.record_id"
    ):
        la, lb = str(a), str(b)
        if la in wanted and lb in wanted:
            out.add((la, lb) if la <= lb else (lb, la))
    return out
