"""One job per item on several cores, the results taken back in the items' order (so an
output never depends on which worker finished first), with a bounded number of items in
flight (so memory does not grow when the workers outrun the caller)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_MIN_ITEMS = 32  # below this, starting workers costs more than it saves
CHUNK = 16  # items a worker takes at a time
AHEAD = 4  # chunks per worker handed out before the caller has taken their results


def in_order(job: Callable[[T], R], items: Iterable[T], jobs: int, count: int) -> Iterator[R]:
    """``map(job, items)`` (``count`` of them), in ``jobs`` worker processes when there
    are enough items to pay for starting them. At most ``jobs * AHEAD`` chunks of items
    are handed out and not yet taken back, so results never wait in memory for a caller
    that is slower than the workers."""
    if _here(jobs, count):
        yield from map(job, items)
        return
    window = Window(jobs * AHEAD * CHUNK)
    with _pool(jobs) as pool:
        try:
            for result in pool.imap(job, window.fed(items), chunksize=CHUNK):
                window.taken()
                yield result
        finally:
            window.close()  # the pool's feeding thread must not wait on us to stop


def _here(jobs: int, count: int) -> bool:
    """True where ``count`` items are done in this process: one job, or too few items to
    pay for starting workers."""
    return jobs <= 1 or count < PARALLEL_MIN_ITEMS


def _pool(jobs: int) -> Pool:
    """``jobs`` worker processes (forked where the system can)."""
    import multiprocessing

    return multiprocessing.get_context("fork" if os.name == "posix" else "spawn").Pool(jobs)


class Workers:
    """Worker processes kept for many maps, so that the next map can run while the caller
    works on the results of the one before (``refs add``: the next batch is parsed while
    one is stored). Started at the first map of enough items; closed on leaving."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: Pool | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()

    def start(self, job: Callable[[T], R], items: Sequence[T]) -> Callable[[], Iterator[R]]:
        """Start ``map(job, items)``; the call returned gives the results, in order (it
        waits for them; with one job or few items they are made then, here)."""
        if _here(self.jobs, len(items)):
            return lambda: map(job, items)
        if self._pool is None:
            self._pool = _pool(self.jobs)
        pending = self._pool.map_async(job, items, chunksize=CHUNK)
        return lambda: iter(pending.get())


class Window:
    """Items handed out at most ``size`` ahead of the results taken back."""

    def __init__(self, size: int) -> None:
        self._room = threading.Semaphore(size)
        self._size = size
        self._closed = False

    def fed(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, each once there is room for it (the pool's thread iterates this)."""
        for item in items:
            self._room.acquire()
            if self._closed:
                return
            yield item

    def taken(self) -> None:
        self._room.release()

    def close(self) -> None:
        self._closed = True
        self._room.release(self._size)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
