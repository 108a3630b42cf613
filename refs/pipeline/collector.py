"""Pausing Python's cyclic garbage collector around bulk work: over hundreds of thousands
of small objects its full collections grow superlinear (measured: parsing 32,000 RIS
records took 3.2x the time of 16,000 with it, 1.7x without). Reference counting still
frees everything; the collector runs again afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
