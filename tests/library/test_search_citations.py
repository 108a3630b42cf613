"""The citations of a record are facets of its search index (--cited-by and --article
inside the query): a citation's change reaches the index, and a library of version 11
(whose index lacks them) is indexed again when it migrates."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from refs.library.ingest import add_articles
from refs.library.schema import MIGRATIONS
from refs.library.search import find, fresh
from refs.library.search_filters import facet, fts_terms, record_facets
from refs.library.store import Library
from refs.pipeline import parse_files
from refs.reader import discover
from refs.select import Selection
from tests.helpers import SEEDS

ISSUE_52 = Selection(cited_by=("No. 52",))


def _library(path: Path) -> list[str]:
    """A library of the seed articles; the keys that an issue-52 article cites."""
    with Library(path) as lib:
        files, _ = discover([SEEDS])
        with lib.transaction():
            add_articles(lib, parse_files(files).articles)
        fresh(lib)
        return [r.key for r in find(lib, "the", ISSUE_52)]


def test_the_facets_hold_each_citations_issue_and_article_names() -> None:
    tokens = record_facets([], [], "speech", None, [("a/b/052_x.txt", "No. 052, Nov 2000")]).split()
    assert {facet("a", "052_x.txt"), facet("a", "052_x"), facet("c", "52")} <= set(tokens)
    # a non-numeric issue and a file named by its stem ask their own facets
    assert facet("c", "special") in fts_terms(Selection(cited_by=("Special",)))[0]
    assert facet("a", "052_x") in fts_terms(Selection(articles=("052_x",)))[0]


def test_a_citations_change_reaches_the_index(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    assert _library(path)
    with Library(path) as lib:
        with lib.transaction():
            lib.db.execute("UPDATE citations SET article = 'moved/renamed.txt'")
        fresh(lib)
        assert [r.key for r in find(lib, "the", Selection(articles=("renamed",)))]
        with lib.transaction():
            lib.db.execute("UPDATE citations SET issue = 'No. 7'")
        fresh(lib)
        assert find(lib, "the", ISSUE_52) == []


def test_a_version_11_library_indexes_its_citations_when_it_migrates(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    keys = _library(path)
    assert keys
    with sqlite3.connect(path) as db:  # as version 11 left it: no citations in the index
        for op in "iud":
            db.execute(f"DROP TRIGGER search_citations_{op}")
            db.execute(f"DROP TRIGGER match_records_{op}")  # and without version 13's
        for table in ("match_keys", "match_stale"):
            db.execute(f"DROP TABLE {table}")
        db.execute("DROP INDEX records_title")
        db.execute("DROP INDEX articles_same_as")  # and of version 14's
        db.execute("ALTER TABLE articles DROP COLUMN same_as")
        db.execute("DELETE FROM search_fts")
        db.execute("PRAGMA user_version = 11")
    db.close()
    with Library(path) as lib:
        assert lib.schema_version() == len(MIGRATIONS)
        fresh(lib)
        assert [r.key for r in find(lib, "the", ISSUE_52)] == keys
        with lib.transaction():
            lib.db.execute("DELETE FROM citations")
        fresh(lib)
        assert find(lib, "the", ISSUE_52) == []
