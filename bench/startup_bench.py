"""Start-up benchmark: the import cost of a command (``python -X importtime``, the sum of
every module's own time) and the CPU time of the whole process, next to ``python -c
pass`` measured in the same run. The machine is shared and noisy, so each figure is the
smallest of ``--runs`` runs. ``--against PYTHON`` measures another installation of refs
(an older checkout's interpreter) in the same run, each run of one interleaved with a run
of the other, and prints the ratio of the two.

    python -m bench.startup_bench [--runs 7] [--against OLD/.venv/bin/python]
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "000_ef633acc338f5415.txt")
COMMANDS: dict[str, list[str]] = {
    "refs --help": ["--help"],
    "refs check ARTICLE": ["check", SEED],
    "refs parse ARTICLE": ["parse", SEED],
}
_LINE = re.compile(r"import time:\s+(\d+) \|")
_RUN = "import sys; sys.argv = ['refs', *sys.argv[1:]]; from refs.cli import main; main()"


def import_cost(python: str, argv: list[str]) -> tuple[int, float]:
    """Microseconds spent importing and CPU seconds, of one fresh interpreter ``python``
    running ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as elsewhere:  # `-c` imports from the folder it runs in
        done = subprocess.run(
            [python, "-X", "importtime", *argv],
            capture_output=True,
            text=True,
            check=False,
            cwd=elsewhere,
        )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return sum(int(m.group(1)) for m in _LINE.finditer(done.stderr)), cpu


def smallest(pythons: list[str], argv: list[str], runs: int) -> list[tuple[int, float]]:
    """For each of ``pythons``: the smallest import cost and CPU time over ``runs`` runs,
    the runs of the interpreters interleaved."""
    costs: list[list[tuple[int, float]]] = [[] for _ in pythons]
    for _ in range(runs):
        for python, got in zip(pythons, costs, strict=True):
            got.append(import_cost(python, argv))
    return [(min(c for c, _ in got), min(t for _, t in got)) for got in costs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", help="another interpreter with refs installed")
    args = parser.parse_args()
    pythons = [sys.executable, *([args.against] if args.against else [])]
    labels = ["", " (against)"] if args.against else [""]
    floors = smallest(pythons, ["-c", "pass"], args.runs)
    for label, (floor, floor_cpu) in zip(labels, floors, strict=True):
        name = "python -c pass" + label
        print(f"{name:<32} import {floor / 1000:6.1f} ms   CPU {floor_cpu * 1000:6.1f} ms")
    for command, argv in COMMANDS.items():
        got = smallest(pythons, ["-c", _RUN, *argv], args.runs)
        for label, (cost, cpu), (floor, floor_cpu) in zip(labels, got, floors, strict=True):
            print(
                f"{command + label:<32} import {cost / 1000:6.1f} ms   CPU {cpu * 1000:6.1f} ms"
                f"   ({cost / floor:4.1f}x and {cpu / floor_cpu:4.1f}x python -c pass)"
            )
        if len(got) == 2:
            print(
                f"{'':<32} import {got[0][0] / got[1][0]:5.2f}x against, "
                f"CPU {got[0][1] / got[1][1]:5.2f}x"
            )


if __name__ == "__main__":
    main()
