"""Dedupe compares authors where both references name them: two reporters' stories under
one headline stay apart, and a story naming its author joins the same story cited
without one."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from refs.dedupe.clusters import Item, find_duplicates, make_item
from refs.dedupe.identity import identity
from refs.dedupe.pairs import judge
from refs.dedupe.title_forms import author_form
from refs.models import Name, PartialDate
from tests.helpers.cli_run import run

OCT5 = PartialDate(year=2000, month=10, day=5)
TITLE = "Allies split over missile defence"
GORDON = Name(family="Gordon", given="Michael R.")
SANGER = Name(family="Sanger", given="David E.")


def item(key: str, *authors: Name, title: str = TITLE) -> Item:
    return make_item(key, title, "New York Times", OCT5, None, authors)


def auto_groups(*items: Item) -> list[tuple[str, ...]]:
    return [tuple(g) for g in find_duplicates(items).auto_groups]


def test_author_form_folds_family_names_particles_and_institutions() -> None:
    names = [
        Name(family="Gogh", non_dropping_particle="van", given="Vincent"),
        Name(literal="Associated Press"),
        Name(family="Müller", given="Jörg"),
    ]
    assert author_form(names) == "associated press|muller|van gogh"
    assert author_form([Name(family="Gordon", given="M.")]) == author_form([GORDON])
    assert author_form(()) == ""


def test_two_authors_under_one_headline_are_two_references() -> None:
    pair = judge(item("a", GORDON), item("b", SANGER))
    assert not pair.auto
    assert "different authors" in pair.reasons
    assert auto_groups(item("a", GORDON), item("b", SANGER)) == []
    gordon = identity(TITLE, "New York Times", None, OCT5, [GORDON])
    assert gordon != identity(TITLE, "New York Times", None, OCT5, [SANGER])


def test_the_same_author_however_initialled_is_one_reference() -> None:
    initials = Name(family="Gordon", given="M. R.")
    assert auto_groups(item("a", GORDON), item("b", initials)) == [("a", "b")]
    pair = judge(item("a", GORDON), item("b", GORDON, SANGER))
    assert pair.auto and "different authors" not in pair.reasons


def test_a_story_naming_its_author_joins_the_one_cited_without() -> None:
    assert auto_groups(item("a"), item("b", GORDON)) == [("a", "b")]
    assert "different authors" not in judge(item("a"), item("b", SANGER)).reasons


def test_a_year_apart_is_not_proposed_across_authors() -> None:
    a = make_item("a", TITLE, "New York Times", OCT5, None, [GORDON])
    later = PartialDate(year=2001, month=10, day=5)
    b = make_item("b", TITLE, "New York Times", later, None, [SANGER])
    assert not find_duplicates([a, b]).clusters


@given(st.lists(st.sampled_from(["Gordon", "Sanger", "Erlanger", "Perlez"]), max_size=3))
def test_authors_never_split_a_pair_that_shares_one(families: list[str]) -> None:
    names = [Name(family=f) for f in families]
    shared = [*names, GORDON]
    assert judge(item("a", GORDON), item("b", *shared)).auto


def _csl(key: str, family: str) -> dict[str, object]:
    return {
        "id": key,
        "type": "article-newspaper",
        "title": TITLE,
        "container-title": "The New York Times",
        "issued": {"date-parts": [[2000, 10, 5]]},
        "author": [{"family": family, "given": "M."}],
    }


def test_library_keeps_two_reporters_apart_and_joins_one(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    src = tmp_path / "items.json"
    items = [_csl("gordon2000allies", "Gordon"), _csl("sanger2000allies", "Sanger")]
    src.write_text(json.dumps(items), encoding="utf-8")
    code, _, err = run("import", str(src), "--library", db)
    assert code == 0, err
    again = tmp_path / "again.json"
    again.write_text(json.dumps([_csl("gordon-nyt", "Gordon")]), encoding="utf-8")
    code, _, err = run("import", str(again), "--library", db)
    assert code == 0, err
    code, out, err = run("export", "--library", db, "--format", "csljson")
    assert code == 0, err
    assert sorted(i["id"] for i in json.loads(out)) == ["gordon2000allies", "sanger2000allies"]


def test_merging_two_reporters_asks_for_force(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    src = tmp_path / "items.json"
    items = [_csl("gordon2000allies", "Gordon"), _csl("sanger2000allies", "Sanger")]
    src.write_text(json.dumps(items), encoding="utf-8")
    assert run("import", str(src), "--library", db)[0] == 0
    code, _, err = run("merge", "gordon2000allies", "sanger2000allies", "--library", db)
    assert code == 2 and "authors differ (Gordon / Sanger)" in err and "--force" in err
    code, _, err = run("merge", "gordon2000allies", "sanger2000allies", "--force", "--library", db)
    assert code == 0, err
