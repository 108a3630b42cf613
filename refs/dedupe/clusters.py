"""Deduplication: references -> candidate clusters with scores and reasons.

Pure. Exact matches on normalised fields first (canonical outlet, date, normalised
title); then rapidfuzz inside blocks keyed by the canonical outlet and the resolved date,
each block also compared with its neighbouring day (or month), so a block boundary never
splits a duplicate; inside a large block (every record of one outlet and year) only
items that share one of their rarest title words are compared (refs.dedupe.tokens).
Pairs the user marked distinct are never proposed. Only pairs that
pass the conservative rule (refs.dedupe.pairs.judge) are ``auto``; the rest are candidates
for a person to decide. The result does not depend on the order of the input.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from refs.dedupe.pairs import (
    CANDIDATE,
    Item,
    Pair,
    authors_differ,
    day_number,
    exact_form,
    item_of,
    judge,
    make_item,
)
from refs.dedupe.tokens import BIG_BLOCK, compare_by_tokens

__all__ = ["Cluster", "DedupeResult", "Item", "Pair", "find_duplicates", "item_of", "make_item"]


@dataclass(frozen=True, slots=True)
class Cluster:
    keys: tuple[str, ...]  # sorted
    pairs: tuple[Pair, ...]  # sorted by (-score, a, b)

    @property
    def auto(self) -> bool:
        """True when the auto pairs alone join every member."""
        return len(_components(self.keys, [p for p in self.pairs if p.auto])) == 1


@dataclass(frozen=True, slots=True)
class DedupeResult:
    clusters: tuple[Cluster, ...]  # candidate clusters, sorted by first key
    auto_groups: tuple[tuple[str, ...], ...]  # what the conservative rule merges
    comparisons: int  # title comparisons made
    all_pairs: int  # what comparing every pair would have cost


def pair_id(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


# ---------------------------------------------------------------- blocking


def _block_of(item: Item) -> tuple[object, ...]:
    if item.year is None:
        return ("u", item.outlet, item.month, item.day)
    if item.month is None:
        return ("y", item.outlet, item.year)
    if item.day is None or not day_number(item):
        return ("m", item.outlet, item.year, item.month)
    return ("d", item.outlet, day_number(item))


def _neighbour_blocks(
    block: tuple[object, ...], by_outlet_year: dict[tuple[str, int], list[tuple[object, ...]]]
) -> list[tuple[object, ...]]:
    """Blocks to compare ``block`` with, besides itself (each unordered pair once)."""
    kind, outlet = block[0], str(block[1])
    if kind == "d":
        return [("d", outlet, int(str(block[2])) + 1)]
    if kind == "m":
        year, month = int(str(block[2])), int(str(block[3]))
        nxt = (year + month // 12, month % 12 + 1)
        days = [
            b
            for b in by_outlet_year.get((outlet, year), [])
            if b[0] == "d" and dt.date.fromordinal(int(str(b[2]))).month == month
        ]
        return [("m", outlet, *nxt), *days]
    if kind == "y":
        return [b for b in by_outlet_year.get((outlet, int(str(block[2]))), []) if b[0] != "y"]
    if kind == "u" and block[3] is not None:
        return [("u", outlet, block[2], int(str(block[3])) + 1)]
    return []


def _year_of_block(block: tuple[object, ...]) -> int | None:
    if block[0] == "d":
        return dt.date.fromordinal(int(str(block[2]))).year
    if block[0] in ("m", "y"):
        return int(str(block[2]))
    return None


# ---------------------------------------------------------------- the whole run


def find_duplicates(
    items: Iterable[Item],
    distinct: Collection[tuple[str, str]] = (),
    focus: Collection[str] | None = None,
) -> DedupeResult:
    """Candidate clusters among ``items`` (keys must be unique).

    ``distinct`` holds key pairs (smaller first) never to propose; ``focus``, when given,
    limits the work to pairs with at least one key in it (new items against a library).
    """
    ordered = sorted(items, key=lambda it: it.key)
    blocked = set(distinct)
    pairs: list[Pair] = []
    comparisons = 0

    def wanted(a: Item, b: Item) -> bool:
        if focus is not None and a.key not in focus and b.key not in focus:
            return False
        return pair_id(a.key, b.key) not in blocked

    # 1. exact matches on normalised fields (an item naming no author is matched with one
    # that does by the fuzzy step, which compares authors where both have them)
    exact: dict[tuple[object, ...], list[Item]] = defaultdict(list)
    for it in ordered:
        exact[exact_form(it)].append(it)
    reps: list[Item] = []
    for group in exact.values():
        reps.append(group[0])
        for other in group[1:]:
            if wanted(group[0], other):
                comparisons += 1
                pairs.append(
                    Pair(group[0].key, other.key, 1.0, True, ("exact match on normalised fields",))
                )

    # 2. fuzzy matching inside blocks and against neighbouring blocks
    blocks: dict[tuple[object, ...], list[Item]] = defaultdict(list)
    for it in reps:
        blocks[_block_of(it)].append(it)
    by_outlet_year: dict[tuple[str, int], list[tuple[object, ...]]] = defaultdict(list)
    for block in blocks:
        year = _year_of_block(block)
        if year is not None:
            by_outlet_year[(str(block[1]), year)].append(block)
    for block in sorted(blocks, key=repr):
        members = blocks[block]
        comparisons += _compare(members, members, True, wanted, pairs, focus)
        for near in _neighbour_blocks(block, by_outlet_year):
            if near in blocks:
                comparisons += _compare(members, blocks[near], False, wanted, pairs, focus)

    comparisons += _year_apart(reps, wanted, pairs)
    n = len(ordered)
    return DedupeResult(
        clusters=_clusters(pairs),
        auto_groups=auto_groups(pairs, blocked),
        comparisons=comparisons,
        all_pairs=n * (n - 1) // 2,
    )


def _year_apart(
    items: Sequence[Item], wanted: Callable[[Item, Item], bool], out: list[Pair]
) -> int:
    """Candidates (never merged on their own) that are the same but for a year one apart:
    a year inferred on either side of an issue's edge. Returns the comparisons made."""
    groups: dict[tuple[object, ...], list[Item]] = defaultdict(list)
    for it in items:
        if it.year is not None and it.month is not None:
            groups[(it.outlet, it.month, it.day, it.title)].append(it)
    made = 0
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                apart = abs((a.year or 0) - (b.year or 0)) == 1
                if apart and not authors_differ(a, b) and wanted(a, b):
                    made += 1
                    x, y = pair_id(a.key, b.key)
                    reason = "the same but for the year, one apart (inferred at an issue's edge?)"
                    out.append(Pair(x, y, 0.95, False, (reason,)))
    return made


def _compare(
    left: Sequence[Item],
    right: Sequence[Item],
    same: bool,
    wanted: Callable[[Item, Item], bool],
    out: list[Pair],
    focus: Collection[str] | None = None,
) -> int:
    """Compare every item of ``left`` with ``right`` (each pair once when ``same``); with
    ``focus``, an item outside it is compared with the focus items of ``right`` only. A
    large block compares only the items that share a rare title word (refs.dedupe.tokens)."""
    if len(left) * len(right) > BIG_BLOCK:
        return compare_by_tokens(left, right, same, lambda a, b, s: _judged(a, b, s, wanted, out))
    choices = [it.sorted_title for it in right]
    focused = None if focus is None else [j for j, it in enumerate(right) if it.key in focus]
    made = 0
    for i, a in enumerate(left):
        start = i + 1 if same else 0
        if start >= len(right):
            break
        at: list[int] | None = None  # the places of right compared (None: from start on)
        if focus is not None and focused is not None and a.key not in focus:
            at = [j for j in focused if j >= start]
            titles = [choices[j] for j in at]
        else:
            titles = choices[start:]
        if not titles:
            continue
        made += len(titles)
        hits = process.extract(
            a.sorted_title, titles, scorer=fuzz.ratio, score_cutoff=CANDIDATE, limit=None
        )
        for _, score, k in hits:
            _judged(a, right[at[k] if at is not None else start + k], float(score), wanted, out)
    return made


def _judged(
    a: Item, b: Item, score: float, wanted: Callable[[Item, Item], bool], out: list[Pair]
) -> None:
    if wanted(a, b):
        pair = judge(a, b, score)
        if pair.candidate:
            out.append(pair)


def _components(keys: Iterable[str], pairs: Iterable[Pair]) -> list[list[str]]:
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for p in pairs:
        ra, rb = find(p.a), find(p.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in parent:
        groups[find(k)].append(k)
    return sorted(sorted(g) for g in groups.values())


def _clusters(pairs: list[Pair]) -> tuple[Cluster, ...]:
    keys = {k for p in pairs for k in (p.a, p.b)}
    by_root: dict[str, list[Pair]] = defaultdict(list)
    comps = _components(keys, pairs)
    root = {k: comp[0] for comp in comps for k in comp}
    for p in pairs:
        by_root[root[p.a]].append(p)
    return tuple(
        Cluster(tuple(comp), tuple(sorted(by_root[comp[0]], key=lambda p: (-p.score, p.a, p.b))))
        for comp in comps
        if len(comp) > 1
    )


def auto_groups(
    pairs: Iterable[Pair], distinct: Collection[tuple[str, str]] = ()
) -> tuple[tuple[str, ...], ...]:
    """Groups the conservative rule merges: auto pairs joined best first, never joining
    two groups that hold a pair marked distinct."""
    blocked = set(distinct)
    members: dict[str, set[str]] = {}
    for p in sorted((p for p in pairs if p.auto), key=lambda p: (-p.score, p.a, p.b)):
        ga = members.setdefault(p.a, {p.a})
        gb = members.setdefault(p.b, {p.b})
        if ga is gb or any(pair_id(x, y) in blocked for x in ga for y in gb):
            continue
        ga |= gb
        for k in gb:
            members[k] = ga
    unique = {id(g): g for g in members.values()}
    return tuple(sorted(tuple(sorted(g)) for g in unique.values() if len(g) > 1))
