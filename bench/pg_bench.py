"""PostgreSQL library benchmarks, on a throw-away cluster of their own (bench.pg_cluster).

``--articles N``: the real `refs add` of N corpus articles into a new PostgreSQL library
and into a new SQLite file in the same run (child processes, wall and CPU time of the
command; the server's own CPU is not in it, so wall time is the figure), and the ratio.
``--replace``: the corpus holds corrected articles, which are replaced on both.

``--refs N``: `refs search` over a PostgreSQL library of N references (as
bench.search_library builds it): the time per query and the page of 50 references it
shows, median and slowest of 5, for the same queries as on SQLite.

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
from refs.library.store import Library


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


def run_search(server: Cluster, n: int) -> None:
    with Library(ServerUrl(_database(server, f"search_{n}"))) as lib:
        start = time.perf_counter()
        build(lib, n)
        lib.db.execute("ANALYZE")
        print(f"{n:,} references on PostgreSQL: built in {time.perf_counter() - start:.1f} s")
        for text, options in QUERIES:
            runs = [_timed(lib, text, selection(options)) for _ in range(ROUNDS)]
            med = statistics.median(w for w, _, _ in runs)
            worst = max(w for w, _, _ in runs)
            label = " ".join([repr(text), *options])
            print(
                f"  {label:54} median {med * 1e3:6.1f} ms  slowest {worst * 1e3:6.1f} ms",
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
