"""The form an article shares with its corrections, stored and indexed with each article:
`refs add` finds the articles a new one corrects through it, also in a library of
version 13 (which had no such column) once it migrates."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import cast

from refs.library.corrections import corrections, replace_old
from refs.library.ingest import add_articles
from refs.library.same_article import same_as
from refs.library.schema import MIGRATIONS
from refs.library.store import Library
from refs.pipeline import ParsedArticle, parse_files
from refs.reader import discover
from tests.helpers import SEEDS

SEED0 = SEEDS / "000_ef633acc338f5415.txt"


def test_the_form_folds_spacing_and_case_and_needs_a_title_and_a_place() -> None:
    assert same_as("Disarmament  Diplomacy", "Issue No. 52", "Gore  AID") == same_as(
        "disarmament diplomacy", "issue no. 52", "gore aid"
    )
    assert same_as("DD", None, "A title") == same_as("DD", "", "a  TITLE") is not None
    assert same_as("DD", "No. 52", "A title") != same_as("DD", "No. 53", "A title")
    assert same_as(None, "No. 52", "A title") is not None
    assert same_as("DD", "No. 52", "  ") is None and same_as(None, None, "A title") is None


def _corrected(tmp_path: Path) -> ParsedArticle:
    text = SEED0.read_text(encoding="utf-8")
    path = tmp_path / "new" / SEED0.name
    path.parent.mkdir()
    path.write_text(text.replace("Gore aid discusses", "Gore aide discusses"), "utf-8")
    return parse_files([path]).articles[0]


def _library(path: Path) -> None:
    with Library(path) as lib:
        files, _ = discover([SEEDS])
        with lib.transaction():
            add_articles(lib, parse_files(files).articles)


def test_a_correction_is_found_through_the_index(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    _library(path)
    with Library(path) as lib:
        found = corrections(lib, [_corrected(tmp_path)])
        assert [c.old_sources for c in found] == [(str(SEED0),)]
        plan = " ".join(
            str(r[-1])
            for r in lib.db.execute(
                "EXPLAIN QUERY PLAN SELECT id, source FROM articles WHERE same_as = ? ORDER BY id",
                ("x",),
            )
        )
        assert "articles_same_as" in plan


# the tables that grow with the library: a correction must never read one whole
_GROWING = re.compile(r"SCAN (articles|article_files|citations|records|keys)\b")


def test_replacing_a_corrected_article_scans_no_growing_table(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    _library(path)
    with Library(path) as lib:
        found = corrections(lib, [_corrected(tmp_path)])
        db, asked = cast("sqlite3.Connection", lib.db), list[str]()
        db.set_trace_callback(asked.append)
        with lib.transaction():
            gone = replace_old(lib, found)
        db.set_trace_callback(None)
        assert gone and not lib.has_article(found[0].old_ids[0])
        scans = [
            (sql, str(row[-1]))
            for sql in asked
            if sql.split(None, 1)[0].upper() in ("SELECT", "DELETE", "UPDATE", "WITH")
            for row in db.execute(f"EXPLAIN QUERY PLAN {sql}")
            if _GROWING.match(str(row[-1]))
        ]
        assert not scans, scans


def test_a_version_13_library_gets_the_forms_when_it_migrates(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    _library(path)
    with sqlite3.connect(path) as db:  # as version 13 left it
        db.execute("DROP INDEX articles_same_as")
        db.execute("ALTER TABLE articles DROP COLUMN same_as")
        db.execute("PRAGMA user_version = 13")
    db.close()
    with Library(path) as lib:
        assert lib.schema_version() == len(MIGRATIONS)
        forms = [r[0] for r in lib.db.execute("SELECT same_as FROM articles")]
        assert forms and all(forms)
        found = corrections(lib, [_corrected(tmp_path)])
        assert [c.old_sources for c in found] == [(str(SEED0),)]
