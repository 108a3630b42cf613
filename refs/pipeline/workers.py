"""One job per item on several cores, the results taken back in the items' order (so an
output never depends on which worker finished first)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN_ITEMS = 32  # below this, starting workers costs more than it saves
CHUNK = 16  # items a worker takes at a time


def in_order(job: Callable[[T], R], items: Iterable[T], jobs: int, count: int) -> Iterator[R]:
    """``map(job, items)`` (``count`` of them), in ``jobs`` worker processes when there
    are enough items to pay for starting them."""
    if jobs <= 1 or count < PARALLEL_MIN_ITEMS:
        yield from map(job, items)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(jobs) as pool:
        yield from pool.imap(job, items, chunksize=CHUNK)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
