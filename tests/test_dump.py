"""A model as JSON values: pydantic's dump, which the library's digests were made with."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from refs.models import Fields, Name, PartialDate, fields_digest
from refs.models.dump import dumped
from refs.models.valid import adapter
from refs.pipeline import parse_paths
from tests.formats.test_full_items import every_variable
from tests.helpers import SEEDS

FULL = Fields(
    title="Talks stall",
    outlet="AP",
    issued=PartialDate(
        year=2000, month=10, day=24, year_inferred=True, end=PartialDate(year=2000, month=11)
    ),
    author=(Name(family="Smith", given="J."), Name(literal="Reuters")),
    page="12-14",
    extra_fields=(("owner", "x"),),
)


def _pydantics(obj: Any, **options: Any) -> Any:
    cls: Any = type(obj)
    return adapter(cls).dump_python(obj, mode="json", **options)


def test_digests_are_those_of_the_pydantic_models() -> None:
    # made by refs 0.1's pydantic models: a library's stored digests stay valid
    assert fields_digest(FULL) == "760383a93f6edf483a1486ff4e6af2c5"
    assert fields_digest(Fields(title="")) == "b3d048a13e9ce1c199cf4e101e0b3d58"


def test_dumps_are_pydantics() -> None:
    items: list[Any] = [FULL, every_variable(), Fields(title="")]
    items += [r for a in parse_paths([SEEDS]).articles for r in (a.article, *a.references)]
    for item in items:
        assert dumped(item) == _pydantics(item)
        assert dumped(item, exclude_defaults=True) == _pydantics(item, exclude_defaults=True)


@given(
    st.none() | st.integers(1, 3000),
    st.none() | st.integers(1, 12),
    st.booleans(),
    st.lists(st.sampled_from(["title", "outlet", "issued", "author", "page"]), unique=True),
)
def test_included_fields_are_pydantics(
    year: int | None, month: int | None, circa: bool, names: list[str]
) -> None:
    fields = Fields(title="T", issued=PartialDate(year=year, month=month, circa=circa))
    got = dumped(fields, include=names, exclude_defaults=True)
    assert got == _pydantics(fields, include=set(names), exclude_defaults=True)
