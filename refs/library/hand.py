"""Fields set by hand (``refs edit``, ``refs merge --keep``): their stored form and how
they win over the merge of the variants. Pure; derived from the fields model, so every
field of it can be set."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from refs.models import FIELD_NAMES, Fields
from refs.models.valid import adapter as _adapter
from refs.models.valid import field_types

if TYPE_CHECKING:
    from pydantic import TypeAdapter


def adapter(name: str) -> TypeAdapter[Any]:
    """The validator of field ``name`` (its annotation in the fields model)."""
    return _adapter(field_types(Fields)[name])


def encode(name: str, value: object) -> str:
    """The stored (JSON) form of a hand-set value of field ``name``."""
    return adapter(name).dump_json(value).decode("utf-8")


def decode(name: str, text: str) -> object:
    return adapter(name).validate_json(text)


def with_hand(fields: Fields, hand: Mapping[str, str]) -> Fields:
    """``fields`` with the hand-set values (stored form) in place of the merged ones."""
    known: dict[str, Any] = {n: decode(n, t) for n, t in hand.items() if n in FIELD_NAMES}
    if not known:
        return fields
    return dataclasses.replace(fields, **known)
