"""Start-up benchmark: the import cost of a command (``python -X importtime``, the sum of
every module's own time) and the CPU time of the whole process, next to ``python -c
pass`` measured in the same run. The machine is shared and noisy, so each figure is the
smallest of ``--runs`` runs.

    python -m bench.startup_bench [--runs 7]
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
from pathlib import Path

SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "000_ef633acc338f5415.txt")
COMMANDS: dict[str, list[str]] = {
    "refs --help": ["--help"],
    "refs check ARTICLE": ["check", SEED],
    "refs parse ARTICLE": ["parse", SEED],
}
_LINE = re.compile(r"import time:\s+(\d+) \|")
_RUN = "import sys; sys.argv = ['refs', *sys.argv[1:]]; from refs.cli import main; main()"


def import_cost(argv: list[str]) -> tuple[int, float]:
    """Microseconds spent importing and CPU seconds, of one fresh interpreter running
    ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        capture_output=True,
        text=True,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return sum(int(m.group(1)) for m in _LINE.finditer(done.stderr)), cpu


def smallest(argv: list[str], runs: int) -> tuple[int, float]:
    costs = [import_cost(argv) for _ in range(runs)]
    return min(c for c, _ in costs), min(t for _, t in costs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    floor, floor_cpu = smallest(["-c", "pass"], runs)
    print(f"{'python -c pass':<20} import {floor / 1000:6.1f} ms   CPU {floor_cpu * 1000:6.1f} ms")
    for name, args in COMMANDS.items():
        cost, cpu = smallest(["-c", _RUN, *args], runs)
        print(
            f"{name:<20} import {cost / 1000:6.1f} ms   CPU {cpu * 1000:6.1f} ms   "
            f"({cost / floor:4.1f}x and {cpu / floor_cpu:4.1f}x python -c pass)"
        )


if __name__ == "__main__":
    main()
