"""Libraries written by earlier versions open, migrate and lose nothing."""

from __future__ import annotations

import json
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


def test_version_3_library_migrates_keeping_keys_citations_and_decisions(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    shutil.copy(OLD / "v3-seeds-import-merged.db", path)
    assert _rows(path, "PRAGMA user_version") == [(3,)]
    keys = _rows(path, "SELECT key, record_id FROM keys ORDER BY key")
    cites = _rows(path, "SELECT record_id, article_id, idx, raw FROM citations ORDER BY id")
    pairs = _rows(path, "SELECT * FROM distinct_pairs ORDER BY key_a")
    with Library(path) as lib:
        assert lib.schema_version() == len(MIGRATIONS)
        refs = {r.key: r for r in lib.references()}
        assert lib.resolve_key("ap2000koreab") == "ap2000korea"  # the merged-away key
        assert "ap2000koreab" in refs["ap2000korea"].aliases
    assert _rows(path, "SELECT key, record_id FROM keys ORDER BY key") == keys
    assert _rows(path, "SELECT record_id, article_id, idx, raw FROM citations ORDER BY id") == cites
    assert (
        _rows(path, "SELECT * FROM distinct_pairs ORDER BY key_a")
        == pairs
        == [("ap2000clinton", "ap2000cohen")]
    )
    # the new column holds nothing for references without further fields
    assert _rows(path, "SELECT count(*) FROM records WHERE csl IS NOT NULL") == [(0,)]


def test_version_9_library_learns_its_authors(tmp_path: Path) -> None:
    """Version 10 fills ``match_authors`` from the names a version 9 library holds, so a
    story by another author under the same headline stays apart after the migration."""
    path = tmp_path / "v9.db"
    shutil.copy(OLD / "v9-authors.db", path)
    assert _rows(path, "PRAGMA user_version") == [(9,)]
    keys_before = _rows(path, "SELECT key FROM keys ORDER BY key")
    with Library(path) as lib:
        assert lib.schema_version() == len(MIGRATIONS)
    assert _rows(path, "SELECT key, match_authors FROM records ORDER BY key") == [
        ("gordon2000allies", "gordon"),
        ("vangogh2000letters", "associated press|van gogh"),
    ]
    assert _rows(path, "SELECT key FROM keys ORDER BY key") == keys_before
    other = tmp_path / "sanger.json"
    item = json.loads((OLD / "v9-authors.json").read_text(encoding="utf-8"))[0]
    item.update(id="sanger2000allies", author=[{"family": "Sanger", "given": "David E."}])
    other.write_text(json.dumps([item]), encoding="utf-8")
    code, _, err = run("import", str(other), "--library", str(path))
    assert code == 0, err
    assert len(_rows(path, "SELECT id FROM records")) == 3
