"""`refs search` and the one set of filters of list, search, export and render."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import SEEDS
from tests.helpers.cli_run import run


@pytest.fixture
def lib(library_url: str) -> str:
    path = library_url
    assert run("add", str(SEEDS), "--library", path)[0] == 0
    return path


def keys(out: str) -> list[str]:
    return [r["key"] for r in json.loads(out)]


def test_search_ranks_titles_and_finds_outlets_through_aliases(lib: str) -> None:
    code, out, _ = run("search", "gore korea", "--format", "json", "--library", lib)
    assert code == 0 and keys(out) == ["ap2000gore"]
    # "AP" is an alias of the Associated Press: the same hits as the canonical name
    _, by_alias, _ = run("search", "AP korea", "-f", "json", "--library", lib)
    _, by_name, _ = run("search", "associated press korea", "-f", "json", "--library", lib)
    assert keys(by_alias) == keys(by_name) and "ap2000gore" in keys(by_alias)
    code, out, _ = run("search", "missil", "-f", "json", "--library", lib)  # a word start
    assert code == 0 and keys(out)
    code, _, err = run("search", "zzzz", "--library", lib)
    assert code == 1 and "nothing found" in err
    code, _, _ = run("search", 'NEAR(" :*', "--library", lib)  # FTS5 syntax is only words
    assert code == 1


def test_search_finds_tags_and_notes_and_follows_edits(lib: str) -> None:
    assert run("tag", "ap2000kim", "summitry", "--library", lib)[0] == 0
    assert run("note", "reuters2000putin", "see the Kremlin transcript", "--library", lib)[0] == 0
    assert keys(run("search", "summitry", "-f", "json", "--library", lib)[1]) == ["ap2000kim"]
    assert keys(run("search", "kremlin", "-f", "json", "--library", lib)[1]) == ["reuters2000putin"]
    assert (
        run("edit", "ap2000kim", "--set", "title=Kim pledges restraint", "--library", lib)[0] == 0
    )
    assert keys(run("search", "pledges", "-f", "json", "--library", lib)[1]) == ["ap2000kim"]
    assert run("undo", "--library", lib)[0] == 0
    assert run("search", "pledges", "--library", lib)[0] == 1


def test_outlet_filter_resolves_aliases_in_every_command(lib: str) -> None:
    _, by_alias, _ = run("list", "--outlet", "AP", "-f", "json", "--library", lib)
    _, by_name, _ = run("list", "--outlet", "Associated Press", "-f", "json", "--library", lib)
    assert keys(by_alias) == keys(by_name) and len(keys(by_alias)) == 8
    code, out, _ = run("export", "--outlet", "AP", "-f", "csljson", "--library", lib)
    assert code == 0 and sorted(i["id"] for i in json.loads(out)) == keys(by_alias)
    code, out, _ = run("render", "--outlet", "AP", "--library", lib)
    assert code == 0 and len(out.strip().splitlines()) == 8


def test_tag_type_cited_by_and_dates_filter(lib: str) -> None:
    assert run("tag", "ap2000gore", "korea", "--library", lib)[0] == 0
    assert keys(run("list", "--tag", "korea", "-f", "json", "--library", lib)[1]) == ["ap2000gore"]
    code, out, _ = run("render", "--tag", "korea", "--library", lib)
    assert code == 0 and "Gore" in out and len(out.strip().splitlines()) == 1
    _, issue52, _ = run("list", "--cited-by", "No. 52", "-f", "json", "--library", lib)
    _, plain, _ = run("list", "--cited-by", "52", "-f", "json", "--library", lib)
    assert keys(issue52) == keys(plain) and len(keys(plain)) == 8
    code, out, _ = run("list", "--type", "article-newspaper", "--since", "2000-10", "-f",
                       "json", "--library", lib)  # fmt: skip
    assert code == 0 and all(r["issued"] >= "2000-10" for r in json.loads(out))
    code, _, err = run("list", "--since", "October", "--library", lib)
    assert code == 2 and "not a date" in err
    code, _, err = run("search", "korea", "--tag", "nosuch", "--library", lib)
    assert code == 1


def test_list_counts_articles_not_files(lib: str, tmp_path: Path) -> None:
    seed = next(SEEDS.glob("000_*.txt"))
    flat = tmp_path / "flat.txt"
    text = seed.read_text(encoding="utf-8")
    flat.write_text("".join(line.strip() for line in text.splitlines()), encoding="utf-8")
    assert run("add", str(flat), "--library", lib)[0] == 0
    code, out, _ = run("list", "--library", lib)
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("ap2000gore "))
    assert row.split()[3] == "1"  # one article in two layouts
    assert "Associated Press" in row


def test_digest_articles_are_citable_items(lib: str) -> None:
    code, out, _ = run("articles", "--format", "json", "--library", lib)
    items = json.loads(out)
    assert code == 0 and [i["key"] for i in items] == ["article-dd52-us", "article-dd49-progress"]
    assert {i["type"] for i in items} == {"article-magazine"}
    assert (
        items[0]["container_title"] == "Disarmament Diplomacy" and items[0]["issued"] == "2000-11"
    )
    code, out, _ = run("export", "--articles", "-f", "csljson", "--library", lib)
    assert code == 0 and {"article-dd52-us", "ap2000gore"} <= {i["id"] for i in json.loads(out)}
    code, out, _ = run("render", "--articles", "--tag", "none", "--library", lib)
    assert code == 0 and "Verge of Breakthrough" in out
    code, out, _ = run("articles", "--library", lib)
    assert code == 0 and out.startswith("key ")
    code, _, err = run("articles", "--format", "xml", "--library", lib)
    assert code == 2 and "unknown format" in err
