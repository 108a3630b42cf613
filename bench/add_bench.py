"""`refs add` benchmark: parse and store N corpus articles into a fresh library (one
transaction), then add them again (must change nothing), next to the parse floor
measured in the same run (reading the files and splitting the source lists).

    python -m bench.add_bench --articles 10000
"""

from __future__ import annotations

import gc
import tempfile
import time
from pathlib import Path

from bench.corpus import write_corpus
from bench.parse_bench import floor
from bench.sizes import main_over_sizes
from refs.library.ingest import add_articles
from refs.library.store import Library
from refs.pipeline import parse_paths

OUT = Path(__file__).resolve().parent / "out"


def run(n: int) -> None:
    paths = write_corpus(OUT / f"corpus-{n}", n)
    floor(paths[: min(n, 2000)])  # warm the page cache
    gc.collect()
    t0 = time.process_time()
    floor(paths)
    t1 = time.process_time()
    parsed = parse_paths(paths).articles
    t2 = time.process_time()
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "bench.db") as lib:
        with lib.transaction():
            first = add_articles(lib, parsed)
        t3 = time.process_time()
        before = lib.counts()
        with lib.transaction():
            again = add_articles(lib, parsed)
        t4 = time.process_time()
        assert lib.counts() == before and again.citations == 0
    t_floor, t_parse, t_store, t_again = t1 - t0, t2 - t1, t3 - t2, t4 - t3
    print(
        f"{n:>7} articles (CPU time): floor {t_floor:6.2f} s   parse {t_parse:6.2f} s   "
        f"store {t_store:6.2f} s ({first.new_references} references, {first.citations} "
        f"citations)   add total {t_parse + t_store:6.2f} s = "
        f"{(t_parse + t_store) / t_floor:4.1f}x floor; store alone {t_store / t_floor:4.1f}x; "
        f"re-add store {t_again:5.2f} s (nothing changed)",
        flush=True,
    )


def main() -> None:
    main_over_sizes(__doc__, "articles", 10_000, run)


if __name__ == "__main__":
    main()
