"""A model as plain JSON values: what pydantic's ``dump_python(mode="json")`` gives
(nested models as dicts in field order, tuples as lists, enums as their values), written
out so that the commands that only write JSON load no pydantic. Tests hold it to
pydantic's dump, which the library's content digests were first made with."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from enum import Enum
from typing import Any

from refs.models.trusted import REQUIRED, defaults


def dumped(
    obj: Any, *, exclude_defaults: bool = False, include: Collection[str] | None = None
) -> Any:
    """``obj`` (a model, or a value a model holds) as JSON values; ``exclude_defaults``
    leaves out, at every depth, each field equal to its default; ``include`` keeps only
    the named fields of ``obj`` itself."""
    if isinstance(obj, (tuple, list)):
        return [dumped(v, exclude_defaults=exclude_defaults) for v in obj]
    if isinstance(obj, Enum):
        return obj.value
    if not dataclasses.is_dataclass(obj):
        return obj
    out: dict[str, Any] = {}
    values = obj.__dict__
    for name, default in defaults(type(obj)).items():
        if include is not None and name not in include:
            continue
        value = values[name]
        if exclude_defaults and default is not REQUIRED and value == default:
            continue
        out[name] = dumped(value, exclude_defaults=exclude_defaults)
    return out
