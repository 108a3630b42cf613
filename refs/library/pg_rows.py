"""Many rows in one statement on PostgreSQL: an ``INSERT ... VALUES (...)`` run for many
rows (``executemany``) goes to the server as inserts of a few hundred rows each, not as
one statement per row (parsing, planning and starting the executor once a chunk instead
of once a row). Row triggers fire for each row as before, in the order of the rows, and
a row sees those before it (PostgreSQL's rule for a row trigger of one statement).

``ON CONFLICT ... DO UPDATE`` may not touch one row twice in a statement, so a chunk
ends before a row whose conflict key an earlier row of the chunk holds: the rows apply
in order, the last one winning, as one statement per row would do."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from refs.patterns import compiled

_PARAMS = 60_000  # the protocol allows 65,535 parameters a statement
_ROWS = 500
_HEAD = compiled(r'^\s*INSERT\s+INTO\s+(?:\w+|"\w+")\s*\(([^)]*)\)\s*VALUES\s*\(', re.I)
_MARK = compiled(r"\?")
_UPDATE_KEY = compiled(r"\bON\s+CONFLICT\s*\(([^)]*)\)\s*DO\s+UPDATE\b", re.I)


class Shape(NamedTuple):
    """An insert of one row taken apart: the text up to its row, the row, what follows,
    and the positions of its conflict key among the values (None: no DO UPDATE)."""

    head: str
    row: str
    tail: str
    key: tuple[int, ...] | None


def _row_end(text: str, start: int) -> int:
    """The index after the parenthesis closing the one before ``start``."""
    depth, quoted = 1, False
    for i in range(start, len(text)):
        c = text[i]
        if c == "'":
            quoted = not quoted
        elif not quoted and c == "(":
            depth += 1
        elif not quoted and c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def shape(text: str) -> Shape | None:
    """The parts of an insert (PostgreSQL text with ``?``) of one row of values, None
    for any other statement or one whose conflict key is not a plain value."""
    head = _HEAD.match(text)
    if head is None:
        return None
    end = _row_end(text, head.end())
    if end < 0 or text[end:].lstrip().upper().startswith(("SELECT", ",")):
        return None
    row, tail = text[head.end() - 1 : end], text[end:]
    update = _UPDATE_KEY.search(tail)
    if update is None:
        return Shape(text[: head.end() - 1], row, tail, None)
    columns = [c.strip().strip('"') for c in head.group(1).split(",")]
    values = [v.strip() for v in row[1:-1].split(",")]
    key = [c.strip() for c in update.group(1).split(",")]
    if len(values) != len(columns) or any(values[columns.index(k)] != "?" for k in key):
        return None
    return Shape(text[: head.end() - 1], row, tail, tuple(columns.index(k) for k in key))


def _key(shaped: Shape, row: Sequence[Any]) -> tuple[Any, ...]:
    assert shaped.key is not None
    return tuple(row[i] for i in shaped.key)


def chunks(
    shaped: Shape, rows: Sequence[Sequence[Any]], most: int = _ROWS
) -> Iterator[list[Sequence[Any]]]:
    """``rows`` in order, in chunks (of at most ``most``) that one statement may insert."""
    most = max(1, min(most, _PARAMS // max(1, shaped.row.count("?"))))
    chunk: list[Sequence[Any]] = []
    keys: set[tuple[Any, ...]] = set()
    for row in rows:
        key = _key(shaped, row) if shaped.key is not None else None
        if len(chunk) >= most or (key is not None and key in keys):
            yield chunk
            chunk, keys = [], set()
        chunk.append(row)
        if key is not None:
            keys.add(key)
    if chunk:
        yield chunk


@lru_cache(maxsize=64)
def statement(shaped: Shape, n: int) -> str:
    """The insert of ``n`` rows, its parameters numbered."""
    return numbered(shaped.head + ", ".join([shaped.row] * n) + shaped.tail)


def numbered(text: str) -> str:
    """``text`` with its ``?`` numbered as PostgreSQL's parameters: ``$1``, ``$2``..."""
    count = itertools.count(1)
    return _MARK.sub(lambda _: f"${next(count)}", text)
