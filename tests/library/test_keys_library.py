"""Library keys: readable, lowercase ASCII, order-independent inside a batch, never
reassigned."""

from __future__ import annotations

import random
import tracemalloc

from hypothesis import given
from hypothesis import strategies as st

from refs.keys import KeyRequest, base_key, is_valid_key, keys_in_order, library_keys, suffix
from refs.models import PartialDate

Y2000 = PartialDate(year=2000, month=7, day=19)


def test_readable_base_keys() -> None:
    assert base_key("Reuters", Y2000, "Putin says North Korea offers") == "reuters2000putin"
    assert base_key("AP", Y2000, "Transcript - Albright remarks") == "ap2000albright"
    assert base_key("Reuter News Reports", None, "The talks") == "reutersndtalks"
    assert base_key(None, Y2000, "") == "anon2000untitled"


@given(st.text(max_size=40), st.text(max_size=40) | st.none(), st.integers(1, 2100) | st.none())
def test_keys_are_lowercase_ascii(title: str, outlet: str | None, year: int | None) -> None:
    issued = PartialDate(year=year) if year is not None else None
    (key,) = library_keys([KeyRequest(base_key(outlet, issued, title), title)])
    assert is_valid_key(key), key


def test_suffixes() -> None:
    assert [suffix(n) for n in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]


@given(
    st.lists(st.tuples(st.sampled_from(["ap2000kim", "ap2000korea"]), st.text(max_size=5))),
    st.randoms(use_true_random=False),
)
def test_batch_keys_do_not_depend_on_order(reqs: list[tuple[str, str]], rnd: random.Random) -> None:
    requests = [KeyRequest(b, i) for b, i in reqs]
    shuffled = list(requests)
    rnd.shuffle(shuffled)
    keyed = sorted(zip(requests, library_keys(requests), strict=True), key=repr)
    keyed_shuffled = sorted(zip(shuffled, library_keys(shuffled), strict=True), key=repr)
    assert [k for _, k in keyed] == [k for _, k in keyed_shuffled]
    assert len(set(library_keys(requests))) == len(requests)


def test_given_keys_are_never_reassigned() -> None:
    taken = {"ap2000korea", "ap2000koreaa"}
    new = library_keys([KeyRequest("ap2000korea", "x"), KeyRequest("ap2000kim", "y")], taken)
    assert new == ["ap2000koreab", "ap2000kim"]


def test_keys_in_order_holds_bounded_memory_over_distinct_bases() -> None:
    # every base left behind was remembered with its next position, though no base comes
    # twice in order: 200,000 distinct bases held some 20 MB
    tracemalloc.start()
    try:
        for n, key in enumerate(keys_in_order(f"b{i:07d}" for i in range(200_000))):
            assert key == f"b{n:07d}"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12_000_000, peak
    start: dict[str, int] = {}  # a caller's starts still get every base's next position
    given = list(keys_in_order(["a", "a", "b", "c", "d"], start=start, keep=0))
    assert given == ["a", "aa", "b", "c", "d"] and start == {"a": 1, "b": 0, "c": 0}


@given(
    st.lists(st.sampled_from(["ap2000k", "ap2000ka", "ap2000kab", "ap2000kb", "afp2000k"])),
    st.sets(st.sampled_from(["ap2000k", "ap2000kaa", "ap2000kb", "x"])),
)
def test_keys_in_order_forgets_nothing_it_needs(bases: list[str], taken: set[str]) -> None:
    # the streamed key assignment (which forgets keys below the current base) gives the
    # keys of library_keys, even when it forgets as often as it can
    ordered = sorted(bases)
    requests = [KeyRequest(b, f"{i:06d}") for i, b in enumerate(ordered)]
    assert list(keys_in_order(ordered, taken, keep=0)) == library_keys(requests, taken)
