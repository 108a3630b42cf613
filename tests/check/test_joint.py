"""The article-level decision (refs.check.joint) on hand-made pair evidence: own links
near the best, the source in force carried within a paragraph unless a date says no,
an unused source placed only on strong evidence; and the outlet's short forms."""

from __future__ import annotations

from refs.check.joint import decide
from refs.check.link import Pair
from refs.check.outlet_forms import outlet_forms
from refs.models import Reference

KEYS = ["r0", "r1"]


def _pair(claim: int, ref: int, value: float = 0.0, *, agrees: bool = True,
          date_only: bool = False, anchored: bool | None = None) -> Pair:  # fmt: skip
    strong = value >= 0.4 if anchored is None else anchored
    return Pair(claim, ref, value, strong, (f"evidence {claim}/{ref}",), date_only, agrees)


def _links(rows: list[list[Pair]], paragraph: list[int], dated: list[bool]) -> set[tuple[str, str]]:
    ids = [f"c{n}" for n in range(len(rows))]
    return {(lk.claim_id, lk.key) for lk in decide(ids, KEYS, rows, paragraph, dated)}


def test_a_claim_keeps_its_best_sources() -> None:
    """r1 is near c0 but far below c0's best; it supports c1."""
    rows = [[_pair(0, 0, 0.9), _pair(0, 1, 0.6)], [_pair(1, 0), _pair(1, 1, 0.8)]]
    assert _links(rows, [0, 1], [True, True]) == {("c0", "r0"), ("c1", "r1")}


def test_date_alone_gives_way_to_more_evidence() -> None:
    rows = [
        [_pair(0, 0, 0.65), _pair(0, 1, 0.6, date_only=True)],
        [_pair(1, 0), _pair(1, 1, 0.8)],
    ]
    assert _links(rows, [0, 1], [True, True]) == {("c0", "r0"), ("c1", "r1")}
    rows = [[_pair(0, 0, 0.6, date_only=True), _pair(0, 1, 0.6, date_only=True)]]
    assert _links(rows, [0], [True]) == {("c0", "r0"), ("c0", "r1")}  # the reports of the day


def test_an_unused_source_comes_back_where_it_fits_best() -> None:
    """Each listed source supports something: pruned at c0 and used nowhere else, r1
    is placed where its evidence is strongest."""
    rows = [[_pair(0, 0, 0.9), _pair(0, 1, 0.6)]]
    assert _links(rows, [0], [True]) == {("c0", "r0"), ("c0", "r1")}


def test_the_source_in_force_goes_on_within_the_paragraph() -> None:
    rows = [[_pair(0, 0, 0.9), _pair(0, 1)], [_pair(1, 0, 0.1), _pair(1, 1)]]
    assert _links(rows, [0, 0], [True, False]) == {("c0", "r0"), ("c1", "r0")}
    assert _links(rows, [0, 1], [True, False]) == {("c0", "r0")}  # a new paragraph


def test_a_contradicting_date_stops_the_carry() -> None:
    rows = [[_pair(0, 0, 0.9), _pair(0, 1)], [_pair(1, 0, agrees=False), _pair(1, 1)]]
    assert _links(rows, [0, 0], [True, True]) == {("c0", "r0")}


def test_an_unused_source_is_placed_on_strong_evidence_only() -> None:
    weak = [[_pair(0, 0, 0.9), _pair(0, 1, 0.3, anchored=False)]]
    assert _links(weak, [0], [True]) == {("c0", "r0")}
    strong = [[_pair(0, 0, 0.9), _pair(0, 1)], [_pair(1, 0), _pair(1, 1, 0.45)]]
    assert _links(strong, [0, 1], [True, True]) == {("c0", "r0"), ("c1", "r1")}


def test_outlet_short_forms() -> None:
    post = Reference(key="k", raw="x", title="t", outlet="Washington Post")
    assert {"the Post", "The Post"} <= outlet_forms(post)
    press = Reference(key="k", raw="x", title="t", outlet="Associated Press")
    assert "the Press" not in outlet_forms(press)
