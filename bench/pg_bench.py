"""PostgreSQL library benchmarks, on a throw-away cluster of their own (bench.pg_cluster).

``--articles N``: the real `refs add` of N corpus articles into a new PostgreSQL library
and into a new SQLite file in the same run (child processes, wall and CPU time of the
command; the server's own CPU is not in it, so wall time is the figure), and the ratio.
``--replace``: the corpus holds corrected articles, which are replaced on both.

``--refs N``: `refs search` over a PostgreSQL library of N references (built as
bench.search_library builds it, on SQLite, and moved with refs copy): the wall time per
query and the page of 50 references it shows, median and slowest of 5, for the same
queries as on SQLite, and the ratio to SQLite's median in the same run.

    python -m bench.pg_bench --articles 10000 --refs 1000000
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.add_bench import OUT, refs_add
from bench.corpus import write_corpus
from bench.pg_cluster import Cluster, bindir, start_cluster
from bench.search_bench import QUERIES, ROUNDS, _timed, selection
from bench.search_library import build
from refs.library.connection import ServerUrl
from refs.library.copying import copy_library
from refs.library.store import Library
from refs.select import Selection


@contextmanager
def cluster() -> Iterator[Cluster]:
    programs = bindir()
    if programs is None:
        raise SystemExit("PostgreSQL is not installed (bash .ci/install-consumers)")
    running = start_cluster(programs)
    try:
        yield running
    finally:
        running.stop()


def _database(server: Cluster, name: str) -> str:
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.url(name)


def run_articles(server: Cluster, n: int) -> None:
    folder = OUT / f"corpus-{n}"
    write_corpus(folder, n)
    with tempfile.TemporaryDirectory() as tmp:
        file_wall, file_cpu, _, _ = refs_add(folder, Path(tmp) / "bench.db", "--replace")
    url = _database(server, f"add_{n}")
    pg_wall, pg_cpu, _, summary = refs_add(folder, url, "--replace")
    print(
        f"{n:>8} articles: refs add on PostgreSQL {pg_wall:7.2f} s wall ({pg_cpu:6.2f} s CPU "
        f"of refs), on SQLite {file_wall:7.2f} s wall ({file_cpu:6.2f} s CPU): "
        f"{pg_wall / file_wall:4.2f}x [{summary}]",
        flush=True,
    )


def _median_ms(lib: Library, text: str, chosen: Selection) -> tuple[float, float]:
    """(median, slowest) wall milliseconds of ROUNDS runs of the query."""
    runs = [_timed(lib, text, chosen)[0] for _ in range(ROUNDS)]
    return statistics.median(runs) * 1e3, max(runs) * 1e3


def run_search(server: Cluster, n: int) -> None:
    """The library is built on SQLite (bench.search_library) and moved with refs copy."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lib.db"
        with Library(path) as lite:
            build(lite, n)
        start = time.perf_counter()
        url = _database(server, f"search_{n}")
        with Library(path) as lite, Library(ServerUrl(url)) as lib:
            copy_library(lite, lib)
            copied = time.perf_counter()
            print(
                f"{n:,} references copied to PostgreSQL (indexed for search) in "
                f"{copied - start:.1f} s"
            )
            for text, options in QUERIES:
                label = " ".join([text, *options])
                med, worst = _median_ms(lib, text, selection(options))
                on_file, _ = _median_ms(lite, text, selection(options))
                print(
                    f"  {label!r:38} PostgreSQL median {med:6.1f} ms  slowest {worst:6.1f} ms"
                    f"  (SQLite median {on_file:6.1f} ms: {med / on_file:5.2f}x)",
                    flush=True,
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, action="append", default=[])
    parser.add_argument("--refs", type=int, action="append", default=[])
    args = parser.parse_args()
    if not args.articles and not args.refs:
        args.articles, args.refs = [10_000], [1_000_000]
    with cluster() as server:
        for n in args.articles:
            run_articles(server, n)
        for n in args.refs:
            run_search(server, n)


if __name__ == "__main__":
    main()
