"""Data from outside validated into the models (an imported file's items, a library's
JSON, a hand edit): pydantic, loaded only by the commands that read such data."""

from __future__ import annotations

import typing
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from pydantic import TypeAdapter

M = TypeVar("M")


def validated(cls: type[M], data: Any) -> M:
    """``data`` (plain values) as a ``cls``, checked and converted (lists to tuples,
    dicts to models); raises pydantic's ``ValidationError``."""
    return adapter(cast(Any, cls)).validate_python(data)  # type: ignore[no-any-return]


@cache
def adapter(annotation: Any) -> TypeAdapter[Any]:
    """pydantic's validator of a model or a field's annotation (built once)."""
    from pydantic import TypeAdapter

    return TypeAdapter(annotation)


@cache
def field_types(cls: Any) -> dict[str, Any]:
    """Each field of model ``cls`` and its annotation, evaluated (with ``Annotated``)."""
    return typing.get_type_hints(cls, include_extras=True)
