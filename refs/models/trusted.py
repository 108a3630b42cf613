"""Build frozen models from values refs made itself, skipping ``__init__`` (a frozen
dataclass sets each field through ``object.__setattr__``: about 10 us for a ``Fields``
of a hundred fields): the per-entry hot path of the parser, the run index and merging
use this.

``trusted`` takes every field; ``filled`` the fields given, the others at their
defaults (every default of these models is immutable: None, a string, a number, a
tuple, a frozen model). Tests check that the results equal their twins made by
``__init__`` and by validation."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

M = TypeVar("M")
_set = object.__setattr__


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of ``cls`` holding ``values`` (all fields, already of the right types)."""
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    return obj


def made(obj: object, values: dict[str, Any]) -> None:
    """Fill ``obj``, a new model, with ``values`` and every other field's default: a
    TypeError for an unknown field or a required one left out."""
    cls = obj.__class__
    template = _template(cls)
    unknown = values.keys() - template.keys()
    missing = [n for n, d in defaults(cls).items() if d is REQUIRED and n not in values]
    if unknown or missing:
        problems = [f"unknown field(s) {sorted(unknown)}"] if unknown else []
        problems += [f"missing field(s) {missing}"] if missing else []
        raise TypeError(f"{cls.__name__}: {'; '.join(problems)}")
    _set(obj, "__dict__", {**template, **values})


def filled(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of ``cls`` holding ``values`` (of the right types, every required field
    among them) and the default of every other field, in the model's field order: what
    ``cls(**values)`` gives."""
    return trusted(cls, {**_template(cls), **values})


REQUIRED: Any = object()  # the default of a required field: none
_DEFAULTS: dict[type, dict[str, Any]] = {}
_TEMPLATES: dict[type, dict[str, Any]] = {}


def defaults(cls: type) -> dict[str, Any]:
    """Each field of model ``cls`` in order and its default (a default factory's value
    is made once and shared: the models are frozen; ``REQUIRED`` for a required field)."""
    out = _DEFAULTS.get(cls)
    if out is None:
        out = _DEFAULTS[cls] = {f.name: _default(f) for f in dataclasses.fields(cls)}
    return out


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return REQUIRED


def _template(cls: type) -> dict[str, Any]:
    """Every field of ``cls`` at its default (None for a required one, always given)."""
    out = _TEMPLATES.get(cls)
    if out is None:
        out = _TEMPLATES[cls] = {n: None if d is REQUIRED else d for n, d in defaults(cls).items()}
    return out


def by_fields(obj: Any) -> tuple[Any, tuple[Any, ...]]:
    """A ``__reduce__`` for a slotted frozen dataclass of positional fields: its class
    called with its field values. The default sets each slot through a Python function
    and takes about twice the time to load (``refs add`` sends several for every
    citation from its workers)."""
    return obj.__class__, tuple([getattr(obj, name) for name in obj.__match_args__])
