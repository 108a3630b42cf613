"""The run index gives the keys that the in-memory key assignment gives."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from refs.dedupe.identity import group_keys, variant_identity
from refs.library.run_index import RunIndex
from refs.library.run_index import cited as cite
from refs.models import Fields, PartialDate

TITLES = ["Korea talks stall", "KOREA TALKS STALL", "Korea: talks stall", "Kim visits Seoul"]
OUTLETS = [("Reuters", "Reuters"), ("AP", "Associated Press"), (None, None)]
DATES = [None, PartialDate(year=2000, month=10, day=5), PartialDate(month=10, day=5)]

variant = st.builds(
    lambda t, o, d: Fields(
        title=TITLES[t], outlet=OUTLETS[o][0], outlet_canonical=OUTLETS[o][1], issued=DATES[d]
    ),
    st.integers(0, len(TITLES) - 1),
    st.integers(0, len(OUTLETS) - 1),
    st.integers(0, len(DATES) - 1),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(variant, min_size=1, max_size=4), min_size=1, max_size=5))
def test_run_index_keys_equal_group_keys(articles: list[list[Fields]]) -> None:
    groups: dict[object, list[Fields]] = {}
    for cited in articles:
        for v in cited:
            groups.setdefault(variant_identity(v), []).append(v)
    expected = dict(zip(groups, group_keys(list(groups.values())), strict=True))
    with RunIndex() as index:
        for number, cited in enumerate(articles):
            rows = []
            for slot, v in enumerate(cited):
                ident = variant_identity(v)
                digest = hashlib.blake2b(repr(ident).encode(), digest_size=16).digest()
                d = v.issued
                parts = (
                    (d.year, d.month, d.day, d.year_inferred) if d else (None, None, None, False)
                )
                made = cite(slot, digest, (v.title, v.outlet, v.outlet_canonical, *parts))
                rows.append((number, *made))
            index.add(rows)
        index.give_keys()
        for number, cited in enumerate(articles):
            keys = index.keys_of(number)
            assert [keys[s] for s in range(len(cited))] == [
                expected[variant_identity(v)] for v in cited
            ]
