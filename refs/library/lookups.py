"""Indexed lookups for adding to a big library: the records a new item can merge with
(by the cells of :mod:`refs.dedupe.reach`, of a title length it can merge with; in a
large cell only those sharing a title or a title key with one,
:mod:`refs.library.word_index`), the keys a new key could collide with, and
the pairs marked distinct among given keys. Each reads only what the new work needs,
never every record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from refs.dedupe.pairs import Item, mergeable_lengths
from refs.dedupe.reach import Cell
from refs.keys import KeyRequest, TakenKeys, suffix
from refs.library.connection import Rows
from refs.library.reads import ITEM_COLUMNS, item_of_row
from refs.library.store import Library
from refs.library.word_index import bring_up_to_date, holding, sketch_keys

_ITEM_COLS = ", ".join(f"r.{column}" for column in ITEM_COLUMNS)
# per kind of cell: its parts after the outlet, and how a record is in it (one or more
# disjoint conditions, each a range of the index on outlet and date: records_cell)
_CELLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "day": (("year", "month", "day"), ("r.year = w.y AND r.month = w.m AND r.day = w.d",)),
    "month-only": (  # no valid day: none, or out of every month's range
        ("year", "month"),
        tuple(
            f"r.year = w.y AND r.month = w.m AND {day}"
            for day in ("r.day IS NULL", "r.day < 1", "r.day > 28")
        ),
    ),
    "month": (("year", "month"), ("r.year = w.y AND r.month = w.m",)),
    "year-only": (("year",), ("r.year = w.y AND r.month IS NULL",)),
    "year": (("year",), ("r.year = w.y",)),
    "undated": (  # (typed: PostgreSQL takes a column of NULL parameters as text)
        ("month", "day"),
        (
            "r.year IS NULL AND r.month IS NOT DISTINCT FROM CAST(w.m AS INTEGER) "
            "AND r.day IS NOT DISTINCT FROM CAST(w.d AS INTEGER)",
        ),
    ),
}
_NAMES = {"year": "y", "month": "m", "day": "d"}
_CHUNK = 200  # cells per statement (at most 4 parameters each)
LARGE = 2000  # records of a cell from which it is asked by title keys, not read whole
KEY_END = "\U0010ffff"  # sorts after every character a key can hold


def _with(kind: str, n: int) -> str:
    """The table ``w`` of ``n`` cells of ``kind``: a number, the outlet, the title
    lengths wanted, the parts."""
    names = ", ".join(["i", "o", "lo", "hi", *(_NAMES[p] for p in _CELLS[kind][0])])
    row = "(" + ",".join("?" * (4 + len(_CELLS[kind][0]))) + ")"
    return f"WITH w({names}) AS (VALUES {','.join([row] * n)}) "


# per cell: the title lengths its records must have to merge with an item reaching it
Bands = Mapping[Cell, tuple[int, int]]


def _args(cells: Sequence[Cell], bands: Bands) -> list[object]:
    return [
        v
        for i, c in enumerate(cells)
        for v in (i, c.outlet, *bands[c], *(getattr(c, p) for p in _CELLS[c.kind][0]))
    ]


def _bands(reached: Mapping[Cell, Sequence[Item]]) -> dict[Cell, tuple[int, int]]:
    """Per cell, the title lengths its records must have to merge with one of the items
    reaching it (worked out once for the lookups of a batch)."""
    out = {}
    for cell, items in reached.items():
        lengths = [mergeable_lengths(len(it.title)) for it in items]
        out[cell] = min(lo for lo, _ in lengths), max(hi for _, hi in lengths)
    return out


def _by_kind(cells: Iterable[Cell]) -> Iterator[tuple[str, list[Cell]]]:
    """The cells by kind, in chunks of ``_CHUNK``."""
    by_kind: dict[str, list[Cell]] = {}
    for cell in cells:
        by_kind.setdefault(cell.kind, []).append(cell)
    for kind, of_kind in sorted(by_kind.items()):
        for start in range(0, len(of_kind), _CHUNK):
            yield kind, of_kind[start : start + _CHUNK]


def _rows(
    lib: Library,
    cells: Sequence[Cell],
    bands: Bands,
    where: str = "",
    args: Sequence[object] = (),
) -> Rows:
    """The records of ``cells`` (all of one kind) of a title length the items reaching
    each can merge with, of those ``where`` further selects."""
    kind = cells[0].kind
    conditions = _CELLS[kind][1]
    parts = (
        f"SELECT {_ITEM_COLS} FROM w JOIN records r ON r.match_outlet = w.o AND {condition} "
        f"AND length(r.match_title) BETWEEN CAST(w.lo AS INTEGER) AND CAST(w.hi AS INTEGER)"
        f"{where}"
        for condition in conditions
    )
    sql = _with(kind, len(cells)) + " UNION ALL ".join(parts)
    return lib.db.execute(sql, [*_args(cells, bands), *(list(args) * len(conditions))])


def items_in(lib: Library, reached: Mapping[Cell, Sequence[Item]]) -> list[Item]:
    """Matching views of the records in the cells ``reached`` (each record once, in key
    order) that the items reaching them can merge with by their title's length: one
    indexed join per kind of cell and chunk of cells."""
    return _items_in(lib, _bands(reached))


def _items_in(lib: Library, bands: Bands) -> list[Item]:
    found: dict[str, Item] = {}
    for _, chunk in _by_kind(bands):
        for r in _rows(lib, chunk, bands):
            if r[0] not in found:
                found[r[0]] = item_of_row(r)
    return [found[k] for k in sorted(found)]


def _large(lib: Library, bands: Bands) -> list[Cell]:
    """The dated cells of more than ``LARGE`` records (each counted up to one more)."""
    out: list[Cell] = []
    for kind, chunk in _by_kind(c for c in bands if c.kind != "undated"):
        held = " UNION ALL ".join(
            f"SELECT 1 FROM records r WHERE r.match_outlet = w.o AND {condition}"
            for condition in _CELLS[kind][1]
        )
        sql = (
            f"{_with(kind, len(chunk))}SELECT w.i FROM w WHERE (SELECT count(*) FROM "
            f"({held} LIMIT {LARGE + 1}) x) > {LARGE}"
        )
        out.extend(chunk[int(r[0])] for r in lib.db.execute(sql, _args(chunk, bands)))
    return out


def _sharing(lib: Library, cell: Cell, items: Sequence[Item], band: tuple[int, int]) -> list[Item]:
    """The records of a large ``cell`` that ``items`` can pair with: those of one of
    their titles, and those sharing a title key with one (refs.library.word_index)."""
    assert cell.year is not None
    keys = sorted({k for it in items for k in sketch_keys(it.title)})
    ids = sorted(holding(lib.db, cell.outlet, cell.year, keys))
    titles = sorted({it.title for it in items})
    out: list[Item] = []
    for column, values in (("r.id", ids), ("r.match_title", titles)):
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            where = f" WHERE {column} IN ({','.join('?' * len(chunk))})"
            out.extend(item_of_row(r) for r in _rows(lib, [cell], {cell: band}, where, chunk))
    return out


def items_near(lib: Library, reached: Mapping[Cell, Sequence[Item]]) -> list[Item]:
    """Matching views of the records the new items reaching each cell
    (refs.dedupe.reach.reach) can merge with, in key order: every record of a cell of a
    title length they can merge with, but in a cell of more than ``LARGE`` records only
    those :func:`_sharing` finds."""
    bands = _bands(reached)
    large = set(_large(lib, bands))
    found = {
        it.key: it for it in _items_in(lib, {c: b for c, b in bands.items() if c not in large})
    }
    if large:
        bring_up_to_date(lib.db)
    for cell in [c for c in reached if c in large]:
        for it in _sharing(lib, cell, reached[cell], bands[cell]):
            found.setdefault(it.key, it)
    return [found[k] for k in sorted(found)]


class LibraryKeys(TakenKeys):
    """The keys of a library, asked through its index (those ``expect`` names in one
    query per few hundred, any other one at a time)."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.known: dict[str, bool] = {}

    def expect(self, keys: Iterable[str]) -> None:
        """Look up ``keys`` now, together."""
        wanted = sorted(set(keys) - self.known.keys())
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            self.known.update(dict.fromkeys(chunk, False))
            marks = ",".join("?" * len(chunk))
            for (key,) in self.lib.db.execute(
                f"SELECT key FROM keys WHERE key IN ({marks})", chunk
            ):
                self.known[str(key)] = True

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        if key not in self.known:
            self.expect([key])
        return self.known[key]

    def add(self, key: str) -> None:
        self.known[key] = True


def key_starts(lib: Library, bases: Iterable[str]) -> dict[str, int]:
    """Per base, the first suffix position not known to be given (see
    :func:`refs.keys.library_keys`); a base seen for the first time is worked out once
    from the keys that start with it."""
    wanted = sorted(set(bases))
    out: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT base, free FROM key_bases WHERE base IN ({marks})"
        out.update((str(b), int(f)) for b, f in lib.db.execute(sql, chunk))
    for base in wanted:
        if base in out:
            continue
        rows = lib.db.execute(
            "SELECT key FROM keys WHERE key >= ? AND key < ?", (base, base + KEY_END)
        )
        given = {str(r[0]) for r in rows}
        n = -1
        while (base if n < 0 else base + suffix(n)) in given:
            n += 1
        out[base] = n
    return out


def candidate_keys(requests: Sequence[KeyRequest], starts: dict[str, int]) -> list[str]:
    """The keys ``library_keys`` will try first: per base, as many from its start on as
    there are requests of that base."""
    count: dict[str, int] = {}
    for r in requests:
        count[r.base] = count.get(r.base, 0) + 1
    out: list[str] = []
    for base, n in count.items():
        first = starts.get(base, -1)
        out.extend(base if p < 0 else base + suffix(p) for p in range(first, first + n))
    return out


def save_key_starts(lib: Library, starts: dict[str, int]) -> None:
    lib.db.executemany("INSERT OR REPLACE INTO key_bases VALUES (?, ?)", sorted(starts.items()))


def distinct_pairs_among(lib: Library, keys: Iterable[str] | None = None) -> set[tuple[str, str]]:
    """Pairs marked distinct whose live keys are both in ``keys`` (smaller first; every
    pair when ``keys`` is None)."""
    wanted = None if keys is None else set(keys)
    out: set[tuple[str, str]] = set()
    for a, b in lib.db.execute(
        "SELECT coalesce(ra.key, d.key_a), coalesce(rb.key, d.key_b) FROM distinct_pairs d "
        "LEFT JOIN keys ka ON ka.key = d.key_a LEFT JOIN records ra ON ra.id = ka.record_id "
        "LEFT JOIN keys kb ON kb.key = d.key_b LEFT JOIN records rb ON rb.id = kb.record_id"
    ):
        la, lb = str(a), str(b)
        if wanted is None or (la in wanted and lb in wanted):
            out.add((la, lb) if la <= lb else (lb, la))
    return out
