"""The SQLite library: schema version, migrations, refusal of newer libraries, WAL,
all-or-nothing transactions, adding articles, merges that lose nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from refs.errors import LibraryError, UsageError
from refs.library.connection import location
from refs.library.decisions import apply_auto, library_duplicates, mark_distinct, merge
from refs.library.ingest import add_articles, import_references
from refs.library.schema import SCHEMA_VERSION
from refs.library.store import Library
from refs.library.writes import ArticleRow
from refs.models import Citation, LibraryReference, PartialDate
from refs.pipeline import parse_paths
from tests.conftest import NewLibrary
from tests.helpers import SEEDS

SEED0 = SEEDS / "000_ef633acc338f5415.txt"
SEED1 = SEEDS / "001_71ef8663aa33fb13.txt"


def flattened_copy(seed: Path, folder: Path) -> Path:
    """The seed as the archive's flattened layout has it: every line glued together."""
    text = seed.read_text(encoding="utf-8")
    out = folder / f"flat_{seed.name}"
    out.write_text("".join(line.strip() for line in text.splitlines()), encoding="utf-8")
    return out


def add(lib: Library, *paths: Path) -> None:
    with lib.transaction():
        add_articles(lib, parse_paths(list(paths)).articles)


def keys_of(lib: Library) -> dict[str, str]:
    return {r.key: r.title for r in lib.references()}


def test_new_library_has_schema_version_and_wal(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as lib:
        assert lib.schema_version() == SCHEMA_VERSION >= 1
        assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_library_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    Library(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(LibraryError, match="schema version"):
        Library(path)


def test_not_a_library_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LibraryError, match="not a readable refs library"):
        Library(path)


def test_missing_library_for_reading(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no library"):
        Library(tmp_path / "nothing.db", create=False)


def test_migration_from_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    with closing(sqlite3.connect(path)) as db:  # an SQLite file of version 0, no table
        db.execute("CREATE TABLE t (x)")
        db.execute("DROP TABLE t")
    assert path.stat().st_size > 0
    with Library(path) as lib:
        assert lib.schema_version() == SCHEMA_VERSION
        assert lib.counts()["records"] == 0


def test_a_zero_byte_file_is_refused_not_made_a_library(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    path.write_bytes(b"")
    with pytest.raises(LibraryError, match="empty file"):
        Library(path)
    assert path.stat().st_size == 0


def test_transaction_is_all_or_nothing(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        add(lib, SEED0)
        before = lib.dump()
        with pytest.raises(RuntimeError), lib.transaction():
            add_articles(lib, parse_paths([SEED1]).articles)
            raise RuntimeError("interrupted")
        assert lib.dump() == before


def test_both_seeds_give_21_references_and_readding_changes_nothing(
    new_library: NewLibrary,
) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        add(lib, SEED0, SEED1)
        assert len(lib.references()) == 21
        before = lib.dump()
        add(lib, SEED1, SEED0)
        add(lib, SEEDS)
        assert lib.dump() == before


def test_flattened_copy_adds_no_reference_and_records_the_citation(
    tmp_path: Path, new_library: NewLibrary
) -> None:
    copy = flattened_copy(SEED1, tmp_path)
    with Library(location(new_library("lib.db"))) as lib:
        add(lib, SEED0, SEED1)
        keys = keys_of(lib)
        add(lib, copy)
        assert keys_of(lib) == keys
        cited = {r.key: r.citations for r in lib.references()}
        assert sum(len(c) for c in cited.values()) == 21 + 13
        putin = cited["reuters2000putin"]
        assert {c.article for c in putin} == {str(SEED1), str(copy)}
        assert len({c.article_id for c in putin}) == 1
        assert lib.counts()["articles"] == 2 and lib.counts()["article_files"] == 3


def test_keys_do_not_depend_on_the_order_within_a_batch(new_library: NewLibrary) -> None:
    with Library(location(new_library("a.db"))) as a, Library(location(new_library("b.db"))) as b:
        add(a, SEED0, SEED1)
        add(b, SEED1, SEED0)
        assert keys_of(a) == keys_of(b)
        assert "reuters2000putin" in keys_of(a)
        assert all(k.isascii() and k == k.lower() for k in keys_of(a))


def imported(title: str, outlet: str, issued: PartialDate, key: str = "") -> LibraryReference:
    """An imported reference; without a key of its own the library makes one."""
    return LibraryReference(key=key, title=title, outlet=outlet, issued=issued)


def test_import_deduplicates_against_the_library(new_library: NewLibrary) -> None:
    day = PartialDate(year=2000, month=7, day=20)
    with Library(location(new_library("lib.db"))) as lib:
        add(lib, SEED1)
        with lib.transaction():
            report = import_references(
                lib,
                [
                    imported("PUTIN VISITS N. KOREA", "AP", day),  # the seed's AP story
                    imported("Putin visits Nroth Korea", "The Associated Press", day),  # typo
                    imported("Putin leaves North Korea", "AP", day),  # another story
                ],
                "lib.bib",
            )
        assert report.matched == 2 and report.new_references == 1
        (putin,) = [r for r in lib.references() if r.key == "ap2000putin"]
        assert putin.title == "Putin visits North Korea"  # the most complete variant wins
        assert len(putin.citations) == 3
        before = lib.dump()
        with lib.transaction():  # the same import again changes nothing
            import_references(lib, [imported("PUTIN VISITS N. KOREA", "AP", day)], "lib.bib")
        assert lib.dump() == before


def test_merge_keeps_every_citation_and_the_old_key_resolves(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        add(lib, SEED0, SEED1)
        with lib.transaction():
            kept, dropped = merge(lib, "ap2000putin", "ap2000clinton")
        assert (kept, dropped) == ("ap2000putin", "ap2000clinton")
        refs = {r.key: r for r in lib.references()}
        assert len(refs) == 20 and "ap2000clinton" not in refs
        assert len(refs["ap2000putin"].citations) == 2
        assert lib.resolve_key("ap2000clinton") == "ap2000putin"
        assert lib.aliases("ap2000putin") == ["ap2000clinton"]
        # a page of keys (as `refs search` reads) carries the same aliases as the whole
        (page,) = lib.references(["ap2000putin"])
        assert page.aliases == ("ap2000clinton",) == refs["ap2000putin"].aliases
        assert all(not r.aliases for r in lib.references(sorted(refs)[:3]) if r.key != page.key)
        with pytest.raises(UsageError):
            merge(lib, "ap2000putin", "ap2000clinton")  # already one
        with pytest.raises(UsageError):
            merge(lib, "ap2000putin", "nosuchkey")


def test_distinct_is_remembered_and_auto_merge_respects_it(new_library: NewLibrary) -> None:
    day = PartialDate(year=2000, month=7, day=20)
    with Library(location(new_library("lib.db"))) as lib:
        with lib.transaction():
            import_references(lib, [imported("Putin visits North Korea", "AP", day)], "a.bib")
        assert lib.references()[0].key == "ap2000putin"
        # force a near-duplicate in as its own record, as a distinct import would
        with lib.transaction():
            rid = lib.insert_record("ap2000putina", lib.record_variants(1)[0])
            lib.insert_citations(
                [
                    (
                        rid,
                        Citation(article="b.bib", article_id="import:b", index=0, raw="b"),
                        lib.record_variants(1)[0],
                    )
                ]
            )
        result = library_duplicates(lib)
        assert result.auto_groups == (("ap2000putin", "ap2000putina"),)
        with lib.transaction():
            mark_distinct(lib, "ap2000putin", "ap2000putina")
        assert library_duplicates(lib).clusters == ()
        with lib.transaction():
            assert apply_auto(lib, library_duplicates(lib)) == []
        assert len(lib.references()) == 2


def test_a_busy_library_is_a_clean_error(
    new_library: NewLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFS_LOCK_WAIT", "0.2")  # the wait is bounded (tests/library/test_lock)
    path = location(new_library())
    with Library(path) as lib, Library(path) as other:
        with lib.transaction():
            lib.insert_articles([ArticleRow("x", "a.txt", "a.txt", None, None, None, None, "text")])
            with (
                pytest.raises(LibraryError, match="being written by another command"),
                other.transaction(),
            ):
                pass
        assert other.has_article("x")


def test_import_keys_do_not_depend_on_entry_order(new_library: NewLibrary) -> None:
    day = PartialDate(year=2000, month=7, day=20)
    refs = [
        imported("N. Korea decries anti-missile system", "AP", day),
        imported("N. Korea said ready to open US ties", "AP", day),
        imported("North Korea warns on missile talks", "Associated Press", day),
        imported("Putin visits North Korea", "Reuters", day),
    ]
    with Library(location(new_library("a.db"))) as a, Library(location(new_library("b.db"))) as b:
        with a.transaction():
            import_references(a, refs, "x.bib")
        with b.transaction():
            import_references(b, refs[::-1], "x.bib")
        assert keys_of(a) == keys_of(b)
        assert sorted(keys_of(a)) == [
            "ap2000korea",
            "ap2000koreaa",
            "ap2000north",
            "reuters2000putin",
        ]
