"""Export/import benchmark: each exporter and reader next to a floor measured in the same
run (the same fields joined with plain f-strings, no escaping, no library).

    python -m bench.export_bench --refs 20000
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable

from bench.sizes import main_over_sizes
from refs.formats import registry
from refs.formats.detect import parse_text
from refs.models import LibraryReference, PartialDate

OUTLETS = ["Associated Press", "Reuters", "Wire Service", "City Radio", "The Palace"]
WORDS = "talks missile envoy NATO ABM ends stall says offers US-led {brace} 50% & co".split()


def synthetic(n: int, seed: int = 7) -> list[LibraryReference]:
    rng = random.Random(seed)
    refs = []
    for i in range(n):
        outlet = rng.choice(OUTLETS)
        refs.append(
            LibraryReference(
                key=f"k{i:07d}",
                title=" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))),
                outlet=outlet,
                container_title=outlet,
                issued=PartialDate(year=2000, month=rng.randint(1, 12), day=rng.randint(1, 28)),
            )
        )
    return refs


def floor(refs: list[LibraryReference]) -> str:
    return "".join(
        f"@misc{{{r.key},\n  title = {{{r.title}}},\n  howpublished = {{{r.outlet}}},\n"
        f"  year = {{{r.issued.year if r.issued else ''}}}\n}}\n"
        for r in refs
    )


def timed(fn: Callable[[], object]) -> float:
    """CPU seconds (less disturbed by other work on a shared machine than wall time)."""
    gc.collect()
    start = time.process_time()
    fn()
    return time.process_time() - start


def run(n: int) -> None:
    refs = synthetic(n)
    t_floor = timed(lambda: floor(refs))
    print(f"{n} references (CPU time); floor {t_floor:.3f} s")
    for name in registry.names():
        text = registry.export(name, refs)
        t_export = timed(lambda name=name: registry.export(name, refs))
        t_import = timed(lambda name=name, text=text: parse_text(text, "bench", name))
        print(
            f"  {name:9} export {t_export:6.3f} s ({t_export / t_floor:5.1f}x floor, "
            f"{n / t_export:8.0f}/s)   import {t_import:6.3f} s ({n / t_import:8.0f}/s)"
        )


def main() -> None:
    main_over_sizes(__doc__, "refs", 20000, run)


if __name__ == "__main__":
    main()
