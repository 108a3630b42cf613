"""Costs that must stay linear in the input, each timed at n and 2n with the exponent
printed (under 1.2 is the target): parsing one entry with many commas, checking an
article with one huge paragraph of dates, importing RIS records that all share one
outlet and year (one dedupe block: timed at a quarter, a half and all of the 100,000
records, CPU and wall time, with the exponent of each doubling).

    python -m bench.robust_bench --commas 20000 --dates 64000 --records 100000
"""

from __future__ import annotations

import argparse
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.growth import report, report_doublings
from refs.formats.detect import parse_text as parse_import
from refs.library.ingest import import_references
from refs.library.store import Library
from refs.pipeline import build, check, parse_text
from refs.pipeline.collector import paused

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ef633acc338f5415.txt"


def _article(insert: str) -> str:
    text = SEED.read_text(encoding="utf-8")
    at = text.index("Reports:")
    return text[:at] + insert + text[at:]


def comma_entry(n: int) -> Callable[[], object]:
    """An entry with ``n`` commas in its title."""
    text = _article("").replace("Reports:", "Reports: Title" + ", part" * n + ", Reuters, May 2;")
    return lambda: parse_text(text, "commas.txt")


def date_paragraph(n: int) -> Callable[[], object]:
    """One paragraph naming ``n`` dates (about 16 bytes each: 64k dates is 1 MB)."""
    para = "Talks on " + " and ".join(f"October {1 + i % 28}" for i in range(n)) + ".\n\n"
    parsed = build([parse_text(_article(para), "dates.txt")])[0]
    return lambda: check(parsed)


WORDS = ["".join(random.Random(i).choices("bcdfghklmnprstvz", k=3)) + "a" for i in range(20000)]


def ris_records(n: int, seed: int = 3) -> str:
    """``n`` RIS records of one outlet and year; one in ten repeats an earlier title."""
    rng = random.Random(seed)
    titles: list[str] = []
    lines: list[str] = []
    for _ in range(n):
        if titles and rng.random() < 0.1:
            title = rng.choice(titles)
        else:
            title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
            titles.append(title)
        lines += ["TY  - NEWS", f"TI  - {title}", "T2  - Reuters", "PY  - 2000", "ER  - "]
    return "\r\n".join(lines) + "\r\n"


def ris_import(n: int) -> Callable[[], object]:
    text = ris_records(n)

    def job() -> None:  # as `refs import` does it
        with paused():
            result = parse_import(text, "bench.ris", "ris")
        with (
            tempfile.TemporaryDirectory() as tmp,
            Library(Path(tmp) / "b.db") as lib,
            lib.transaction(),
            paused(),
        ):
            import_references(lib, result.references, "bench.ris")

    return job


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commas", type=int, default=20000)
    parser.add_argument("--dates", type=int, default=64000)
    parser.add_argument("--records", type=int, default=100000)
    args = parser.parse_args()
    report("parse, one entry with many commas", "commas", args.commas // 2, comma_entry)
    report("check, one paragraph of dates", "dates", args.dates // 2, date_paragraph)
    # a minute of work at most each: once is enough (at a quarter, a half and all records)
    report_doublings("import, RIS of one outlet+year", "records", args.records // 4, ris_import)


if __name__ == "__main__":
    main()
