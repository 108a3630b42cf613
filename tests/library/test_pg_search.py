"""`refs search` ranks alike on PostgreSQL and SQLite: the same library gives the same
hits in the same order (BM25 with the same column weights), and keeps doing so as
records, tags and notes change."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refs.library import pg_search, pg_search_keys
from refs.library.connection import ServerUrl
from refs.library.edits import edit, note, tag
from refs.library.ingest import add_articles, import_references
from refs.library.pg_search import STATS, class_weights, folded, index_row, words
from refs.library.search import WEIGHTS, find, fresh, search
from refs.library.store import Library
from refs.pipeline import parse_files
from refs.reader import discover
from refs.select import Selection, parse_bound
from tests.helpers import DATA, SEEDS
from tests.helpers.postgres import Cluster, Databases
from tests.helpers.varied_library import varied_refs

QUERIES = ("korea", "north korea", "missile", "press", "the", "us", "reuters", "nucl",
           "state department", "ap korea", "press the", "washington file", "a",
           "summitry")  # fmt: skip


def _fill(lib: Library) -> None:
    files, _ = discover([SEEDS, DATA / "articles"])
    with lib.transaction():
        add_articles(lib, parse_files(files).articles)
        import_references(lib, varied_refs(), "varied.json")
    fresh(lib)


# (ERA_BITS, EXPANDED) of the index and its queries: as shipped, and eras of two records
# with prefixes of more than two words asked as prefixes, so that every way of asking
# the index is taken on these few records
SHIPPED, SMALL = (pg_search.ERA_BITS, pg_search_keys.EXPANDED), (1, 2)


@pytest.fixture
def both(
    tmp_path: Path,
    pg_cluster: Cluster,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Library, Library]]:
    bits, expanded = getattr(request, "param", SHIPPED)
    monkeypatch.setattr(pg_search, "ERA_BITS", bits)
    monkeypatch.setattr(pg_search_keys, "EXPANDED", expanded)
    databases = Databases(pg_cluster, f"refs_rank_{os.getpid()}")
    try:
        with Library(tmp_path / "l.db") as lite, Library(ServerUrl(databases.new())) as pg:
            _fill(lite)
            _fill(pg)
            yield lite, pg
    finally:
        databases.drop()


def _orders(lib: Library) -> dict[str, list[str]]:
    fresh(lib)
    return {q: search(lib, q) for q in QUERIES}


def _change(lib: Library) -> None:
    with lib.transaction():
        tag(lib, "ap2000kim", ["summitry", "korea"])
        note(lib, "reuters2000us", "the press says korea, korea and korea")
        edit(lib, "ap2000gore", {"title": "Korea, North Korea and the press"})


@pytest.mark.parametrize("both", [SHIPPED, SMALL], indirect=True)
def test_the_same_library_ranks_alike_on_both(both: tuple[Library, Library]) -> None:
    lite, pg = both
    before = _orders(lite)
    assert sum(len(v) > 3 for v in before.values()) >= 8  # queries with an order to compare
    assert _orders(pg) == before
    _change(lite)
    _change(pg)
    after = _orders(lite)
    assert after != before and _orders(pg) == after


@pytest.mark.parametrize("both", [SHIPPED, SMALL], indirect=True)
@pytest.mark.parametrize("ranked", [1, 3, 7])
def test_a_query_matching_more_than_ranked_ranks_the_same_newest(
    both: tuple[Library, Library], ranked: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL looks for the newest matches among the newest records first, then
    among more: the same records as SQLite's walk backwards, whatever share matches."""
    monkeypatch.setattr("refs.library.search.RANKED", ranked)
    lite, pg = both
    orders = _orders(lite)
    assert all(len(v) <= ranked for v in orders.values())
    assert sum(len(v) == ranked for v in orders.values()) >= 8
    assert _orders(pg) == orders
    selection = Selection(outlets=("Reuters",), since=parse_bound("2000-06"))
    assert [r.key for r in find(pg, "korea", selection, 2)] == [
        r.key for r in find(lite, "korea", selection, 2)
    ]


def test_the_counts_bm25_needs_follow_the_index(both: tuple[Library, Library]) -> None:
    _, pg = both
    _change(pg)
    fresh(pg)
    stats = dict(pg.db.execute("SELECT name, value FROM refs_meta WHERE name IN (?, ?)", STATS))
    docs, tokens = pg.db.execute("SELECT count(*), sum(len) FROM search_fts").fetchone()
    records = pg.db.execute("SELECT count(*) FROM records").fetchone()[0]
    assert (stats[STATS[0]], stats[STATS[1]]) == (docs, tokens) and docs == records
    counted = pg.db.execute(
        "SELECT w, count(*) FROM search_fts, unnest(tsvector_to_array(doc)) AS w GROUP BY w"
    ).fetchall()
    kept = pg.db.execute("SELECT word, docs FROM search_words WHERE docs > 0").fetchall()
    assert sorted(kept) == sorted(counted) and len(kept) > 100


def test_a_tag_weighs_an_outlet_and_a_note() -> None:
    title, outlets, _, notes, tags, facets = WEIGHTS
    assert tags == outlets + notes and facets == 0  # tags are indexed in both their classes
    classes, scale = class_weights(WEIGHTS)
    assert scale == title and classes == "{0.1, 0.2, 0.4, 1.0}"


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_text_is_folded_by_lowering_it(text: str) -> None:
    assert folded(text) == text.lower()


def test_the_length_counts_every_column_and_words_split_as_unicode61() -> None:
    assert words("Snake_case Ünïcode") == ["snake", "case", "unicode"]
    row = index_row((70000, "A title", "Reuters", "Smith", "", "todo", "o1 n0x2000"))
    facets = "#o1 #n0x2000 #r4"  # (70000 >> 14: its era, which the length does not count)
    assert row == (70000, 7, "a title", "reuters", "smith", "", "todo", "todo", facets)


def test_a_word_typed_never_finds_a_filter_token(both: tuple[Library, Library]) -> None:
    """The facets (``a…`` for articles, ``c…`` for issues, ``o…``, ``t…``, ``y…``, ``n…``)
    are found by filters only: a one-letter prefix finds the records with a word of their
    texts that starts with it, the same on either database."""
    lite, pg = both
    fresh(lite)
    texts = {
        int(r[0]): words(" ".join(map(str, r[1:])))
        for r in lite.db.execute(
            "SELECT rowid, title, outlets, fields, notes, tags FROM search_fts"
        )
    }
    for letter in "acotyn":
        found = search(lite, letter)
        ids = [int(r[0]) for k in found for r in lite.db.execute(
            "SELECT id FROM records WHERE key = ?", (k,))]  # fmt: skip
        assert ids and all(any(w.startswith(letter) for w in texts[i]) for i in ids), letter
        assert len(ids) < len(texts)  # (every record has facets starting with a, o, y, n)
        assert search(pg, letter) == found


@pytest.mark.parametrize("both", [SMALL], indirect=True)
def test_the_newest_are_asked_by_their_eras_and_a_prefix_by_its_words(
    both: tuple[Library, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With eras of two records and RANKED 1, the first window of a common word holds
    fewer records than the word: the index is asked for its eras (and finds the same as
    SQLite); ``nucl`` is asked as the words it starts, ``a`` (more than EXPANDED) as a
    prefix."""
    monkeypatch.setattr("refs.library.search.RANKED", 1)
    lite, pg = both
    fresh(pg)
    asked: list[list[object]] = []
    real = pg.db.execute

    def spy(sql: str, params: object = None) -> object:
        if sql.startswith("SELECT rowid, count(*) OVER ()"):
            asked.append(list(params or []))  # type: ignore[call-overload]
        return real(sql, params)

    monkeypatch.setattr(pg.db, "execute", spy)
    for query in ("korea", "nucl", "a"):
        asked.clear()
        assert search(pg, query) == search(lite, query)
        texts = [str(p) for params in asked for p in params if isinstance(p, str)]
        if query == "korea":
            assert any("'#r" in t for t in texts), texts
        if query == "nucl":
            assert any("'nuclear'" in t and ":*" not in t for t in texts), texts
        if query == "a":
            assert any(t == "'a':*" for t in texts), texts
