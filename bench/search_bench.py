"""Search benchmark: `refs search` (SQLite FTS5, BM25, the first page of 50 read as
references) over the library of bench.search_library (kept between runs in --cache).
Prints, per query of a fixed set (a rare name, a word in 30 % of titles, two words, a
phrase, a word start, an outlet alias, --type, --tag, --since/--until, --cited-by,
--article and combinations): its hits, the median and slowest wall time and the median
CPU time of the command's work in-process (the check for a stale index, the query with
its filters, the page of references read), and the wall and CPU time of the whole
`refs search` process (Python's start-up included; CPU of the child).

    python -m bench.search_bench --refs 1000000 --cache DIR
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.search_library import library
from refs.library.search import find, fresh
from refs.library.store import Library
from refs.select import Selection, parse_bound

# (label, query, options of `refs search`)
QUERIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kovrimsa", ()),
    ("statement", ()),
    ("korea", ()),
    ("north korea", ()),
    ('"test ban"', ()),
    ("nucl", ()),
    ("Reuters talks Russia", ()),
    ("zzzz", ()),
    ("statement", ("--outlet", "AP")),
    ("nucl", ("--outlet", "Xinhua")),
    ("korea", ("--type", "speech")),
    ("talks", ("--tag", "todo")),
    ("statement", ("--tag", "korea")),
    ("korea", ("--since", "2009-06")),
    ("statement", ("--since", "1995", "--until", "1996-03")),
    ("statement", ("--cited-by", "52")),
    ("korea", ("--article", "a0107.html")),
    ("north", ("--tag", "korea", "--outlet", "Reuters")),
    ("statement", ("--outlet", "AP", "--type", "speech", "--since", "2000")),
    ("korea", ("--cited-by", "1", "--tag", "todo", "--until", "2000")),
)
ROUNDS = 5
_OPTION = {"--outlet": "outlets", "--type": "types", "--tag": "tags", "--cited-by": "cited_by",
           "--article": "articles"}  # fmt: skip


def selection(options: tuple[str, ...]) -> Selection:
    """The Selection the command makes of ``options``."""
    many: dict[str, tuple[str, ...]] = {}
    bounds = {}
    for flag, value in zip(options[::2], options[1::2], strict=True):
        if flag in ("--since", "--until"):
            bounds[flag[2:]] = parse_bound(value)
        else:
            many[_OPTION[flag]] = (*many.get(_OPTION[flag], ()), value)
    return Selection(**many, **bounds)  # type: ignore[arg-type]


def _timed(lib: Library, text: str, chosen: Selection) -> tuple[float, float, int]:
    """(wall, CPU) seconds of one query and its page of references, and how many."""
    start, cpu = time.perf_counter(), time.process_time()
    fresh(lib)
    found = find(lib, text, chosen, 50)
    return time.perf_counter() - start, time.process_time() - cpu, len(found)


def _process(path: Path, text: str, options: tuple[str, ...]) -> tuple[float, float]:
    """(wall, CPU) seconds of the `refs search` process."""
    command = [sys.executable, "-m", "refs", "search", text, *options, "--library", str(path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def run(n: int, cache: Path) -> None:
    start = time.perf_counter()
    path = library(n, cache)
    print(f"{n:,} references: library ready in {time.perf_counter() - start:.1f} s")
    print(f"  {'query':54} {'shown':>5}  in-process: median (CPU) slowest   process: wall (CPU)")
    with Library(path) as lib:
        for text, options in QUERIES:
            chosen = selection(options)
            runs = [_timed(lib, text, chosen) for _ in range(ROUNDS)]
            walls = [w for w, _, _ in runs]
            cpu = statistics.median(c for _, c, _ in runs)
            wall, child = min((_process(path, text, options) for _ in range(2)), key=lambda t: t[1])
            label = " ".join([repr(text), *options])
            print(
                f"  {label:54} {runs[0][2]:>5}  {statistics.median(walls) * 1e3:6.1f} ms "
                f"({cpu * 1e3:6.1f}) {max(walls) * 1e3:6.1f}   "
                f"{wall * 1e3:6.0f} ms ({child * 1e3:4.0f})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--refs", type=int, action="append", dest="sizes")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    for n in args.sizes or [1_000_000]:
        run(n, args.cache)


if __name__ == "__main__":
    main()
