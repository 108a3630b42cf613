"""Blocking by title words inside a large block: when every record shares an outlet and
a year, comparing all pairs is quadratic (16,000 records took 18 s, 32,000 took 72 s).
Each item is keyed by the pairs among its ``RARE`` rarest words (rarest within the
block) and compared only with the items that share a key, that is two of those words: a
duplicate shares its rare words, and with one of them misspelt the other two still make
a key. A key held by more than ``COMMON`` items says nothing about which items match and
is not used, so the work stays linear in the block however the titles are made.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process

from refs.dedupe.pairs import CANDIDATE, Item

BIG_BLOCK = 250_000  # item pairs from which a block is compared by words, not all pairs
RARE = 3  # the rarest words of an item, whose pairs are its keys
COMMON = 200  # a key of more items than this is not used


def _words(item: Item) -> set[str]:
    return set(item.title.split())


def _keys(words: set[str], frequency: dict[str, int]) -> list[tuple[str, ...]]:
    rare = sorted(words, key=lambda w: (frequency[w], w))[:RARE]
    if len(rare) < 2:
        return [tuple(rare)] if rare else []
    return [(a, b) if a < b else (b, a) for a, b in itertools.combinations(rare, 2)]


def compare_by_tokens(
    left: Sequence[Item],
    right: Sequence[Item],
    same: bool,
    judge: Callable[[Item, Item, float], None],
) -> int:
    """Call ``judge(a, b, score)`` for every pair of a ``left`` and a ``right`` item that
    share a rare word and score ``CANDIDATE`` or more (each pair once when ``same``, where
    ``left`` is ``right``). Returns the comparisons made."""
    frequency: dict[str, int] = defaultdict(int)
    for item in [*right] if same else [*left, *right]:
        for word in _words(item):
            frequency[word] += 1
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    right_keys = [_keys(_words(item), frequency) for item in right]
    for j, keys in enumerate(right_keys):
        for key in keys:
            postings[key].append(j)
    made = 0
    for i, a in enumerate(left):
        keys = right_keys[i] if same else _keys(_words(a), frequency)
        near = sorted(
            {
                j
                for key in keys
                if len(postings.get(key, ())) <= COMMON
                for j in postings.get(key, ())
                if not same or j > i
            }
        )
        if not near:
            continue
        made += len(near)
        hits = process.extract(
            a.sorted_title,
            [right[j].sorted_title for j in near],
            scorer=fuzz.ratio,
            score_cutoff=CANDIDATE,
            limit=None,
        )
        for _, score, k in hits:
            judge(a, right[near[k]], float(score))
    return made
