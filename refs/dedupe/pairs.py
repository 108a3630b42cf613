"""Judging one pair of references: the matching view of a reference (:class:`Item`),
how two dates relate, which words differ, and the conservative rule that lets a pair
merge on its own. Pure; used by refs.dedupe.clusters."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from refs.dedupe.title_forms import (
    author_form,
    is_generic_title,
    normalise_outlet,
    normalise_title,
    title_numbers,
)
from refs.lexicon import PLACES
from refs.models import LibraryReference, Name, PartialDate
from refs.models.trusted import by_fields
from refs.outlets import resolve

CANDIDATE = 80.0  # token-sorted title ratio from which a pair is shown as a candidate
AUTO = 90.0  # ... and from which it may merge on its own (with the other conditions)
TYPO = 80.0  # a changed word counts as a typo from this ratio (words of 5+ letters)
_PLACE_WORDS = frozenset(p.lower() for p in PLACES if " " not in p)


@dataclass(frozen=True, slots=True)
class Item:
    """The matching view of one reference: the values compared (slotted: one is made
    for every record read)."""

    key: str
    title: str  # normalised
    outlet: str  # canonical outlet, folded
    cited: str  # outlet as cited, folded
    year: int | None
    month: int | None
    day: int | None
    sorted_title: str  # words of ``title`` in sorted order
    authors: str = ""  # refs.dedupe.title_forms.author_form: "" where none is named

    __reduce__ = by_fields


def make_item(
    key: str,
    title: str,
    outlet: str | None,
    issued: PartialDate | None,
    canonical: str | None,
    author: Sequence[Name] = (),
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
        authors=author_form(author),
    )


def exact_form(item: Item) -> tuple[object, ...]:
    """What two items share when they are one on normalised fields (no fuzzy rule)."""
    return (item.outlet, item.year, item.month, item.day, item.title, item.authors)


def item_of(ref: LibraryReference) -> Item:
    return make_item(ref.key, ref.title, ref.outlet, ref.issued, ref.outlet_canonical, ref.author)


@cache
def mergeable_lengths(length: int) -> tuple[int, int]:
    """The lengths a sorted title can have to merge with one of ``length`` characters (a
    title score of ``AUTO``): ``fuzz.ratio`` is ``100 * (1 - indel / (n + m))`` and the
    indel distance is at least ``|n - m|``, so ``|n - m| <= (1 - AUTO / 100) * (n + m)``;
    a character to spare either way for rounding. Normalised titles are single-spaced,
    so a title's length is its sorted title's."""
    share = 1 - AUTO / 100
    low = length * (1 - share) / (1 + share)
    high = length * (1 + share) / (1 - share)
    return max(0, int(low) - 1), int(high) + 2


def authors_differ(a: Item, b: Item) -> bool:
    """True when both name authors and no author of one is an author of the other."""
    if not a.authors or not b.authors:
        return False
    return set(a.authors.split("|")).isdisjoint(b.authors.split("|"))


@dataclass(frozen=True, slots=True)
class Pair:
    a: str  # the smaller key
    b: str
    score: float  # 0..1
    auto: bool  # passes the conservative rule: merged without asking
    reasons: tuple[str, ...]
    candidate: bool = True  # worth asking about (a generic title on another day is not)


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
    if a.day is not None and b.day is not None and day_number(a) and day_number(b):
        return "next-day" if abs(day_number(a) - day_number(b)) == 1 else "apart"
    if a.day is None and b.day is None and _next_month(a, b):
        return "next-month"
    return "apart"


def day_number(item: Item) -> int:
    """The date's day number (proleptic ordinal), 0 unless it is a whole valid date."""
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


def has_digit(word: str) -> bool:
    return any("0" <= ch <= "9" for ch in word)


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
        if has_digit(word):
            return False  # "shahab3" / "shahab4": a code, never a misspelling
        best = max(left, key=lambda w: (fuzz.ratio(word, w), w))
        if has_digit(best):
            return False
        if min(len(word), len(best)) < 5 or fuzz.ratio(word, best) < TYPO:
            return False
        if word in _PLACE_WORDS and best in _PLACE_WORDS:
            return False  # Austria / Australia: two places, not a misspelling
        left.remove(best)
    return True


def judge(a: Item, b: Item, title_score: float | None = None) -> Pair:
    """Score one pair and say why; ``auto`` only for the conservative rule: same
    canonical outlet, no two sets of authors apart, compatible dates (the same date for a
    generic title), the same numbers, only misspelt words differing, and a title score
    of ``AUTO``."""
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
    other_authors = authors_differ(a, b)
    if other_authors:
        reasons.append("different authors")
        score -= 0.3
    elif a.authors and a.authors == b.authors:
        reasons.append("same authors")
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
        and not other_authors
        and title_score >= AUTO
        and numbers_ok
        and typos
        and (relation == "same" or (relation in ("next-day", "contained") and not generic))
    )
    candidate = auto or not (generic and relation in ("next-day", "next-month", "apart"))
    score = round(max(0.0, min(1.0, score)), 3)
    return Pair(a.key, b.key, score, auto, tuple(reasons), candidate)
