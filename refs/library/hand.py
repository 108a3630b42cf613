"""Fields set by hand (``refs edit``, ``refs merge --keep``): their stored form and how
they win over the merge of the variants. Pure; derived from the fields model, so every
field of it can be set."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from refs.models import FIELD_NAMES, Fields


@cache
def adapter(name: str) -> TypeAdapter[Any]:
    """The validator of field ``name`` (its annotation in the fields model)."""
    annotation: Any = Fields.model_fields[name].annotation
    return TypeAdapter(annotation)


def encode(name: str, value: object) -> str:
    """The stored (JSON) form of a hand-set value of field ``name``."""
    return adapter(name).dump_json(value).decode("utf-8")


def decode(name: str, text: str) -> object:
    return adapter(name).validate_json(text)


def with_hand(fields: Fields, hand: Mapping[str, str]) -> Fields:
    """``fields`` with the hand-set values (stored form) in place of the merged ones."""
    known = {n: decode(n, t) for n, t in hand.items() if n in FIELD_NAMES}
    if not known:
        return fields
    return fields.model_copy(update=known)
