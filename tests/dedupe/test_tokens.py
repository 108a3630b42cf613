"""Blocking by rare title words inside a large block: misspelt and re-cased duplicates
are still found, distinct titles are not compared with everything, and the result is the
all-pairs result on such data."""

from __future__ import annotations

import random

import pytest

from refs.dedupe import clusters, tokens
from refs.dedupe.clusters import Item, find_duplicates, make_item
from refs.models import PartialDate

YEAR = PartialDate(year=2000)
WORDS = ["".join(random.Random(i).choices("bcdfghklmnprstvz", k=4)) + "o" for i in range(3000)]


def _items(n: int) -> tuple[list[Item], set[frozenset[str]]]:
    rng = random.Random(5)
    items: list[Item] = []
    dupes: set[frozenset[str]] = set()
    for i in range(n):
        title = " ".join(rng.choice(WORDS) for _ in range(6))
        items.append(make_item(f"k{i:05d}", title.capitalize(), "Reuters", YEAR, None))
        if i % 25 == 0:  # a misspelt copy: two letters swapped in one word
            words = title.split()
            w = words[2]
            words[2] = w[0] + w[2] + w[1] + w[3:]
            items.append(make_item(f"t{i:05d}", " ".join(words), "Reuters", YEAR, None))
            dupes.add(frozenset((f"k{i:05d}", f"t{i:05d}")))
    return items, dupes


def test_a_large_block_finds_the_misspelt_copies() -> None:
    items, dupes = _items(1500)  # one outlet and year: over BIG_BLOCK pairs
    assert len(items) ** 2 > tokens.BIG_BLOCK
    result = find_duplicates(items)
    found = {frozenset(p) for c in result.clusters for p in [(x.a, x.b) for x in c.pairs]}
    assert dupes <= found
    assert result.comparisons < result.all_pairs / 100


def test_blocking_by_words_gives_the_all_pairs_result(monkeypatch: pytest.MonkeyPatch) -> None:
    items, _ = _items(700)
    by_words = find_duplicates(items)
    monkeypatch.setattr(clusters, "BIG_BLOCK", 10**12)
    all_pairs = find_duplicates(items)
    assert by_words.clusters == all_pairs.clusters
    assert by_words.comparisons < all_pairs.comparisons
