"""Deduplication benchmark: references made with the corpus generator's vocabulary at a
fixed density (references per outlet and day; the date range grows with n), 10 % of
them variants of an earlier one (case, punctuation, outlet alias, ``N. Korea``, a typo).
Prints the comparisons made next to the all-pairs count, the CPU time, the time per
reference (flat when growth is linear), and precision/recall against the known stories.

    python -m bench.dedupe_bench --refs 100000 --refs 1000000
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import time
from collections.abc import Iterator

from bench.corpus import OUTLETS, _title
from bench.sizes import main_over_sizes
from refs.dedupe.clusters import Item, find_duplicates, make_item
from refs.models import PartialDate

ALIASES = {
    "Associated Press": "AP",
    "Reuters": "Reuter News Reports",
    "AFP": "Agence France-Presse",
}
PER_OUTLET_DAY = 2.0  # density: references per outlet per day
START = dt.date(1900, 1, 1).toordinal()


def _typo(title: str, rng: random.Random) -> str:
    words = title.split()
    i = max(range(len(words)), key=lambda k: (len(words[k]), k))
    w = words[i]
    if len(w) >= 6:
        j = rng.randrange(1, len(w) - 2)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _variant(title: str, outlet: str, rng: random.Random) -> tuple[str, str]:
    kind = rng.randrange(5)
    if kind == 0:
        return title.upper(), outlet
    if kind == 1:
        return title.replace(" - ", ": ").replace(",", "") + ".", outlet
    if kind == 2:
        return title, ALIASES.get(outlet, outlet)
    if kind == 3:
        return title.replace("N. Korea", "North Korea").replace("Korea", "Korea"), outlet
    return _typo(title, rng), outlet


def references(n: int, seed: int = 7) -> Iterator[tuple[str, int, str, str, PartialDate]]:
    """(key, story id, title, outlet, date): a variant shares its story id."""
    rng = random.Random(seed)
    days = max(1, int(n / (len(OUTLETS) * PER_OUTLET_DAY)))
    made: list[tuple[int, str, str, PartialDate]] = []
    for i in range(n):
        if made and rng.random() < 0.1:
            story, title, outlet, date = rng.choice(made)
            title, outlet = _variant(title, outlet, rng)
        else:
            story, title, outlet = i, _title(rng), rng.choice(OUTLETS)
            d = dt.date.fromordinal(START + rng.randrange(days))
            date = PartialDate(year=d.year, month=d.month, day=d.day)
            if len(made) < 200_000:
                made.append((story, title, outlet, date))
            else:
                made[rng.randrange(len(made))] = (story, title, outlet, date)
        yield f"k{i:08d}", story, title, outlet, date


def quality(items: list[Item], story: dict[str, int], groups: tuple[tuple[str, ...], ...]) -> str:
    by_story: dict[int, int] = {}
    for it in items:
        by_story[story[it.key]] = by_story.get(story[it.key], 0) + 1
    true_pairs = sum(c * (c - 1) // 2 for c in by_story.values())
    found = tp = 0
    for group in groups:
        found += len(group) * (len(group) - 1) // 2
        counts: dict[int, int] = {}
        for k in group:
            counts[story[k]] = counts.get(story[k], 0) + 1
        tp += sum(c * (c - 1) // 2 for c in counts.values())
    precision = tp / found if found else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    return f"P {precision:.4f} R {recall:.4f} ({true_pairs} true pairs)"


def run(n: int) -> None:
    gc.collect()
    gc.disable()
    try:
        t0 = time.process_time()
        story: dict[str, int] = {}
        items: list[Item] = []
        for key, sid, title, outlet, date in references(n):
            story[key] = sid
            items.append(make_item(key, title, outlet, date, None))
        t1 = time.process_time()
        result = find_duplicates(items)
        t2 = time.process_time()
    finally:
        gc.enable()
    print(
        f"{n:>9} refs: prepare {t1 - t0:6.2f} s, dedupe {t2 - t1:6.2f} s "
        f"({(t2 - t1) / n * 1e6:5.1f} us/ref); comparisons {result.comparisons:,} "
        f"vs all pairs {result.all_pairs:,} ({result.all_pairs / max(1, result.comparisons):,.0f}x"
        f" fewer); {len(result.clusters)} clusters, {len(result.auto_groups)} auto; "
        f"{quality(items, story, result.auto_groups)}",
        flush=True,
    )


def main() -> None:
    main_over_sizes(__doc__, "refs", 100_000, run)


if __name__ == "__main__":
    main()
