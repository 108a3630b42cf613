"""Merging duplicates: the fields of one library record from every variant cited.

Pure. Each citation keeps the variant it was cited as, so nothing is lost; the record
shows, field by field, the most complete value, chosen by a rule that does not depend on
the order the variants arrived in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from refs.models import PartialDate

T = TypeVar("T")

DEFAULT_TYPE = "article-newspaper"


@dataclass(frozen=True, slots=True)
class Variant:
    """The fields of a reference as one citation (or import) gave them."""

    title: str
    outlet: str | None = None
    outlet_canonical: str | None = None
    issued: PartialDate | None = None
    type: str = DEFAULT_TYPE
    publisher: str | None = None
    container_title: str | None = None


def _pick(values: Sequence[T | None], rank: Callable[[T, int], tuple[object, ...]]) -> T | None:
    """The best non-empty value: the smallest ``rank(value, count)`` (ranks end with the
    value itself, so ties go to the alphabetically first)."""
    present = [v for v in values if v is not None and v != ""]
    if not present:
        return None
    counts = Counter(present)
    if len(counts) == 1:
        return present[0]
    return min(counts, key=lambda v: rank(v, counts[v]))


def _title_rank(title: str, count: int) -> tuple[object, ...]:
    mixed_case = title != title.lower() and title != title.upper()
    damaged = "''" in title or title.endswith("'")
    return (damaged, not mixed_case, -count, -len(title), title)


def _text_rank(text: str, count: int) -> tuple[object, ...]:
    return (-count, -len(text), text)


def _date_rank(date: PartialDate, count: int) -> tuple[object, ...]:
    precision = sum(p is not None for p in (date.year, date.month, date.day))
    return (-precision, date.year_inferred, -count, date.iso())


def _type_rank(csl_type: str, count: int) -> tuple[object, ...]:
    return (csl_type == DEFAULT_TYPE, -count, csl_type)


def merge_variants(variants: Sequence[Variant]) -> Variant:
    """The most complete value of every field over ``variants`` (at least one)."""
    if not variants:
        raise ValueError("merge_variants needs at least one variant")
    first = variants[0]
    if all(v == first for v in variants):
        return first
    title = _pick([v.title for v in variants], _title_rank) or variants[0].title
    return Variant(
        title=title,
        outlet=_pick([v.outlet for v in variants], _text_rank),
        outlet_canonical=_pick([v.outlet_canonical for v in variants], _text_rank),
        issued=_pick([v.issued for v in variants], _date_rank),
        type=_pick([v.type for v in variants], _type_rank) or DEFAULT_TYPE,
        publisher=_pick([v.publisher for v in variants], _text_rank),
        container_title=_pick([v.container_title for v in variants], _text_rank),
    )
