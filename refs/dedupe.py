"""Deduplication: references -> candidate clusters with scores and reasons.

Pure. Exact matches on normalised fields first (canonical outlet, date, normalised
title); then rapidfuzz inside blocks keyed by the canonical outlet and the resolved date,
each block also compared with its neighbouring day (or month), so a block boundary never
splits a duplicate. Pairs the user marked distinct are never proposed. Only pairs that
pass the conservative rule (:func:`judge`) are ``auto``; the rest are candidates for a
person to decide. The result does not depend on the order of the input.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from refs.fingerprint import is_generic_title, normalise_outlet, normalise_title, title_numbers
from refs.gazetteer import PLACES
from refs.models import LibraryReference, PartialDate
from refs.outlets import resolve

CANDIDATE = 80.0  # token-sorted title ratio from which a pair is shown as a candidate
AUTO = 90.0  # ... and from which it may merge on its own (with the other conditions)
TYPO = 80.0  # a changed word counts as a typo from this ratio (words of 5+ letters)
_PLACE_WORDS = frozenset(p.lower() for p in PLACES if " " not in p)


@dataclass(frozen=True, slots=True)
class Item:
    """The matching view of one reference (no pydantic on the hot path)."""

    key: str
    title: str  # normalised
    outlet: str  # canonical outlet, folded
    cited: str  # outlet as cited, folded
    year: int | None
    month: int | None
    day: int | None
    sorted_title: str  # words of ``title`` in sorted order


def make_item(
    key: str, title: str, outlet: str | None, issued: PartialDate | None, canonical: str | None
) -> Item:
    norm = normalise_title(title)
    canon = canonical or (resolve(outlet).name if outlet and outlet.strip() else "")
    return Item(
        key=key,
        title=norm,
        outlet=normalise_outlet(canon),
        cited=normalise_outlet(outlet),
        year=issued.year if issued else None,
        month=issued.month if issued else None,
        day=issued.day if issued else None,
        sorted_title=" ".join(sorted(norm.split())),
    )


def item_of(ref: LibraryReference) -> Item:
    return make_item(ref.key, ref.title, ref.outlet, ref.issued, ref.outlet_canonical)


@dataclass(frozen=True, slots=True)
class Pair:
    a: str  # the smaller key
    b: str
    score: float  # 0..1
    auto: bool  # passes the conservative rule: merged without asking
    reasons: tuple[str, ...]


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


# ---------------------------------------------------------------- judging one pair


def date_relation(a: Item, b: Item) -> str:
    """``same``, ``contained`` (one date is less precise and holds the other),
    ``next-day``, ``next-month`` or ``apart``."""
    da, db = (a.year, a.month, a.day), (b.year, b.month, b.day)
    if da == db:
        return "same"
    if a.year != b.year and a.year is not None and b.year is not None:
        return "next-month" if _next_month(a, b) else "apart"
    if all(x is None or y is None or x == y for x, y in zip(da, db, strict=True)):
        return "contained"
    if a.day is not None and b.day is not None and _ordinal(a) and _ordinal(b):
        return "next-day" if abs(_ordinal(a) - _ordinal(b)) == 1 else "apart"
    if a.day is None and b.day is None and _next_month(a, b):
        return "next-month"
    return "apart"


def _ordinal(item: Item) -> int:
    if item.year is None or item.month is None or item.day is None:
        return 0
    try:
        return dt.date(item.year, item.month, item.day).toordinal()
    except ValueError:
        return 0


def _month_index(item: Item) -> int | None:
    if item.year is None or item.month is None:
        return None
    return item.year * 12 + item.month - 1


def _next_month(a: Item, b: Item) -> bool:
    ma, mb = _month_index(a), _month_index(b)
    return ma is not None and mb is not None and abs(ma - mb) == 1 and a.day is b.day is None


def word_changes(a: str, b: str) -> tuple[list[str], list[str]]:
    """Words of ``a`` missing from ``b`` and the other way round (with multiplicity)."""
    ca, cb = Counter(a.split()), Counter(b.split())
    return sorted((ca - cb).elements()), sorted((cb - ca).elements())


def only_typos(only_a: list[str], only_b: list[str]) -> bool:
    """True when the words that differ are misspellings of each other (or spacing)."""
    if not only_a and not only_b:
        return True
    if "".join(only_a) == "".join(only_b):
        return True  # "anti missile" / "antimissile"
    if len(only_a) != len(only_b):
        return False
    left = list(only_b)
    for word in only_a:
        best = max(left, key=lambda w: (fuzz.ratio(word, w), w))
        if min(len(word), len(best)) < 5 or fuzz.ratio(word, best) < TYPO:
            return False
        if word in _PLACE_WORDS and best in _PLACE_WORDS:
            return False  # Austria / Australia: two places, not a misspelling
        left.remove(best)
    return True


def judge(a: Item, b: Item, title_score: float | None = None) -> Pair:
    """Score one pair and say why; ``auto`` only for the conservative rule:
    same canonical outlet, compatible dates (the same date for a generic title),
    the same numbers, only misspelt words differing, and a title score of ``AUTO``."""
    if b.key < a.key:
        a, b = b, a
    if title_score is None:
        title_score = fuzz.ratio(a.sorted_title, b.sorted_title)
    reasons: list[str] = []
    score = title_score / 100.0
    if a.title == b.title:
        reasons.append("same normalised title")
    else:
        reasons.append(f"title similarity {title_score:.0f}")
    if a.outlet != b.outlet:
        reasons.append("different outlets")
        score -= 0.3
    elif a.cited != b.cited:
        reasons.append(f"outlet alias ({a.outlet})")
    relation = date_relation(a, b)
    reasons.append({"same": "same date"}.get(relation, f"date {relation}"))
    if relation in ("next-day", "next-month", "contained"):
        score -= 0.02
    elif relation == "apart":
        score -= 0.3
    generic = is_generic_title(a.title) or is_generic_title(b.title)
    if generic:
        reasons.append("generic title")
    numbers_ok = title_numbers(a.title) == title_numbers(b.title)
    if not numbers_ok:
        reasons.append("numbers differ")
        score -= 0.2
    only_a, only_b = word_changes(a.title, b.title)
    typos = only_typos(only_a, only_b)
    if only_a or only_b:
        kind = "misspelt words" if typos else "different words"
        reasons.append(f"{kind}: {' '.join(only_a) or '-'} / {' '.join(only_b) or '-'}")
        if not typos:
            score -= 0.1
    auto = (
        a.outlet == b.outlet
        and title_score >= AUTO
        and numbers_ok
        and typos
        and (relation == "same" or (relation in ("next-day", "contained") and not generic))
    )
    return Pair(a.key, b.key, round(max(0.0, min(1.0, score)), 3), auto, tuple(reasons))


# ---------------------------------------------------------------- blocking


def _block_of(item: Item) -> tuple[object, ...]:
    if item.year is None:
        return ("u", item.outlet, item.month, item.day)
    if item.month is None:
        return ("y", item.outlet, item.year)
    if item.day is None or not _ordinal(item):
        return ("m", item.outlet, item.year, item.month)
    return ("d", item.outlet, _ordinal(item))


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

    # 1. exact matches on normalised fields
    exact: dict[tuple[object, ...], list[Item]] = defaultdict(list)
    for it in ordered:
        exact[(it.outlet, it.year, it.month, it.day, it.title)].append(it)
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
        comparisons += _compare(members, members, True, wanted, pairs)
        for near in _neighbour_blocks(block, by_outlet_year):
            if near in blocks:
                comparisons += _compare(members, blocks[near], False, wanted, pairs)

    n = len(ordered)
    return DedupeResult(
        clusters=_clusters(pairs),
        auto_groups=auto_groups(pairs, blocked),
        comparisons=comparisons,
        all_pairs=n * (n - 1) // 2,
    )


def _compare(
    left: Sequence[Item],
    right: Sequence[Item],
    same: bool,
    wanted: Callable[[Item, Item], bool],
    out: list[Pair],
) -> int:
    """Compare every item of ``left`` with ``right`` (each pair once when ``same``)."""
    choices = [it.sorted_title for it in right]
    made = 0
    for i, a in enumerate(left):
        if same:
            if i + 1 >= len(right):
                break
            hits = process.extract(
                a.sorted_title,
                choices[i + 1 :],
                scorer=fuzz.ratio,
                score_cutoff=CANDIDATE,
                limit=None,
            )
            made += len(right) - i - 1
            offset = i + 1
        else:
            hits = process.extract(
                a.sorted_title, choices, scorer=fuzz.ratio, score_cutoff=CANDIDATE, limit=None
            )
            made += len(right)
            offset = 0
        for _, score, j in hits:
            b = right[j + offset]
            if wanted(a, b):
                out.append(judge(a, b, float(score)))
    return made


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
