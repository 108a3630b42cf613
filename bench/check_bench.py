"""Check benchmark: `refs check`'s stages (claims, links, coverage) over synthetic
seed-shaped articles, per article, next to the parse time of the same run.

    python -m bench.check_bench --articles 10000
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

from bench.corpus import write_corpus
from bench.sizes import main_over_sizes
from refs.check.coverage import check_article
from refs.pipeline import ParsedArticle, parse_paths

OUT = Path(__file__).resolve().parent / "out"


def check_all(parsed: list[ParsedArticle]) -> tuple[int, int, int]:
    claims = links = unused = 0
    for item in parsed:
        checked = check_article(item.article, item.references)
        claims += len(checked.claims)
        links += len(checked.links)
        unused += len(checked.report.unused_references)
    return claims, links, unused


def run(n: int) -> None:
    paths = write_corpus(OUT / f"corpus-{n}", n)
    warm = parse_paths(paths[: min(n, 500)]).articles  # page cache, interpreter, caches
    check_all(warm)
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    parsed = parse_paths(paths).articles
    t_parse, c_parse = time.perf_counter() - start, time.process_time() - cpu
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    claims, links, unused = check_all(parsed)
    t_check, c_check = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{n:>7} articles: parse {t_parse:6.2f} s wall, {c_parse / n * 1e6:5.0f} us CPU/article"
        f"   check {t_check:6.2f} s wall, {c_check / n * 1e6:5.0f} us CPU/article "
        f"({claims} claims, {links} links, {unused} unused references)"
        f"   check/parse {c_check / c_parse:4.1f}x CPU"
    )


def main() -> None:
    main_over_sizes(__doc__, "articles", 10_000, run)


if __name__ == "__main__":
    main()
