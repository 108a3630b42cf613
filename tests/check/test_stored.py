"""`refs check` without PATHs: the library's articles checked from the text it keeps, with
library keys; the version-1 -> 2 migration; a library that check never changes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from refs.check.stored import library_articles
from refs.library.schema import MIGRATIONS
from refs.library.store import Library
from refs.library.texts import StoredArticle
from tests.check.test_claims_links import assert_gold, score_articles
from tests.helpers import DATA, ROOT, SEEDS
from tests.helpers.cli_run import run

CLAIMS = DATA / "claims"
SEED0 = SEEDS / "000_ef633acc338f5415.txt"
SEED1 = SEEDS / "001_71ef8663aa33fb13.txt"
V1_TABLES = ("articles", "article_files", "records", "citations", "keys", "distinct_pairs")


def added(path: Path, *articles: Path) -> Path:
    code, _, err = run("add", *map(str, articles), "--library", str(path))
    assert code == 0, err
    return path


def check_json(*args: str) -> dict[str, Any]:
    code, out, err = run("check", *args, "-f", "json")
    assert code == 0, err
    return dict(json.loads(out))


def state(path: Path) -> tuple[str, list[str]]:
    """The file's bytes (hashed) and every row, read without writing."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return digest, list(db.iterdump())
    finally:
        db.close()


def v1_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """The rows of the version-1 tables: what keys, references and citations are."""
    with Library(path) as lib:
        return {
            t: sorted(lib.db.execute(f"SELECT {v1_columns(t)} FROM {t}"), key=repr)
            for t in V1_TABLES
        }


def v1_columns(table: str) -> str:
    """The columns ``table`` had in version 1 (later versions add columns)."""
    db = sqlite3.connect(":memory:")
    for statement in MIGRATIONS[0]:
        assert isinstance(statement, str)
        db.execute(statement)
    return ", ".join(row[1] for row in db.execute(f"PRAGMA table_info({table})"))


def version_1_library(path: Path, like: Path) -> Path:
    """A library file as refs made it before version 2: the version-1 statements, and the
    version-1 tables' rows of the library ``like``."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    for statement in MIGRATIONS[0]:
        assert isinstance(statement, str)
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute("ATTACH DATABASE ? AS src", (str(like),))
    for table in V1_TABLES:
        cols = v1_columns(table)
        db.execute(f"INSERT INTO main.{table} SELECT {cols} FROM src.{table}")
    db.execute("DETACH DATABASE src")
    db.close()
    return path


def by_name(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(a["source"]).name: a for a in doc["articles"]}


@pytest.fixture(scope="module")
def seeds_lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return added(tmp_path_factory.mktemp("lib") / "seeds.db", SEEDS)


def test_library_check_is_path_check_with_library_keys(seeds_lib: Path) -> None:
    from_paths = by_name(check_json(str(SEEDS)))
    doc = check_json("--library", str(seeds_lib))
    from_lib = by_name(doc)
    assert [Path(a["source"]).name for a in doc["articles"]] == sorted(from_paths)
    with Library(seeds_lib, readonly=True) as lib:
        cited = {
            (Path(c.article).name, c.index): r.key for r in lib.references() for c in r.citations
        }
    for name, want in from_paths.items():
        got = from_lib[name]
        assert [r["key"] for r in got["references"]] == [
            cited[name, i] for i in range(len(got["references"]))
        ]
        to_lib = {
            a["key"]: b["key"] for a, b in zip(want["references"], got["references"], strict=True)
        }
        strip = [{**r, "key": ""} for r in want["references"]]
        assert [{**r, "key": ""} for r in got["references"]] == strip
        for claim in want["claims"]:
            for src in claim["sources"]:
                src["key"] = to_lib[src["key"]]
        assert got["claims"] == want["claims"]
        assert got["unused_references"] == [to_lib[k] for k in want["unused_references"]]
        assert got["coverage"] == want["coverage"]
        assert got["diagnostics"] == want["diagnostics"]
    assert sum(len(c["sources"]) for a in from_lib.values() for c in a["claims"]) > 10


@pytest.mark.parametrize(
    ("gold_file", "folder"),
    [(DATA / "gold_seeds.json", SEEDS), (CLAIMS / "gold.json", CLAIMS)],
    ids=["seeds", "invented"],
)
def test_library_check_passes_the_gold_scoring(
    gold_file: Path, folder: Path, tmp_path: Path
) -> None:
    lib = added(tmp_path / "lib.db", folder)
    articles = by_name(check_json("--library", str(lib)))
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    assert_gold(score_articles(gold, articles.__getitem__))


def test_every_format_and_the_exit_codes(seeds_lib: Path, tmp_path: Path) -> None:
    before = state(seeds_lib)
    lib = ("--library", str(seeds_lib))
    code, text, _ = run("check", *lib)
    _, path_text, _ = run("check", str(SEEDS))
    assert code == 0
    assert text.splitlines()[-1] == path_text.splitlines()[-1]
    assert text.splitlines()[-1].startswith("summary: 2 article(s)")
    code, page, _ = run("check", *lib, "-f", "html")
    _, path_page, _ = run("check", str(SEEDS), "-f", "html")
    assert code == 0 and page.startswith("<!DOCTYPE html>")
    for status in ("supported", "unsupported"):
        mark = f'<mark class="claim {status}"'
        assert page.count(mark) == path_page.count(mark) > 0
    doc = check_json(*lib)
    linked = {s["key"] for a in doc["articles"] for c in a["claims"] for s in c["sources"]}
    assert linked and all(f"<code>{k}</code>" in page for k in linked)
    assert run("check", *lib, "--min-coverage", "0.1")[0] == 0
    low = run("check", *lib, "--min-coverage", "0.99")
    assert low[0] == 1 and "below --min-coverage" in low[2]
    out = tmp_path / "report.json"
    assert run("check", *lib, "-f", "json", "-o", str(out))[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["coverage"]["claims"] > 0
    assert state(seeds_lib) == before


def test_article_filter_in_both_modes(seeds_lib: Path) -> None:
    one = check_json("--library", str(seeds_lib), "--article", SEED1.stem)
    assert [Path(a["source"]).name for a in one["articles"]] == [SEED1.name]
    named = check_json("--library", str(seeds_lib), "--article", SEED0.name)
    assert [Path(a["source"]).name for a in named["articles"]] == [SEED0.name]
    paths = check_json(str(SEEDS), "--article", SEED1.stem)
    assert [Path(a["source"]).name for a in paths["articles"]] == [SEED1.name]
    for mode in (("--library", str(seeds_lib)), (str(SEEDS),)):
        code, _, err = run("check", *mode, "--article", "no-such-article")
        assert code == 2 and "no article" in err and "matched --article" in err


def test_library_from_environment_and_current_folder(
    seeds_lib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REFS_LIBRARY", raising=False)
    want = check_json("--library", str(seeds_lib))
    code, out, err = run("check", "-f", "json", env={"REFS_LIBRARY": str(seeds_lib)})
    assert code == 0 and json.loads(out) == want, err
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check")
    assert code == 2 and "no library at refs.db" in err
    assert not (tmp_path / "refs.db").exists()
    (tmp_path / "refs.db").write_bytes(seeds_lib.read_bytes())
    assert json.loads(run("check", "-f", "json")[1])["coverage"] == want["coverage"]


def test_merged_references_show_the_key_kept(tmp_path: Path) -> None:
    """Two references of one claim merged: the claim links to the key kept once; two
    unused references merged: the key kept is listed once."""
    path = added(tmp_path / "lib.db", SEEDS)
    arts = by_name(check_json("--library", str(path)))
    both = next(c for c in arts[SEED0.name]["claims"] if len(c["sources"]) >= 2)
    keep, drop = both["sources"][0]["key"], both["sources"][1]["key"]
    unused = arts[SEED1.name]["unused_references"]
    assert len(unused) >= 2
    for kept, dropped in ((keep, drop), (unused[0], unused[1])):
        assert run("merge", kept, dropped, "--force", "--library", str(path))[0] == 0
    after = by_name(check_json("--library", str(path)))
    for name, renamed in ((SEED0.name, {drop: keep}), (SEED1.name, {unused[1]: unused[0]})):
        before_keys = [r["key"] for r in arts[name]["references"]]
        assert [r["key"] for r in after[name]["references"]] == [
            renamed.get(k, k) for k in before_keys
        ]
    claim = next(c for c in after[SEED0.name]["claims"] if c["id"] == both["id"])
    assert [s["key"] for s in claim["sources"]] == [keep]
    assert claim["sources"][0] == both["sources"][0]
    assert after[SEED1.name]["unused_references"] == [unused[0], *unused[2:]]


def test_version_1_library_is_migrated_and_filled(seeds_lib: Path, tmp_path: Path) -> None:
    path = version_1_library(tmp_path / "v1.db", seeds_lib)
    with Library(path, readonly=True) as lib:
        assert lib.schema_version() == 1
    before = state(path)
    code, out, err = run("check", "--library", str(path))
    assert code == 2 and out == ""
    for seed in (SEED0, SEED1):
        assert f"{seed}: L001 error: not checked: the library has no text" in err
        assert f"refs add {seed}" in err
    assert "has its text" in err
    assert state(path) == before  # read-only: not even migrated

    rows = v1_rows(path)  # this open migrates in place
    with Library(path) as lib:
        assert lib.schema_version() == len(MIGRATIONS)
        assert lib.db.execute("SELECT count(*) FROM article_texts").fetchone()[0] == 0
    code, _, err = run("add", str(SEED0), "--library", str(path))
    assert code == 0 and "1 article text(s) kept for articles added before" in err
    assert v1_rows(path) == rows
    code, out, err = run("check", "--library", str(path), "-f", "json")
    assert code == 1
    assert [Path(a["source"]).name for a in json.loads(out)["articles"]] == [SEED0.name]
    assert f"{SEED1}: L001 error" in err and str(SEED0) + ": L001" not in err

    code, _, err = run("add", str(SEEDS), "--library", str(path))
    assert code == 0 and "1 article text(s) kept" in err
    assert v1_rows(path) == rows
    assert check_json("--library", str(path)) == check_json("--library", str(seeds_lib))
    filled = state(path)[1]
    assert run("add", str(SEEDS), "--library", str(path))[0] == 0
    assert state(path)[1] == filled  # re-adding changes nothing


def test_missing_empty_and_unreadable_libraries(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    code, _, err = run("check", "--library", str(missing))
    assert code == 2 and f"no library at {missing}" in err and not missing.exists()
    empty = tmp_path / "empty.db"
    Library(empty).close()
    code, _, err = run("check", "--library", str(empty))
    assert code == 2 and "has no articles" in err and "refs add" in err
    bare = tmp_path / "bare.db"
    sqlite3.connect(bare).close()  # version 0: an SQLite file that is no library yet
    assert run("check", "--library", str(bare))[0] == 2
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite " * 200)
    code, _, err = run("check", "--library", str(junk))
    assert code == 2 and "not a readable refs library" in err
    newer = tmp_path / "newer.db"
    Library(newer).close()
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.commit()
    db.close()
    code, _, err = run("check", "--library", str(newer))
    assert code == 2 and "schema version" in err
    proc = subprocess.run(
        [sys.executable, "-m", "refs", "check", "--library", str(missing)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stdout == ""


def test_entries_the_library_and_the_text_disagree_on() -> None:
    text = SEED0.read_text(encoding="utf-8")
    (first,) = library_articles(
        [StoredArticle("a", "x.txt", text, "x.txt", {i: (f"k{i}", "") for i in range(20)})]
    )[0]
    n = len(first.references)
    entries = {i: (f"lib{i}", r.raw) for i, r in enumerate(first.references) if i != 2}
    entries[1] = ("lib1", "something else entirely")
    entries[n + 3] = ("gone", "an entry the text does not give")
    (parsed,), missing = library_articles(
        [
            StoredArticle("a", "x.txt", text, "x.txt", entries),
            StoredArticle("b", "old file.txt", None, None, {}),
        ]
    )
    keys = [r.key for r in parsed.references]
    assert keys[0] == "lib0" and keys[1] == "lib1" and not keys[2].startswith("lib")
    codes = [(d.code, d.line is not None) for d in parsed.diagnostics if d.code[0] == "L"]
    assert codes == [("L003", True), ("L002", True), ("L002", False)]
    assert f"entries {n + 4} of this article" in parsed.diagnostics[-1].message
    (old,) = missing
    assert old.code == "L001" and old.file == "old file.txt"
    assert old.hint is not None and "refs add 'old file.txt'" in old.hint
