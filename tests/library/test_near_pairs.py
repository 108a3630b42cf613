"""What a batch's new items join among the records near them, an outlet at a time: the
groups that finding duplicates over the whole library gives, never a pair kept apart."""

from __future__ import annotations

from pathlib import Path

from refs.dedupe.clusters import find_duplicates, make_item
from refs.library.near_pairs import joined
from refs.library.store import Library
from refs.models import Fields, PartialDate

DAY = PartialDate(year=2000, month=2, day=3)
STORED = [
    ("k000", "Putin warns on missile talks", "AP"),
    ("k001", "Putin warns on missile talks", "Reuters"),
    ("k002", "Blix urges inspections", "AP"),
    ("k003", "Blix urges new inspections", "AFP"),
]
NEW = [
    make_item("~0", "Putin warns on misile talks", "AP", DAY, None),
    make_item("~1", "Putin warns on misile talks", "Reuters", DAY, None),
    make_item("~2", "Blix urges new inspectons", "AFP", DAY, None),
]


def _library(path: Path) -> Library:
    lib = Library(path)
    rows = []
    for key, title, outlet in STORED:
        fields = Fields(title=title, outlet=outlet, issued=DAY)
        rows.append((key, fields, make_item(key, title, outlet, DAY, None), None))
    with lib.transaction():
        lib.insert_records(rows)
    return lib


def test_an_outlet_at_a_time_joins_what_the_whole_library_joins(tmp_path: Path) -> None:
    with _library(tmp_path / "lib.db") as lib:
        group_of, view_of = joined(lib, NEW, {})
        stored = [make_item(k, t, o, DAY, None) for k, t, o in STORED]
        whole = find_duplicates([*stored, *NEW], focus={it.key for it in NEW})
    assert whole.auto_groups and sorted(set(group_of.values())) == sorted(whole.auto_groups)
    assert group_of["~0"] == ("k000", "~0") and group_of["~1"] == ("k001", "~1")
    assert sorted(view_of) == sorted(k for g in whole.auto_groups for k in g if k[0] != "~")


def test_a_pair_kept_apart_is_not_joined(tmp_path: Path) -> None:
    with _library(tmp_path / "lib.db") as lib:
        group_of, _ = joined(lib, NEW, {"~0": {"k000"}})
        assert "~0" not in group_of and group_of["~1"] == ("k001", "~1")
        assert joined(lib, [], {}) == ({}, {})
