"""Automatic merges can be undone: a citation that `refs add` or `refs import` joins to
a reference by the fuzzy rule (not equal on normalised fields) keeps the key it would
have had, as an alias, and is remembered as a merge; `refs split KEY` and `refs
distinct` give back the reference it would have been. Hard negatives (numbers and codes
inside words, `Shahab3`/`Shahab4`) are never merged on their own in the first place."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from refs.dedupe.pairs import exact_form, make_item
from refs.library.decisions import apply_auto, library_duplicates, mark_distinct
from refs.library.ingest import import_references
from refs.library.store import Library
from refs.library.unmerge import split
from refs.models import LibraryReference, PartialDate
from refs.models.valid import validated
from tests.helpers import DATA, SEEDS
from tests.helpers.cli_run import run

PAIRS = json.loads((DATA / "dedupe_pairs.json").read_text(encoding="utf-8"))["pairs"]
JULY_19 = PartialDate(year=2000, month=7, day=19)
# legitimate automatic merges: typos (`Shahab-3`/`Shahab3` are equal once normalised)
SAME = [
    (
        "Iran test-fires Shahab-3 medium-range missile",
        "Iran test-fires Shahab-3 medium-range miissile",
        "Reuters",
    ),
    ("Kim indicates he would halt missiles", "Kim indicattes he would halt missiles", "AP"),
]


def _date(text: str, shift: int = 0) -> PartialDate:
    parts = [int(part) for part in text.split("-")]
    parts[0] += shift
    return validated(PartialDate, dict(zip(("year", "month", "day"), parts, strict=False)))


def _labelled() -> tuple[list[LibraryReference], list[LibraryReference], dict[int, bool]]:
    """The labelled pairs not equal on normalised fields as imported references (keys
    ``a<n>``, ``b<n>``), each pair moved to years of its own so that pairs never meet;
    and whether each pair (by its number) is one item."""
    firsts: list[LibraryReference] = []
    seconds: list[LibraryReference] = []
    same: dict[int, bool] = {}
    for n, pair in enumerate(PAIRS):
        a, b = pair["a"], pair["b"]
        views = [make_item("", p["title"], p["outlet"], _date(p["issued"]), None) for p in (a, b)]
        if exact_form(views[0]) == exact_form(views[1]):
            continue
        shift = 1000 + 3 * n - int(a["issued"][:4])
        for side, item, out in (("a", a, firsts), ("b", b, seconds)):
            date = _date(item["issued"], shift)
            out.append(
                LibraryReference(
                    key=f"{side}{n}", title=item["title"], outlet=item["outlet"], issued=date
                )
            )
        same[n] = bool(pair["duplicate"])
    return firsts, seconds, same


def _import(lib: Library, refs: list[LibraryReference], source: str) -> list[tuple[str, str]]:
    with lib.transaction():
        return import_references(lib, refs, source).auto_merged


def _merges(lib: Library) -> int:
    return int(lib.db.execute("SELECT count(*) FROM merges").fetchone()[0])


def _refs(lib: Library) -> list[LibraryReference]:
    return sorted(lib.references(), key=lambda r: r.key)


def _alone(
    tmp_path: Path, batches: list[tuple[list[LibraryReference], str]]
) -> list[LibraryReference]:
    """The references each import gives in a library of its own."""
    out = []
    for n, (refs, source) in enumerate(batches):
        with Library(tmp_path / f"alone{n}.db") as lib:
            _import(lib, refs, source)
            out.extend(lib.references())
    return sorted(out, key=lambda r: r.key)


@pytest.mark.parametrize("together", [False, True], ids=["two imports", "one import"])
def test_every_automatic_merge_of_the_labelled_pairs_is_split_back(
    tmp_path: Path, together: bool
) -> None:
    firsts, seconds, same = _labelled()
    assert len(same) > 300 and sum(not s for s in same.values()) > 200
    with Library(tmp_path / "t.db") as lib:
        if together:
            merged = _import(lib, firsts + seconds, "x.json")
        else:
            assert _import(lib, firsts, "a.json") == []
            merged = _import(lib, seconds, "b.json")
        assert _merges(lib) == len(merged)
        joined = {int(key[1:]) for pair in merged for key in pair}
        assert all(same[n] for n in joined)  # never a hard negative (Shahab3/Shahab4)
        assert len(joined) > 0.9 * sum(same.values())  # the duplicates are merged, nearly all
        for away, kept in merged:
            assert lib.resolve_key(away) == kept
            with lib.transaction():
                assert split(lib, away) == (kept, away, 1)
        sources = ("x.json", "x.json") if together else ("a.json", "b.json")
        expected = _alone(tmp_path, [(firsts, sources[0]), (seconds, sources[1])])
        assert _refs(lib) == expected
        with lib.transaction():  # kept apart from then on
            assert apply_auto(lib, library_duplicates(lib)) == []
        assert _merges(lib) == 0


@pytest.mark.parametrize(("first", "second", "outlet"), SAME)
def test_an_automatic_merge_of_an_import_is_split_back(
    tmp_path: Path, first: str, second: str, outlet: str
) -> None:
    a = LibraryReference(key="a1", title=first, outlet=outlet, issued=JULY_19)
    b = LibraryReference(key="b1", title=second, outlet=outlet, issued=JULY_19)
    with Library(tmp_path / "t.db") as lib:
        assert _import(lib, [a], "a.json") == []
        assert _import(lib, [b], "b.json") == [("b1", "a1")]
        (merged,) = lib.references()
        assert merged.key == "a1" and merged.aliases == ("b1",) and len(merged.citations) == 2
        with lib.transaction():
            assert mark_distinct(lib, "a1", "b1") == ("a1", "b1")
        assert _refs(lib) == _alone(tmp_path, [([a], "a.json"), ([b], "b.json")])
        # the same item from another file goes to the reference it was split into
        assert _import(lib, [dataclasses.replace(b, key="b2")], "c.json") == []
        assert sorted(len(r.citations) for r in lib.references()) == [1, 2]


def test_a_merge_of_made_keys_gives_back_the_key_it_would_have_had(tmp_path: Path) -> None:
    first, second, outlet = SAME[0]
    a = LibraryReference(key="", title=first, outlet=outlet, issued=JULY_19)
    b = LibraryReference(key="", title=second, outlet=outlet, issued=JULY_19)
    with Library(tmp_path / "t.db") as lib:
        _import(lib, [a], "a.ris")
        assert _import(lib, [b], "b.ris") == [("reuters2000irana", "reuters2000iran")]
        with lib.transaction():
            split(lib, "reuters2000irana")
        refs = _refs(lib)
        assert [r.key for r in refs] == ["reuters2000iran", "reuters2000irana"]
        assert [r.title for r in refs] == [first, second]


def test_equal_on_normalised_fields_is_no_merge(tmp_path: Path) -> None:
    a = LibraryReference(key="a1", title="Iran tests Shahab-3 missile", outlet="Reuters")
    b = dataclasses.replace(a, key="b1", title="IRAN TESTS SHAHAB-3 MISSILE.")
    with Library(tmp_path / "t.db") as lib:
        _import(lib, [a], "a.json")
        assert _import(lib, [b], "b.json") == []
        (ref,) = lib.references()
        assert len(ref.citations) == 2 and _merges(lib) == 0
        assert ref.aliases == ("b1",)  # an imported key is still kept as an alias


ARTICLE = """Disarmament Diplomacy

Issue No. 50, September 2000

Missile offers revisited

Officials returned on July 19 to the offer reported in the summer.

Reports: Putin says North Korea ofefrs to give up rockets, Reuters, July 19.
"""


def test_an_automatic_merge_of_refs_add_is_split_back_and_undone(tmp_path: Path) -> None:
    other = tmp_path / "050_typo.txt"
    other.write_text(ARTICLE, encoding="utf-8")
    lib = str(tmp_path / "t.db")
    assert run("add", str(SEEDS / "001_71ef8663aa33fb13.txt"), "--library", lib)[0] == 0
    code, _, err = run("add", str(other), "--library", lib)
    assert code == 0, err
    assert "merged automatically: reuters2000putina into reuters2000putin" in err
    _, out, _ = run("show", "reuters2000putin", "--library", lib)
    assert "merged keys:        reuters2000putina" in out and "cited 2 time(s)" in out
    code, _, err = run("split", "reuters2000putina", "--library", lib)
    assert code == 0, err
    _, out, _ = run("show", "reuters2000putina", "--format", "json", "--library", lib)
    shown = json.loads(out)
    assert shown["title"] == "Putin says North Korea ofefrs to give up rockets"
    assert [c["article"] for c in shown["citations"]] == [str(other)]
    _, out, _ = run("history", "--library", lib)
    assert "split reuters2000putina from reuters2000putin" in out
    assert run("undo", "--library", lib)[0] == 0  # the split is undone: merged again
    _, out, _ = run("show", "reuters2000putin", "--library", lib)
    assert "merged keys:        reuters2000putina" in out
    code, _, err = run("distinct", "reuters2000putin", "reuters2000putina", "--library", lib)
    assert code == 0, err
    _, out, _ = run("list", "--format", "json", "--library", lib)
    assert {"reuters2000putin", "reuters2000putina"} <= {r["key"] for r in json.loads(out)}
