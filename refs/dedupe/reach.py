"""Which stored records a new item can merge with: the cells of the library to look up.

Pure. :func:`refs.dedupe.clusters.find_duplicates` compares an item with the items of
its own block and of the blocks next to it (a block is a canonical outlet and a date at
some precision). A cell here is a set of whole blocks that one indexed query on
``(outlet, year, month, day)`` fetches; :func:`reach` gives, for new items, every cell
holding a block one of them can merge with by the conservative rule, either way round:
the same date, the next day or a date that holds the other (``refs.dedupe.pairs.judge``
merges no pair of other dates). Finding duplicates among the new items and the records
of these cells gives the same automatic groups with a new item as finding them over
the whole library; the candidates only shown for review (the same date a year apart, the
next month) are not looked for: adding merges, and ``refs dedupe`` reviews the whole
library. :func:`reach` also says which new items reach each cell, so that a large cell
can be asked only for what those items can pair with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from refs.dedupe.pairs import Item, day_number


class Cell(NamedTuple):
    """Records of ``outlet`` selected by their date parts.

    ``kind``: ``day`` (year, month, day equal), ``month-only`` (that month, no valid
    day: the month block), ``month`` (every record of that month), ``year-only`` (that
    year, no month), ``year`` (every record of that year), ``undated`` (no year, that
    month and day, each possibly absent)."""

    kind: str
    outlet: str
    year: int | None = None
    month: int | None = None
    day: int | None = None


def _item_cells(it: Item) -> list[Cell]:
    o = it.outlet
    if it.year is None:
        days = [it.day] if it.day is None else [it.day - 1, it.day, it.day + 1]
        return [Cell("undated", o, None, it.month, d) for d in days]
    if it.month is None:
        return [Cell("year", o, it.year)]
    ordinal = day_number(it)
    if it.day is None or not ordinal:  # the month, and its year without a month
        return [Cell("month", o, it.year, it.month), Cell("year-only", o, it.year)]
    near = [dt.date.fromordinal(n) for n in (ordinal - 1, ordinal, ordinal + 1) if n > 0]
    return [
        *(Cell("day", o, d.year, d.month, d.day) for d in near),
        Cell("month-only", o, it.year, it.month),
        Cell("year-only", o, it.year),
    ]


def reach(items: Iterable[Item]) -> dict[Cell, list[Item]]:
    """The cells to look up for ``items`` (without one that a wider cell holds), each
    with the items that can pair with its records, in key order."""
    by_where: dict[tuple[str, int | None, int | None, int | None], list[Item]] = {}
    for it in items:  # items of one outlet and date need the same cells
        by_where.setdefault((it.outlet, it.year, it.month, it.day), []).append(it)
    wanted: dict[Cell, dict[str, Item]] = {}
    for same in by_where.values():
        for cell in _item_cells(same[0]):
            wanted.setdefault(cell, {}).update((it.key, it) for it in same)
    out: dict[Cell, dict[str, Item]] = {}
    for cell, held in wanted.items():
        out.setdefault(_wider(cell, wanted) or cell, {}).update(held)
    return {cell: [held[k] for k in sorted(held)] for cell, held in out.items()}


def _wider(c: Cell, wanted: dict[Cell, dict[str, Item]]) -> Cell | None:
    """The wanted cell that holds ``c``: its year's, else (but for a month) its month's."""
    if c.kind in ("undated", "year"):
        return None
    year = Cell("year", c.outlet, c.year)
    if year in wanted:
        return year
    month = Cell("month", c.outlet, c.year, c.month)
    return month if c.kind != "month" and month in wanted else None
