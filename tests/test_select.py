"""Filters of refs.select: article, outlet, date range at known precision; unique keys."""

from __future__ import annotations

from refs.models import Citation, LibraryReference, PartialDate, Reference
from refs.select import Selection, in_range, parse_bound, select, unique_keys


def ref(key: str, source: str, outlet: str | None, date: PartialDate | None) -> Reference:
    return Reference(key=key, raw="", title=key, outlet=outlet, issued=date, source=source)


REFS = [
    ref("a", "digests/issue1.txt", "Wire Service", PartialDate(year=1999, month=3, day=9)),
    ref("b", "digests/issue1.txt", "City Radio", PartialDate(year=1999, month=4)),
    ref("c", "digests/issue2.txt", "wire service", PartialDate(year=2000)),
    ref("d", "digests/issue2.txt", "Wire Service", PartialDate(month=5, day=2)),
    ref("e", "digests/issue2.txt", None, None),
]


def keys(selection: Selection) -> list[str]:
    return [r.key for r in select(REFS, selection)]


def test_no_filter_keeps_all_in_order() -> None:
    assert keys(Selection()) == ["a", "b", "c", "d", "e"]


def test_article_by_path_name_or_stem() -> None:
    assert keys(Selection(articles=("digests/issue1.txt",))) == ["a", "b"]
    assert keys(Selection(articles=("issue2.txt",))) == ["c", "d", "e"]
    assert keys(Selection(articles=("issue2",))) == ["c", "d", "e"]
    assert keys(Selection(articles=("issue3",))) == []


def test_outlet_case_insensitive() -> None:
    assert keys(Selection(outlets=("WIRE SERVICE",))) == ["a", "c", "d"]
    assert keys(Selection(outlets=("City Radio", "Wire Service"), articles=("issue1",))) == [
        "a",
        "b",
    ]


def test_dates_overlap_at_known_precision() -> None:
    assert keys(Selection(since=parse_bound("1999-04-15"))) == ["b", "c"]
    assert keys(Selection(until=parse_bound("1999-03"))) == ["a"]
    assert keys(Selection(since=parse_bound("1999"), until=parse_bound("1999"))) == ["a", "b"]
    assert not in_range(None, parse_bound("1999"), None)
    assert in_range(PartialDate(year=1999), None, None)


def test_parse_bound() -> None:
    assert parse_bound("2000-10") == PartialDate(year=2000, month=10)
    for bad in ("20001", "2000-13", "2000-1-1", "October", "2000-02-32", ""):
        assert parse_bound(bad) is None


def test_library_references_match_by_citation() -> None:
    cite = Citation(article="x/issue9.txt", article_id="id9", index=0, raw="r")
    lib = [LibraryReference(key="k", title="t", citations=(cite,))]
    assert select(lib, Selection(articles=("issue9",))) == lib
    assert select(lib, Selection(articles=("issue8",))) == []


def test_unique_keys() -> None:
    same = ref("a", "digests/issue3.txt", "Wire Service", PartialDate(year=1999, month=3, day=9))
    other = ref("a", "digests/issue3.txt", "Other", None)
    out, renamed = unique_keys([*REFS, same, other, other])
    assert [r.key for r in out] == ["a", "b", "c", "d", "e", "a-2"]
    assert out[-1].outlet == "Other" and renamed == ["a -> a-2"]
