"""refs.pipeline.workers: results in the items' order, and a bounded number of items in
flight when the caller is slower than the workers."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

from refs.pipeline.workers import AHEAD, CHUNK, PARALLEL_MIN_ITEMS, Window, in_order


def _square(n: int) -> int:
    return n * n


def test_results_come_back_in_the_items_order() -> None:
    items = range(500)
    assert list(in_order(_square, items, 2, count=500)) == [n * n for n in items]


def test_few_items_run_here() -> None:
    assert list(in_order(_square, range(3), 2, count=3)) == [0, 1, 4]


def test_a_slow_caller_holds_the_workers_back() -> None:
    drawn = 0

    def items() -> Iterator[int]:
        nonlocal drawn
        for n in range(20 * AHEAD * CHUNK):
            drawn += 1
            yield n

    ahead = []
    for taken, _ in enumerate(in_order(_square, items(), 2, count=20 * AHEAD * CHUNK), 1):
        if taken % 50 == 0:
            time.sleep(0.02)  # the workers get well ahead, if they may
        ahead.append(drawn - taken)
    assert max(ahead) <= 2 * AHEAD * CHUNK + 1  # + the one drawn, waiting for room
    assert max(ahead) >= CHUNK  # the workers do run ahead, within the window


def test_a_window_lets_its_size_through_then_waits() -> None:
    window = Window(3)
    fed = window.fed(iter(range(10)))
    assert [next(fed) for _ in range(3)] == [0, 1, 2]
    window.taken()
    assert next(fed) == 3
    window.close()
    assert list(fed) == []  # closed: the feeding ends instead of waiting


def test_a_caller_that_stops_early_does_not_hang() -> None:
    code = (
        "from refs.pipeline.workers import in_order\n"
        "def job(n): return n\n"
        "for n in in_order(job, iter(range(100000)), 2, count=100000):\n"
        "    if n == 40: break\n"
        "print('stopped')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "stopped"
    assert PARALLEL_MIN_ITEMS < 100000
