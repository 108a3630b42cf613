"""Merging duplicates: the fields of one library record from every variant cited.

Pure. Each citation keeps the variant it was cited as, so nothing is lost; the record
shows, field by field, the most complete value, chosen by a rule that does not depend on
the order the variants arrived in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from refs.models import DATE_FIELDS, FIELD_NAMES, NAME_FIELDS, Fields, PartialDate, fields_of
from refs.models.trusted import filled

T = TypeVar("T")

DEFAULT_TYPE = "article-newspaper"


def _pick(values: Sequence[T | None], rank: Callable[[T, int], tuple[object, ...]]) -> T | None:
    """The best non-empty value: the smallest ``rank(value, count)`` (ranks end with the
    value itself, so ties go to the alphabetically first)."""
    present = [v for v in values if v is not None and v != "" and v != ()]
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


def _list_rank(values: tuple[Any, ...], count: int) -> tuple[object, ...]:
    """Names and extra fields: the longer list, then the more cited, then by content (the
    repr, every field in order: ``Frozen.__repr__``)."""
    return (-len(values), -count, repr(values))


# How each field's best value is chosen; a field not named here is text.
_RANKS: dict[str, Callable[[Any, int], tuple[object, ...]]] = {
    "title": _title_rank,
    "type": _type_rank,
    "extra_fields": _list_rank,
    **{name: _date_rank for name in DATE_FIELDS},
    **{name: _list_rank for name in NAME_FIELDS},
}


def merge_variants(variants: Sequence[Fields]) -> Fields:
    """The most complete value of every field over ``variants`` (at least one)."""
    if not variants:
        raise ValueError("merge_variants needs at least one variant")
    first = fields_of(variants[0])
    if all(fields_of(v) == first for v in variants[1:]):
        return first
    merged: dict[str, Any] = {}
    for name in FIELD_NAMES:
        rank = _RANKS.get(name, _text_rank)
        picked = _pick([getattr(v, name) for v in variants], rank)
        if picked is not None:  # else the field's default (an empty name list...)
            merged[name] = picked
    merged["title"] = merged.get("title") or first.title
    return filled(Fields, merged)
