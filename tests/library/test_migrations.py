"""Libraries written by earlier versions open, migrate and lose nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from refs.library.schema import MIGRATIONS
from refs.library.store import Library
from tests.helpers import DATA
from tests.helpers.cli_run import run

OLD = DATA / "libraries"


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    shutil.copy(OLD / "v2-seeds-import.db", path)
    return path


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def test_version_2_library_migrates_keeping_keys_and_citations(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    assert _rows(path, "PRAGMA user_version") == [(2,)]
    keys_before = _rows(path, "SELECT key FROM keys ORDER BY key")
    cites_before = _rows(path, "SELECT record_id, article, idx, raw FROM citations ORDER BY id")
    with Library(path) as lib:
        assert lib.schema_version() == len(MIGRATIONS)
        assert len(lib.references()) == 22
    assert _rows(path, "SELECT key FROM keys ORDER BY key") == keys_before
    cites = "SELECT record_id, article, idx, raw FROM citations ORDER BY id"
    assert _rows(path, cites) == cites_before


def test_imported_identity_no_longer_depends_on_a_repr(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    old_ids = _rows(path, "SELECT article_id FROM citations WHERE article_id LIKE 'import:%'")
    assert len(old_ids) == 1
    code, _, err = run("list", "--library", str(path))
    assert code == 0, err
    new_ids = _rows(path, "SELECT article_id FROM citations WHERE article_id LIKE 'import:%'")
    assert len(new_ids) == 1 and new_ids != old_ids
    # the migrated identity is the one an import of the same file gives today
    fresh = tmp_path / "fresh.db"
    code, _, err = run("import", str(OLD / "v2-import.bib"), "--library", str(fresh))
    assert code == 0, err
    assert _rows(fresh, "SELECT article_id FROM citations") == new_ids
