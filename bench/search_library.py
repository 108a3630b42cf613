"""The library the search benchmark queries: n references with titles made of the corpus
generator's vocabulary plus a name drawn from a large made-up vocabulary (as real titles
name people and places), one title in 3 opening with ``Statement:`` (a word in 30 % of
titles), dates 1990-2010, one reference in 100 tagged ``todo``, one in 7 ``korea``, each
cited by one article of one of 200 issues. Made once per set of parameters and kept in a
folder (its name is the hash of the parameters), as building 10^6 takes minutes.

    python -m bench.search_library --refs 1000000 --cache DIR
"""

from __future__ import annotations

import argparse
import hashlib
import random
from pathlib import Path

from bench.corpus import OUTLETS, _title
from refs.library.schema import SCHEMA_VERSION
from refs.library.search import refresh
from refs.library.store import Library
from refs.models import Fields, PartialDate
from refs.outlets import resolve

NAMES = 50_000  # made-up proper names: the rare words of the titles
ISSUES = 200  # the issues that cite the references, 10 articles each
CHUNK = 100_000  # references made and stored at a time (bounded memory)
GENERATOR = 1  # bumped whenever what build() makes changes


def _name(i: int) -> str:
    rng = random.Random(i)
    return "".join(rng.choice("aeioukrmnstvlpdg") for _ in range(rng.randint(5, 9))).title()


def _fields(rng: random.Random, names: list[str], canonical: dict[str, str]) -> Fields:
    outlet = rng.choice(OUTLETS)
    title = f"{_title(rng)} {rng.choice(names)}"
    if rng.random() < 1 / 3:
        title = f"Statement: {title}"
    date = PartialDate(year=rng.randint(1990, 2010), month=rng.randint(1, 12))
    return Fields(
        title=title,
        type="speech" if rng.random() < 0.05 else "article-newspaper",
        outlet=outlet,
        outlet_canonical=canonical[outlet],
        issued=date,
    )


def _citations(ids: list[int]) -> list[tuple[object, ...]]:
    """One citation of each record (in the columns a citation needs), issue by issue."""
    rows: list[tuple[object, ...]] = []
    for rid in ids:
        issue, article = rid % ISSUES + 1, rid % (ISSUES * 10)
        rows.append(
            (rid, f"a{article:04d}", f"issues/{issue:03d}/a{article:04d}.html",
             f"No. {issue}, May 2000", rid, "-", 1, "-", 0, "article-newspaper")
        )  # fmt: skip
    return rows


def build(lib: Library, n: int) -> None:
    rng = random.Random(7)
    names = [_name(i) for i in range(NAMES)]
    names[0] = "Kovrimsa"
    canonical = {outlet: resolve(outlet).name for outlet in OUTLETS}
    for start in range(0, n, CHUNK):
        records = [
            (f"k{i:08d}", _fields(rng, names, canonical), None)
            for i in range(start, min(n, start + CHUNK))
        ]
        with lib.transaction():
            ids = lib.insert_records(records)
            tags = [(rid, "todo") for rid in ids if rid % 100 == 0]
            tags += [(rid, "korea") for rid in ids if rid % 7 == 0]
            lib.db.executemany("INSERT INTO tags VALUES (?, ?)", tags)
            lib.db.executemany(
                "INSERT INTO citations (record_id, article_id, article, issue, idx, raw, line, "
                "title, year_inferred, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _citations(ids),
            )
        with lib.transaction():
            refresh(lib)


def library(n: int, cache: Path) -> Path:
    """The library of ``n`` references in ``cache``, built if it is not there yet."""
    params = f"{n} {NAMES} {ISSUES} {GENERATOR} {SCHEMA_VERSION}"
    folder = cache / f"refs-search-{hashlib.blake2s(params.encode()).hexdigest()[:12]}"
    path = folder / "lib.db"
    if not (folder / "done").exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        with Library(path) as lib:
            build(lib, n)
        (folder / "done").write_text(params + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--refs", type=int, default=1_000_000)
    parser.add_argument("--cache", type=Path, required=True)
    args = parser.parse_args()
    print(library(args.refs, args.cache))


if __name__ == "__main__":
    main()
