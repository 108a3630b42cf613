"""The title keys of the records (refs.library.word_index) follow every change of the
records, are filled on migration, and let a new record of a large cell ask only for the
records it can pair with: the same duplicates are found as over the whole cell."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refs.dedupe.clusters import Item, find_duplicates, make_item
from refs.dedupe.reach import _item_cells, reach
from refs.library import lookups, word_index
from refs.library.connection import location
from refs.library.lookups import items_in, items_near
from refs.library.store import Library
from refs.library.word_index import bring_up_to_date, sketch_keys
from refs.models import Fields, PartialDate
from tests.conftest import NewLibrary
from tests.helpers import DATA
from tests.library.test_lookups import refs, stored

YEAR = PartialDate(year=2000)
WORDS = ["".join(random.Random(i).choices("bcdfghklmnprstvz", k=4)) + "e" for i in range(400)]


def _index(lib: Library) -> list[tuple[object, ...]]:
    bring_up_to_date(lib.db)
    rows = lib.db.execute("SELECT outlet, year, a, b, record_id FROM match_keys").fetchall()
    return sorted(tuple(r) for r in rows)


def _expected(lib: Library) -> list[tuple[object, ...]]:
    rows = lib.db.execute(
        "SELECT id, match_outlet, year, match_title FROM records WHERE year IS NOT NULL"
    ).fetchall()
    return sorted((o, y, a, b, rid) for rid, o, y, t in rows for a, b in sketch_keys(str(t)))


def test_the_index_follows_inserts_updates_and_deletes(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        stored(
            lib, [("Putin warns", "AP", YEAR), ("Putin urges", "AP", YEAR), ("Undated", "AP", None)]
        )
        assert _index(lib) == _expected(lib)
        assert ("associated press", 2000, "putin", "warns", 1) in _index(lib)
        with lib.transaction():
            lib.db.execute("UPDATE records SET match_title = 'blix urges' WHERE key = 'k000'")
            lib.db.execute("UPDATE records SET year = 1999 WHERE key = 'k002'")
        assert _index(lib) == _expected(lib)
        with lib.transaction():
            lib.move_record(2, 1)
        assert _index(lib) == _expected(lib)
        assert not any("putin" in (a, b) for _, _, a, b, _ in _index(lib))


def test_a_migrated_library_has_its_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(DATA / "libraries" / "v2-seeds-import.db", path)
    with Library(path) as lib:
        keys = _index(lib)
        assert keys and keys == _expected(lib)


@settings(max_examples=100, deadline=None)
@given(st.lists(refs, min_size=1, max_size=12))
def test_each_cell_lists_the_items_that_reach_it(
    new: list[tuple[str, str, PartialDate | None]],
) -> None:
    items = [make_item(f"~{n}", t, o, d, None) for n, (t, o, d) in enumerate(new)]
    reached = reach(items)
    for it in items:
        for cell in _item_cells(it):
            year, month = (
                cell._replace(kind="year", month=None, day=None),
                cell._replace(kind="month", day=None),
            )
            holders = [c for c in (cell, year, month) if c in reached and it in reached[c]]
            assert holders, (it, cell)


def _block(n: int) -> tuple[list[tuple[str, str, PartialDate]], list[Item], set[str]]:
    """``n`` records of one outlet and year, and new items: misspelt and exact copies of
    some, and titles of their own."""
    rng = random.Random(7)
    old = [(" ".join(rng.choice(WORDS) for _ in range(6)), "Reuters", YEAR) for _ in range(n)]
    new: list[Item] = []
    copies: set[str] = set()
    for i in range(0, n, 10):
        words = old[i][0].split()
        words[2] = words[2][0] + words[2][2] + words[2][1] + words[2][3:]
        title = " ".join(words) if i % 20 else old[i][0]
        new.append(make_item(f"~{i:05d}", title, "Reuters", YEAR, None))
        copies.add(f"k{i:03d}")
    new += [
        make_item(f"~x{i}", " ".join(rng.choice(WORDS) for _ in range(6)), "Reuters", YEAR, None)
        for i in range(20)
    ]
    return old, new, copies


def test_a_large_cell_is_asked_by_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookups, "LARGE", 100)
    old, new, copies = _block(600)
    with Library(tmp_path / "lib.db") as lib:
        library = stored(lib, old)
        with lib.transaction():
            near = items_near(lib, reach(new))
        assert copies <= {it.key for it in near}
        assert len(near) < len(library) / 3
        focus = {it.key for it in new}
        whole = find_duplicates([*library, *new], focus=focus)
        found = find_duplicates([*near, *new], focus=focus)
        assert found.auto_groups == whole.auto_groups
        assert {k for g in found.auto_groups for k in g} >= copies


def test_a_small_cell_is_read_whole(tmp_path: Path) -> None:
    old, new, _ = _block(300)
    with Library(tmp_path / "lib.db") as lib:
        stored(lib, old)
        with lib.transaction():
            near = items_near(lib, reach(new))
        assert near == items_in(lib, reach(new))
        assert len(near) == 300


def test_exact_titles_are_found_in_a_large_cell_of_common_words(
    new_library: NewLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title of words every record holds shares no rare word: found by its title."""
    monkeypatch.setattr(lookups, "LARGE", 10)
    monkeypatch.setattr(word_index, "COMMON", 5)
    dated = [PartialDate(year=2000, month=1 + i % 12, day=1 + i % 28) for i in range(40)]
    with Library(location(new_library("lib.db"))) as lib:
        stored(lib, [("News summary", "AP", d) for d in dated] + [("News summary", "AP", YEAR)])
        with lib.transaction():
            lib.insert_records(
                [("other", Fields(title="Blix urges", outlet="AP", issued=YEAR), None, None)]
            )
            near = items_near(lib, reach([make_item("~0", "News summary", "AP", YEAR, None)]))
        assert [it.key for it in near] == [f"k{i:03d}" for i in range(41)]


words = st.text(alphabet="abcdefgh3", min_size=1, max_size=6)


@given(st.lists(words, min_size=3, max_size=15, unique=True), st.data())
def test_titles_a_word_apart_share_a_key(title: list[str], data: st.DataObject) -> None:
    """Whatever the other titles hold: one word changed, added or left out."""
    other = list(title)
    at = data.draw(st.integers(0, len(title) - 1))
    new = data.draw(words.filter(lambda w: w not in title))
    how = data.draw(st.sampled_from(["change", "add", "drop"]))
    if how == "change":
        other[at] = new
    elif how == "add":
        other.insert(at, new)
    else:
        del other[at]
    shared = set(sketch_keys(" ".join(title))) & set(sketch_keys(" ".join(other)))
    assert shared
