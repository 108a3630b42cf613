"""End-to-end benchmark of the streamed commands over growing synthetic archives:
``refs parse --format json`` and ``refs check --format json`` (output to /dev/null),
each in a fresh process, with CPU time, wall time and peak memory (the largest process:
with ``--jobs`` > 1 each worker is a process of its own), next to the floor measured in
the same run (reading the files, finding the source list with ``rfind`` and splitting it
with plain string operations), and the exponent of the growth from one size to the next
(1.0: linear).

    python -m bench.stream_bench --sizes 1000,10000,100000 [--jobs 2] [--commands parse]

The corpus is written once per size into bench/out/tree-N (folders of 1,000 articles;
10^6 articles of about 4 KB are about 4 GB)."""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import write_tree

OUT = Path(__file__).resolve().parent / "out"
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(r.ru_utime + r.ru_stime, time.perf_counter() - start, r.ru_maxrss)\n"
)


def floor(folder: Path) -> tuple[float, int]:
    """CPU seconds of the floor over every article under ``folder``, and the entries."""
    start = time.process_time()
    entries = 0
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        begin = text.rfind("Reports:")
        end = text.find("©", begin)
        for entry in text[begin + 8 : end].split(";"):
            entry.rsplit(",", 2)
            entries += 1
    return time.process_time() - start, entries


def measure(args: list[str]) -> tuple[float, float, float]:
    """(CPU s, wall s, peak MB) of ``refs ARGS`` in a fresh process."""
    cmd = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "refs", *args]
    cpu, wall, peak_kb = subprocess.run(
        cmd, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(cpu), float(wall), int(peak_kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--commands", default="parse,check")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    known = {"parse": ["parse", "--format", "json"], "check": ["check", "--format", "json"]}
    commands = {name: known[name] for name in args.commands.split(",")}
    last: dict[str, tuple[int, float, float]] = {}
    for n in sizes:
        folder = write_tree(OUT / f"tree-{n}", n)
        floor(folder)  # warm the page cache
        t_floor, _ = floor(folder)
        print(f"{n:>8} articles: floor {t_floor:7.2f} s CPU")
        for name, cmd in commands.items():
            cpu, wall, peak = measure([*cmd, str(folder), "--jobs", str(args.jobs)])
            growth = ""
            if name in last:
                n0, cpu0, peak0 = last[name]
                growth = f"   exponent {math.log(cpu / cpu0) / math.log(n / n0):4.2f} (CPU)"
                growth += f", peak x{peak / peak0:4.2f}"
            last[name] = (n, cpu, peak)
            print(
                f"{'':>10}refs {name:<5} --jobs {args.jobs}: CPU {cpu:7.2f} s "
                f"({cpu / t_floor:5.1f}x floor)  wall {wall:7.2f} s  peak {peak:6.0f} MB{growth}"
            )


if __name__ == "__main__":
    main()
