"""Search benchmark: `refs search` (SQLite FTS5, BM25, the first 50 read as references) over a
library of n references made with the corpus generator's vocabulary plus a name drawn
from a large made-up vocabulary (as real titles name people and places); one reference
in 100 is tagged ``todo``, one in 7 ``korea``. Prints the time to build the library and
its index, then the time per query as the command runs it (the check for a stale index,
the query with its filters, the page of references read; median and slowest, wall and
CPU) over a fixed set of queries: a rare name, a common pair of words, an outlet alias
with a word, a word start, and the filters --outlet, --tag, --type, --since; and its
ratio to the floor measured in the same run: the lookup of one key through its index.

    python -m bench.search_bench --refs 1000000
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.corpus import OUTLETS, _title
from bench.sizes import main_over_sizes
from refs.library.search import find, fresh, fts_query, refresh
from refs.library.store import Library
from refs.models import Fields, PartialDate
from refs.outlets import resolve
from refs.select import Selection, parse_bound

NAMES = 50_000  # made-up proper names: the rare words of the titles
CHUNK = 100_000  # references made and stored at a time (bounded memory)
QUERIES: tuple[tuple[str, str, Selection], ...] = (
    ("kovrimsa", "kovrimsa", Selection()),
    ("north korea", "north korea", Selection()),
    ("AP missile", "AP missile", Selection()),
    ("nucl", "nucl", Selection()),
    ("Reuters talks Russia", "Reuters talks Russia", Selection()),
    ("zzzz", "zzzz", Selection()),
    ("north korea --outlet AP", "north korea", Selection(outlets=("AP",))),
    ("nucl --outlet Xinhua", "nucl", Selection(outlets=("Xinhua",))),
    ("talks --tag todo", "talks", Selection(tags=("todo",))),
    (
        "north --tag korea --outlet Reuters",
        "north",
        Selection(tags=("korea",), outlets=("Reuters",)),
    ),
    ("korea --type speech", "korea", Selection(types=("speech",))),
    ("korea --since 2009-06", "korea", Selection(since=parse_bound("2009-06"))),
)
ROUNDS = 5


def _name(i: int) -> str:
    rng = random.Random(i)
    return "".join(rng.choice("aeioukrmnstvlpdg") for _ in range(rng.randint(5, 9))).title()


def build(lib: Library, n: int) -> None:
    rng = random.Random(7)
    names = [_name(i) for i in range(NAMES)]
    names[0] = "Kovrimsa"
    template = Fields.model_construct(title="", type="article-newspaper")
    canonical = {outlet: resolve(outlet).name for outlet in OUTLETS}
    for start in range(0, n, CHUNK):
        records = []
        for i in range(start, min(n, start + CHUNK)):
            outlet = rng.choice(OUTLETS)
            title = f"{_title(rng)} {rng.choice(names)}"
            date = PartialDate.model_construct(
                year=rng.randint(1990, 2010), month=rng.randint(1, 12)
            )
            fields = template.model_copy(
                update={
                    "title": title,
                    "outlet": outlet,
                    "outlet_canonical": canonical[outlet],
                    "issued": date,
                }
            )
            records.append((f"k{i:08d}", fields, None))
        with lib.transaction():
            ids = lib.insert_records(records)
            tags = [(rid, "todo") for rid in ids if rid % 100 == 0]
            tags += [(rid, "korea") for rid in ids if rid % 7 == 0]
            lib.db.executemany("INSERT INTO tags VALUES (?, ?)", tags)
        with lib.transaction():
            refresh(lib)


def _timed(lib: Library, text: str, selection: Selection) -> tuple[float, float]:
    """(wall, CPU) seconds of one query and the page of 50 references it shows, as `refs
    search` runs it (the machine may be shared: CPU tells the work)."""
    start, cpu = time.perf_counter(), time.process_time()
    fresh(lib)
    find(lib, text, selection, 50)
    return time.perf_counter() - start, time.process_time() - cpu


def _hits(lib: Library, query: str) -> int:
    text = fts_query(query)
    if text is None:
        return 0
    sql = "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?"
    return int(lib.db.execute(sql, (text,)).fetchone()[0])


def run(n: int) -> None:
    with tempfile.TemporaryDirectory() as folder, Library(Path(folder) / "lib.db") as lib:
        start = time.perf_counter()
        build(lib, n)
        built = time.perf_counter() - start
        floor_times = []
        for _ in range(ROUNDS * len(QUERIES)):
            t = time.perf_counter()
            lib.record_id(f"k{n // 2:08d}")
            floor_times.append(time.perf_counter() - t)
        floor = statistics.median(floor_times)
        print(f"{n:,} references: library and index built in {built:.1f} s")
        print(f"floor (one key through its index): {floor * 1e6:.0f} us")
        for label, text, selection in QUERIES:
            runs = [_timed(lib, text, selection) for _ in range(ROUNDS)]
            med = statistics.median(w for w, _ in runs)
            worst = max(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            print(
                f"  {label!r:38} {_hits(lib, text):>8,} hits  median {med * 1e3:6.1f} ms "
                f"(CPU {cpu * 1e3:6.1f} ms)  slowest {worst * 1e3:6.1f} ms  "
                f"({med / floor:,.0f}x floor)"
            )


if __name__ == "__main__":
    main_over_sizes(__doc__, "refs", 1_000_000, run)
