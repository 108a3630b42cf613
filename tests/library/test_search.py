"""`refs search` with filters: the filters go into the query (FTS5 terms, SQL conditions)
and still give exactly what filtering every hit afterwards gives, in rank order."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refs.library import search as search_module
from refs.library.connection import ServerUrl
from refs.library.edits import tags_by_key
from refs.library.ingest import add_articles, import_references
from refs.library.search import find, fresh, search
from refs.library.search_filters import may_be_facet
from refs.library.store import Library
from refs.pipeline import parse_files
from refs.reader import discover
from refs.select import Selection, matches, parse_bound
from tests.helpers import SEEDS
from tests.helpers.postgres import Databases
from tests.helpers.varied_library import varied_refs

WORDS = ("korea", "missil", "north", "test", "gore", "press", "the", "москва", "undated")
OUTLETS = ("AP", "Associated Press", "reuters", "Известия", "Izvestiya", "CNN", "Washington File",
           "US State Department", "Nobody")  # fmt: skip
TYPES = ("article-newspaper", "speech", "document", "webpage")
TAGS = ("todo", "north-korea", "x")
ARTICLES = ("000_ef633acc338f5415", "001_71ef8663aa33fb13.txt", "varied.json", "nothing")
DATES = (None, "1999", "2000-07", "2000-10-24", "2001")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def lib(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Library]:
    """One library for the module, on each backend (see tests/conftest.py)."""
    databases = None
    path: Path | ServerUrl = tmp_path_factory.mktemp("search") / "lib.db"
    if request.param == "postgresql":
        databases = Databases(request.getfixturevalue("pg_cluster"), f"refs_search_{os.getpid()}")
        path = ServerUrl(databases.new())
    try:
        yield from _filled(path)
    finally:
        if databases is not None:
            databases.drop()


def _filled(path: Path | ServerUrl) -> Iterator[Library]:
    with Library(path) as opened:
        files, _ = discover([SEEDS])
        with opened.transaction():
            add_articles(opened, parse_files(files).articles)
            import_references(opened, varied_refs(), "varied.json")
            ids = [int(r[0]) for r in opened.db.execute("SELECT id FROM records ORDER BY id")]
            for n, rid in enumerate(ids):
                for tag in TAGS[: n % 4]:
                    opened.db.execute("INSERT INTO tags VALUES (?, ?)", (rid, tag))
        fresh(opened)
        yield opened


@given(
    word=st.sampled_from(WORDS),
    outlets=st.lists(st.sampled_from(OUTLETS), max_size=2),
    types=st.lists(st.sampled_from(TYPES), max_size=2),
    tags=st.lists(st.sampled_from(TAGS), max_size=2),
    articles=st.lists(st.sampled_from(ARTICLES), max_size=1),
    cited_by=st.lists(st.sampled_from(("52", "No. 49", "7")), max_size=1),
    since=st.sampled_from(DATES),
    until=st.sampled_from(DATES),
    limit=st.sampled_from((None, 1, 3)),
)
def test_filters_in_the_query_give_what_filtering_after_gives(
    lib: Library,
    word: str,
    outlets: list[str],
    types: list[str],
    tags: list[str],
    articles: list[str],
    cited_by: list[str],
    since: str | None,
    until: str | None,
    limit: int | None,
) -> None:
    selection = Selection(
        articles=tuple(articles),
        outlets=tuple(outlets),
        types=tuple(types),
        tags=tuple(tags),
        cited_by=tuple(cited_by),
        since=parse_bound(since) if since else None,
        until=parse_bound(until) if until else None,
    )
    every = find(lib, word, Selection())
    assert [r.key for r in every] == search(lib, word)
    known = tags_by_key(lib)
    expected = [r for r in every if matches(r, selection, known)][:limit]
    assert find(lib, word, selection, limit) == expected


def test_filters_narrow_the_hits(lib: Library) -> None:
    assert find(lib, "korea", Selection())  # there is something to narrow
    # a non-Latin outlet asked in its Latin letters (the folded form the index holds)
    hits = find(lib, "москва", Selection(outlets=("Izvestiya",)))
    assert [r.key for r in hits] == ["izvestia2000sdelka"]
    assert {r.outlet for r in find(lib, "korea", Selection(outlets=("AP",)))} == {
        "Associated Press"
    }
    assert find(lib, "korea", Selection(tags=("nosuch",))) == []


def test_a_search_with_nothing_stale_only_reads(lib: Library, tmp_path: Path) -> None:
    assert fresh(lib) == 0
    # another connection holds the write lock: a search still answers
    with Library(lib.path) as other, other.transaction():
        assert fresh(lib) == 0 and find(lib, "korea", Selection())


def test_words_asked_without_the_column_filter_find_what_they_find_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every start of every word the index holds (what may be a facet token or not) finds
    the same records whether or not the query is held to the text columns."""
    for lib in _filled(tmp_path / "lib.db"):
        rows = lib.db.execute("SELECT title, outlets, fields, notes, tags FROM search_fts")
        words = {w for row in rows for w in re.findall(r"[^\W_]+", " ".join(row).casefold())}
        typed = sorted({w[:n] for w in words for n in (1, 2, 3, len(w))})
        plain = {w: search(lib, w) for w in typed}
        monkeypatch.setattr(search_module, "may_be_facet", lambda word: True)
        assert {w: search(lib, w) for w in typed} == plain
        assert sum(1 for w in typed if not may_be_facet(w)) > len(typed) / 2
