"""Parse benchmark: refs' parse stage next to a floor measured in the same run (reading the
files, finding the source list with rfind and splitting it with plain string operations).

    python -m bench.parse_bench --articles 10000 [--articles 100000]
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

from bench.corpus import write_corpus
from bench.sizes import main_over_sizes
from refs.pipeline import parse_paths

OUT = Path(__file__).resolve().parent / "out"


def floor(paths: list[Path]) -> int:
    entries = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        start = text.rfind("Reports:")
        end = text.find("©", start)
        for entry in text[start + 8 : end].split(";"):
            entry.rsplit(",", 2)
            entries += 1
    return entries


def refs_parse(paths: list[Path]) -> int:
    result = parse_paths(paths)
    return sum(len(a.references) for a in result.articles)


def timed(fn: Callable[[list[Path]], int], paths: list[Path]) -> tuple[float, int]:
    """CPU seconds (less disturbed by other work on a shared machine than wall time)."""
    gc.collect()
    start = time.process_time()
    count = fn(paths)
    return time.process_time() - start, count


def run(n: int) -> None:
    paths = write_corpus(OUT / f"corpus-{n}", n)
    floor(paths[: min(n, 2000)])  # warm the page cache and the interpreter
    refs_parse(paths[: min(n, 2000)])
    t_floor, n_floor = timed(floor, paths)
    t_refs, n_refs = timed(refs_parse, paths)
    print(
        f"{n:>7} articles (CPU time): floor {t_floor:6.2f} s ({n_floor} entries)   "
        f"refs {t_refs:6.2f} s ({n_refs} references)   "
        f"ratio {t_refs / t_floor:4.2f}x   refs {t_refs / n * 1e6:6.0f} us/article"
    )


def main() -> None:
    main_over_sizes(__doc__, "articles", 10_000, run)


if __name__ == "__main__":
    main()
