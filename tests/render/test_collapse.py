"""Cite collapsing: number ranges and author groups (refs.render.collapse), and both
through a whole style."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from refs.render.collapse import author_groups, number_ranges, year_suffixes
from refs.render.engine import CiteSpec, render_clusters
from refs.render.loader import Style


class FakeCite(dict[str, Any]):
    def __init__(self, number: int, **fields: Any) -> None:
        super().__init__(**fields)
        self.number = number


def _ranges(numbers: list[int], **fields: Any) -> list[str]:
    return number_ranges([(FakeCite(n, **fields), f"[{n}]") for n in numbers])


def test_runs_of_three_or_more_become_ranges() -> None:
    assert _ranges([1, 2, 3, 5, 6, 7]) == ["[1]–[3]", "[5]–[7]"]
    assert _ranges([1, 2, 4]) == ["[1]", "[2]", "[4]"]


def test_the_same_item_again_ends_a_run() -> None:
    assert _ranges([1, 2, 2, 3, 4]) == ["[1]", "[2]", "[2]–[4]"]


def test_a_cite_with_a_locator_is_not_collapsed() -> None:
    assert _ranges([1, 2, 3], locator="12") == ["[1]", "[2]", "[3]"]


@given(st.lists(st.integers(min_value=1, max_value=30), max_size=12))
def test_every_number_is_printed_or_inside_a_range(numbers: list[int]) -> None:
    out = _ranges(numbers)
    shown: list[int] = []
    for piece in out:
        first, _, last = piece.partition("–")
        lo, hi = int(first.strip("[]")), int((last or first).strip("[]"))
        shown.extend(range(lo, hi + 1))
    assert shown == numbers


def test_author_groups_keep_first_appearance_order() -> None:
    cites = [("a", "A1", "Smith"), ("b", "B", "Jones"), ("c", "A2", "Smith"), ("d", "X", None)]
    groups = author_groups(cites)
    assert [[text for _, text in g] for g in groups] == [["A1", "A2"], ["B"], ["X"]]


def test_one_dates_year_suffixes_print_once() -> None:
    group = [("Smith 2000a", "2000", "a"), ("2000b", "2000", "b"), ("2001", None, None)]
    out = year_suffixes(group, (", ", "; ", ","), ranged=False)
    assert out == "Smith 2000a,b; 2001"


def test_ranged_year_suffixes_collapse_runs_of_three() -> None:
    letters = "acde"
    group = [("Smith 2000a", "2000", "a")] + [(f"2000{c}", "2000", c) for c in letters[1:]]
    assert year_suffixes(group, (", ", ", ", ","), ranged=True) == "Smith 2000a,c–e"


_CSL = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation collapse="{collapse}">
    <layout delimiter=", " prefix="(" suffix=")">
      <group delimiter=" ">
        <names variable="author"><name form="short"/></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
</style>"""


def _item(key: str, family: str, year: int) -> dict[str, Any]:
    return {
        "id": key,
        "type": "book",
        "title": key,
        "author": [{"family": family, "given": "A"}],
        "issued": {"date-parts": [[year]]},
    }


def test_year_collapse_through_a_style_keeps_the_order_given() -> None:
    items = [_item("a", "Smith", 2000), _item("b", "Jones", 1990), _item("c", "Smith", 1900)]
    style = Style(_CSL.format(collapse="year").encode(), "inline")
    cluster = [CiteSpec("b"), CiteSpec("a"), CiteSpec("c")]
    result = render_clusters(items, style, [cluster], "text")
    assert [c.text for c in result.citations] == ["(Jones 1990, Smith 2000, 1900)"]
