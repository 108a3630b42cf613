"""`refs edit`, `tag`, `untag`, `note`, `remove`, `merge --keep/--force`, `history`, `undo`
as a user runs them, command by command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refs.library.connection import location
from refs.library.journal import content_dump
from refs.library.store import Library
from tests.conftest import NewLibrary
from tests.helpers import DATA, SEEDS
from tests.helpers.cli_run import run

SEED0 = SEEDS / "000_ef633acc338f5415.txt"


def library(new_library: NewLibrary) -> str:
    lib = new_library()
    code, _, _ = run("add", str(SEEDS), "--library", lib)
    assert code == 0
    return lib


def dump(lib: str) -> list[str]:
    with Library(location(lib)) as opened:
        return content_dump(opened)


def show(lib: str, key: str) -> dict[str, object]:
    code, out, err = run("show", key, "--format", "json", "--library", lib)
    assert code == 0, err
    doc: dict[str, object] = json.loads(out)
    return doc


def test_a_wrong_merge_is_refused_then_forced_then_undone(new_library: NewLibrary) -> None:
    lib = library(new_library)
    before = dump(lib)
    code, _, err = run("merge", "reuters2000putin", "ap2000gore", "--library", lib)
    assert code == 2 and "outlets differ (Reuters / Associated Press)" in err and "--force" in err
    code, _, err = run("merge", "ap2000gore", "ap2000kim", "--library", lib)
    assert code == 2 and "one source list" in err
    assert dump(lib) == before
    code, _, err = run("merge", "reuters2000putin", "ap2000gore", "--force", "--library", lib)
    assert code == 0 and "merged ap2000gore into reuters2000putin" in err
    code, out, _ = run("history", "ap2000gore", "--library", lib)
    assert code == 0 and "merge" in out and "#2" in out
    code, _, err = run("undo", "--library", lib)
    assert code == 0 and "undid #2" in err
    assert dump(lib) == before
    assert show(lib, "ap2000gore")["key"] == "ap2000gore"
    code, out, _ = run("history", "--library", lib)
    assert "[undone]" in out


def test_merge_keep_chooses_the_title_of_b(new_library: NewLibrary) -> None:
    lib = library(new_library)
    assert run("edit", "ap2000kim", "--set", "title=Gore aide", "--library", lib)[0] == 0
    code, _, err = run(
        "merge", "ap2000gore", "ap2000kim", "--keep", "title=B", "--force", "--library", lib
    )
    assert code == 0, err
    assert show(lib, "ap2000gore")["title"] == "Gore aide"
    code, _, err = run("merge", "a", "b", "--keep", "title=C", "--library", lib)
    assert code == 2 and "FIELD=A" in err


def test_edit_sets_any_field_and_a_re_add_keeps_it(new_library: NewLibrary) -> None:
    lib = library(new_library)
    code, _, err = run(
        "edit", "ap2000gore", "--set", "title=Gore aide discusses North Korea",
        "--set", "issued=2000-10-27", "--unset", "container-title", "--library", lib,
    )  # fmt: skip
    assert code == 0 and "edited ap2000gore: container-title, issued, title" in err
    assert run("add", str(SEEDS), "--library", lib)[0] == 0
    doc = show(lib, "ap2000gore")
    assert doc["title"] == "Gore aide discusses North Korea" and doc["issued"] == "2000-10-27"
    assert doc["container_title"] is None
    assert doc["set_by_hand"] == ["container_title", "issued", "title"]
    code, _, _ = run("edit", "ap2000gore", "--reset", "title", "--library", lib)
    assert code == 0 and show(lib, "ap2000gore")["title"] == "Gore aid discusses North Korea"


def test_edit_errors_are_clear(new_library: NewLibrary) -> None:
    lib = library(new_library)
    before = dump(lib)
    code, _, err = run("edit", "ap2000gore", "--set", "titel=x", "--library", lib)
    assert code == 2 and "unknown field 'titel'" in err and "did you mean: title" in err
    code, _, err = run("edit", "ap2000gore", "--set", "issued=March 1", "--library", lib)
    assert code == 2 and "is not a date" in err and "2001-03-01" in err
    code, _, err = run("edit", "ap2000gore", "--set", "type=newspaper", "--library", lib)
    assert code == 2 and "not a CSL item type" in err
    code, _, err = run("edit", "ap2000gore", "--unset", "title", "--library", lib)
    assert code == 2 and "cannot be unset" in err
    code, _, err = run("edit", "nosuchkey", "--set", "title=x", "--library", lib)
    assert code == 2 and "no reference with key" in err
    code, _, err = run("edit", "ap2000gore", "--library", lib)
    assert code == 2 and "nothing to change" in err
    assert dump(lib) == before


def test_tags_and_notes_show_and_undo(new_library: NewLibrary) -> None:
    lib = library(new_library)
    before = dump(lib)
    assert run("tag", "ap2000gore", "korea", "missiles", "--library", lib)[0] == 0
    assert run("untag", "ap2000gore", "missiles", "--library", lib)[0] == 0
    assert run("note", "ap2000gore", "typo in the title", "--library", lib)[0] == 0
    code, out, _ = run("show", "ap2000gore", "--library", lib)
    assert "tags:               korea\n" in out and "note:               typo in the title" in out
    for _ in range(3):
        assert run("undo", "--library", lib)[0] == 0
    assert dump(lib) == before
    code, _, err = run("undo", "--library", lib, "--", "1")
    assert code == 0  # the add itself can be undone: the library is empty again
    code, _, err = run("undo", "--library", lib)
    assert code == 2 and "nothing to undo" in err


def test_remove_asks_for_yes_when_more_goes_than_named(new_library: NewLibrary) -> None:
    lib = library(new_library)
    before = dump(lib)
    code, _, err = run("remove", "--article", str(SEED0), "--library", lib)
    assert code == 2 and "would remove article" in err and "--yes" in err
    assert dump(lib) == before
    code, _, err = run("remove", "--article", str(SEED0), "--yes", "--library", lib)
    assert code == 0 and "removed article" in err
    code, out, _ = run("list", "--format", "json", "--library", lib)
    assert not any(SEED0.name in c["article"] for r in json.loads(out) for c in r["citations"])
    code, _, err = run("remove", "reuters2000putin", "--library", lib)
    assert code == 0 and "removed 1 reference(s) (reuters2000putin)" in err
    code, _, err = run("remove", "--library", lib)
    assert code == 2
    assert run("undo", "--library", lib)[0] == 0 and run("undo", "--library", lib)[0] == 0
    assert dump(lib) == before


def test_an_import_records_its_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run("export", str(SEED0), "--format", "ris")
    assert code == 0
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "refs.ris").write_text(out, newline="")
    monkeypatch.chdir(tmp_path)
    assert run("import", "sub/refs.ris", "--library", "lib.db")[0] == 0
    code, out, _ = run("list", "--format", "json", "--library", "lib.db")
    articles = {c["article"] for r in json.loads(out) for c in r["citations"]}
    assert articles == {"sub/refs.ris"}
    monkeypatch.chdir(tmp_path / "sub")
    code, _, err = run("import", "./refs.ris", "--library", "../lib.db")
    assert code == 0 and "nothing new" in err


def test_add_issue_gives_a_headless_page_its_issue(library_url: str) -> None:
    page = DATA / "articles" / "headless_fragment.txt"
    lib = library_url
    code, _, err = run("add", str(page), "--issue", "No. 24, February 1998", "--library", lib)
    assert code == 0 and "A001" not in err and "S008 warning" in err
    code, out, _ = run("list", "--cited-by", "24", "--format", "json", "--library", lib)
    assert [r["issued"] for r in json.loads(out)] == ["1998-03-05"]
    code, _, err = run("add", str(page), "--issue", "someday", "--library", lib)
    assert code == 2 and "no issue number or date" in err
