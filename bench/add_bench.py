"""`refs add` benchmarks.

``--articles N``: the real command (`refs add FOLDER`) over N corpus articles into an
empty library, in a child process: wall and CPU time, peak memory (maximum resident
set), then the same command again (every file known by its content: nothing changes);
next to the parse floor measured in the same run. ``--jobs J`` is passed on when the
command takes it.

``--into N``: the cost of adding 100 new articles (store only, CPU time, median of 3)
into an empty library and into libraries of about N references (built once with
`refs add` and kept under bench/out), and its ratio to the empty case; then the same for
the whole `refs add` process (start-up, opening and checking the library included).

    python -m bench.add_bench --articles 10000 --articles 100000
    python -m bench.add_bench --into 100000 --into 300000
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_corpus
from bench.parse_bench import floor
from refs.library.ingest import add_articles
from refs.library.store import Library
from refs.pipeline import parse_paths

OUT = Path(__file__).resolve().parent / "out"
REFS_PER_ARTICLE = 9.5  # about what the corpus gives (new references per article)


def refs_add(folder: Path, library: Path | str, *extra: str) -> tuple[float, float, float, str]:
    """Run `refs add`: (wall s, CPU s, peak MB, its summary line)."""
    cmd = [sys.executable, "-m", "refs", "add", str(folder), "--library", str(library), *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: something held back (a correction) or warned
        raise SystemExit(f"refs add failed ({proc.returncode}): {err[-2000:]}")
    summary = err.strip().splitlines()[-1] if err.strip() else ""
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, summary


def run_articles(n: int, extra: list[str]) -> None:
    paths = write_corpus(OUT / f"corpus-{n}", n)
    floor(paths[: min(n, 2000)])  # warm the page cache
    t0 = time.process_time()
    floor(paths)
    t_floor = time.process_time() - t0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        wall, cpu, peak, summary = refs_add(OUT / f"corpus-{n}", db, *extra)
        wall2, cpu2, peak2, summary2 = refs_add(OUT / f"corpus-{n}", db, *extra)
    print(
        f"{n:>8} articles: refs add {wall:7.2f} s wall, {cpu:7.2f} s CPU "
        f"({cpu / t_floor:5.1f}x the floor {t_floor:.2f} s), peak {peak:6.0f} MB"
        f" [{summary}]\n{'':>18}again: {wall2:7.2f} s wall, {cpu2:6.2f} s CPU, "
        f"peak {peak2:6.0f} MB [{summary2}]",
        flush=True,
    )


def base_library(refs: int) -> Path:
    """A library of about ``refs`` references, built once with `refs add`."""
    path = OUT / f"library-{refs}.db"
    if not path.exists():
        n = int(refs / REFS_PER_ARTICLE)
        write_corpus(OUT / f"corpus-{n}", n)
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        refs_add(OUT / f"corpus-{n}", building)
        building.rename(path)
    return path


def store_100(base: Path | None, parsed: list[object], tmp: Path) -> float:
    """CPU seconds to store the parsed articles into a copy of ``base`` (median of 3)."""
    times = []
    for i in range(3):
        db = tmp / f"lib-{i}.db"
        if base is not None:
            shutil.copyfile(base, db)
        with Library(db) as lib:
            start = time.process_time()
            with lib.transaction():
                add_articles(lib, parsed)  # type: ignore[arg-type]
            times.append(time.process_time() - start)
        db.unlink()
    return statistics.median(times)


def command_100(base: Path | None, folder: Path, tmp: Path) -> float:
    """CPU seconds of the whole `refs add FOLDER` process into a copy of ``base`` (median
    of 3). The copy is opened once first, as the library a user's last command left (so
    it is sealed, see refs.library.seal, when it is big enough to be)."""
    times = []
    for i in range(3):
        db = tmp / f"cmd-{i}.db"
        if base is not None:
            shutil.copyfile(base, db)
            Library(db).close()
        times.append(refs_add(folder, db)[1])
        db.unlink()
    return statistics.median(times)


def run_into(sizes: list[int]) -> None:
    new = write_corpus(OUT / "corpus-new-100", 100, seed=2)
    parsed = parse_paths(new).articles
    citations = sum(len(p.references) for p in parsed)
    bases = {n: base_library(n) for n in sizes}
    with tempfile.TemporaryDirectory() as tmp:
        empty = store_100(None, list(parsed), Path(tmp))
        print(f"add 100 articles ({citations} citations), store CPU time (median of 3):")
        print(f"{'empty library':>28}: {empty * 1e3:7.1f} ms", flush=True)
        for base in bases.values():
            with Library(base) as lib:
                held = lib.counts()["records"]
            t = store_100(base, list(parsed), Path(tmp))
            print(f"{held:>17} references: {t * 1e3:7.1f} ms = {t / empty:4.2f}x", flush=True)
        whole = command_100(None, OUT / "corpus-new-100", Path(tmp))
        print("the whole `refs add` of them, process CPU time (median of 3):")
        print(f"{'empty library':>28}: {whole * 1e3:7.1f} ms", flush=True)
        for n, base in bases.items():
            t = command_100(base, OUT / "corpus-new-100", Path(tmp))
            print(f"{n:>17} references: {t * 1e3:7.1f} ms = {t / whole:4.2f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, action="append", default=[])
    parser.add_argument("--into", type=int, action="append", default=[])
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    extra = [] if args.jobs is None else ["--jobs", str(args.jobs)]
    if not args.articles and not args.into:
        args.articles = [10_000]
    for n in args.articles:
        run_articles(n, extra)
    if args.into:
        run_into(args.into)


if __name__ == "__main__":
    main()
