"""Indexed lookups for new records: finding duplicates of new items among the records
of their cells gives what finding them over the whole library gives; keys and distinct
pairs are read for the given keys only."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from refs.dedupe.clusters import DedupeResult, Item, find_duplicates, make_item
from refs.dedupe.reach import reach
from refs.keys import KeyRequest, library_keys
from refs.library.connection import location
from refs.library.lookups import (
    LibraryKeys,
    distinct_pairs_among,
    items_in,
    key_starts,
    save_key_starts,
)
from refs.library.store import Library
from refs.models import Fields, PartialDate
from tests.conftest import NewLibrary

TITLES = ["Putin warns on missile talks", "Putin warns on missile talk", "Blix urges inspections"]
OUTLETS = ["Reuters", "AP", "AFP"]

dates = st.builds(
    PartialDate,
    year=st.one_of(st.none(), st.sampled_from([1999, 2000])),
    month=st.one_of(st.none(), st.sampled_from([1, 2, 12])),
    day=st.one_of(st.none(), st.sampled_from([1, 2, 28, 29, 30, 31])),
)
refs = st.tuples(st.sampled_from(TITLES), st.sampled_from(OUTLETS), st.one_of(st.none(), dates))


def stored(lib: Library, rows: Sequence[tuple[str, str, PartialDate | None]]) -> list[Item]:
    items = []
    records = []
    for n, (title, outlet, issued) in enumerate(rows):
        key = f"k{n:03d}"
        it = make_item(key, title, outlet, issued, None)
        items.append(it)
        records.append((key, Fields(title=title, outlet=outlet, issued=issued), it, None))
    with lib.transaction():
        lib.insert_records(records)
    return items


def view(result: DedupeResult) -> tuple[object, ...]:
    pairs = sorted((p.a, p.b, p.score, p.auto, p.reasons) for c in result.clusters for p in c.pairs)
    return tuple(pairs), result.auto_groups


def d(year: int | None, month: int | None = None, day: int | None = None) -> PartialDate:
    return PartialDate(year=year, month=month, day=day)


# one example per way two blocks touch: the month before and after, the day before and
# after across a month's end, a day and its month or year, an undated day and the next
EDGES = [
    (d(2000, 1), d(2000, 2)),
    (d(2000, 2), d(2000, 1)),
    (d(1999, 12), d(2000, 1)),
    (d(2000, 1, 31), d(2000, 2, 1)),
    (d(2000, 2, 1), d(2000, 1, 31)),
    (d(2000, 2), d(2000, 2, 3)),
    (d(2000, 2, 3), d(2000, 2)),
    (d(2000, 2, 30), d(2000, 2, 3)),
    (d(2000), d(2000, 2, 3)),
    (d(2000, 2, 3), d(2000)),
    (d(2000), d(2000, 5)),
    (d(None, 2, 3), d(None, 2, 4)),
    (d(None, 2, 4), d(None, 2, 3)),
]


def _at_edges(test: Callable[..., None]) -> Callable[..., None]:
    """Every edge as an example: a title one word apart (a candidate) and the same title
    (merged where the dates allow)."""
    for old, new in EDGES:
        for title in (TITLES[1], TITLES[0]):
            test = example([(TITLES[0], "AP", old)], [(title, "AP", new)])(test)
    return test


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(refs, max_size=25), st.lists(refs, min_size=1, max_size=6))
@_at_edges
def test_cells_give_what_the_whole_library_gives(
    old: list[tuple[str, str, PartialDate | None]], new: list[tuple[str, str, PartialDate | None]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "lib.db") as lib:
        library = stored(lib, old)
        fresh = [make_item(f"~{n}", t, o, d, None) for n, (t, o, d) in enumerate(new)]
        focus = {it.key for it in fresh}
        whole = find_duplicates([*library, *fresh], focus=focus)
        # with a focus: the pairs of every item, less those without a focus item
        every = find_duplicates([*library, *fresh])
        with_focus = [p for c in every.clusters for p in c.pairs if {p.a, p.b} & focus]
        assert view(whole)[0] == tuple(
            sorted((p.a, p.b, p.score, p.auto, p.reasons) for p in with_focus)
        )
        near = items_in(lib, reach(fresh))
        assert {it.key for it in near} <= {it.key for it in library}
        # the cells hold what the conservative rule can merge: its groups (the
        # candidates shown for review, a year apart or the next month, are not looked for)
        assert find_duplicates([*near, *fresh], focus=focus).auto_groups == whole.auto_groups
        # a pair is never of two outlets: an outlet at a time gives the same (as
        # refs.library.placing reads and compares a batch's records)
        groups: list[tuple[str, ...]] = []
        for outlet in sorted({it.outlet for it in fresh}):
            mine = [it for it in fresh if it.outlet == outlet]
            result = find_duplicates([*items_in(lib, reach(mine)), *mine], focus=focus)
            groups += result.auto_groups
        assert sorted(groups) == sorted(whole.auto_groups)


def test_cells_read_only_the_neighbourhood(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        far = [(TITLES[0], "AP", PartialDate(year=2000, month=m, day=5)) for m in (1, 3, 12)]
        stored(lib, far + [(t, "AP", PartialDate(year=2000, month=6, day=9)) for t in TITLES])
        probe = make_item("~0", TITLES[0], "AP", PartialDate(year=2000, month=6, day=10), None)
        near = items_in(lib, reach([probe]))
        assert [it.key for it in near] == ["k003", "k004", "k005"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["ap", "apa", "apb", "apc", "apaa", "apd", "x", "xa"]), unique=True),
    st.lists(st.lists(st.sampled_from(["ap", "x", "apa"]), max_size=5), max_size=3),
)
def test_keys_from_the_index_are_those_from_every_key(
    given_keys: list[str], rounds: list[list[str]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp) / "lib.db") as lib:
        every = set(given_keys)
        with lib.transaction():
            lib.db.executemany("INSERT INTO keys VALUES (?, 0)", [(k,) for k in given_keys])
        for n, bases in enumerate(rounds):
            requests = [KeyRequest(b, f"{n}-{i}") for i, b in enumerate(bases)]
            expected = library_keys(requests, every)
            with lib.transaction():
                starts = key_starts(lib, bases)
                got = library_keys(requests, LibraryKeys(lib), starts)
                lib.db.executemany("INSERT INTO keys VALUES (?, 0)", [(k,) for k in got])
                save_key_starts(lib, starts)
            assert got == expected
            every.update(got)


def test_taken_keys_and_distinct_pairs_for_given_keys(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        stored(lib, [(t, "AP", None) for t in TITLES])
        with lib.transaction():
            lib.db.execute("INSERT INTO keys VALUES ('ap2000putin', 1), ('ap2000putina', 2)")
            lib.db.execute("INSERT INTO keys VALUES ('ap2000blix', 3)")
            lib.set_distinct("ap2000putin", "k003", True)
            lib.set_distinct("ap2000putina", "ap2000blix", True)
        assert key_starts(lib, ["ap2000putin", "ap1999putin"]) == {
            "ap2000putin": 1,  # the base and suffix a are given: b is next
            "ap1999putin": -1,
        }
        # merged-away keys lead to their live record's key; a key without a record stays
        assert distinct_pairs_among(lib, ["k000", "k001", "k002"]) == {("k001", "k002")}
        assert distinct_pairs_among(lib, ["k000", "k002"]) == set()
        assert distinct_pairs_among(lib, ["k003", "k000"]) == {("k000", "k003")}
        assert distinct_pairs_among(lib, ["k000", "k001", "k002", "k003"]) == lib.distinct_pairs()


@pytest.mark.parametrize("month_only", [True, False])
def test_cells_leave_out_what_only_a_review_shows(
    new_library: NewLibrary, month_only: bool
) -> None:
    """The same date a year apart (a year inferred across an issue's edge) and the next
    month are candidates for review, never merged: the cells do not read them, only
    what the conservative rule can merge (the same date, a date holding the other)."""
    old = d(1999, 1) if month_only else d(1999, 1, 5)
    new = d(2000, 1) if month_only else d(2000, 1, 5)
    with Library(location(new_library("lib.db"))) as lib:
        # a year apart; the next month (a candidate) or the month (held); the year (held)
        other = d(2000, 2) if month_only else d(2000, 1)
        library = stored(lib, [(TITLES[0], "AP", date) for date in (old, other, d(2000))])
        fresh = [make_item("~0", TITLES[0], "AP", new, None)]
        whole = find_duplicates([*library, *fresh], focus={"~0"})
        assert any(not p.auto for c in whole.clusters for p in c.pairs)  # shown for review
        near = items_in(lib, reach(fresh))
        held = ["k002"] if month_only else ["k001", "k002"]
        assert [it.key for it in near] == held
        merged = find_duplicates([*near, *fresh], focus={"~0"}).auto_groups
        assert merged == whole.auto_groups == ((*held, "~0"),)
