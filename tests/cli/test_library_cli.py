"""`refs add`, `list`, `show`, `dedupe`, `merge`, `distinct`, `import`: stdout, stderr
and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT, SEEDS
from tests.helpers.cli_run import run

SEED0 = str(SEEDS / "000_ef633acc338f5415.txt")
SEED1 = str(SEEDS / "001_71ef8663aa33fb13.txt")


def refs_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command, for what the CLI prints on errors caught in main()."""
    return subprocess.run(
        [sys.executable, "-m", "refs", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )


@pytest.fixture
def lib(library_url: str) -> str:
    path = library_url
    code, _, err = run("add", SEED0, SEED1, "--library", path)
    assert code == 0, err
    return path


def listed(lib: str) -> list[dict[str, Any]]:
    code, out, _ = run("list", "--format", "json", "--library", lib)
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list)
    return data


def test_add_reports_and_list_json_contract(lib: str) -> None:
    refs = listed(lib)
    assert len(refs) == 21
    assert [r["key"] for r in refs] == sorted(str(r["key"]) for r in refs)
    first = refs[0]
    assert {"key", "title", "outlet", "issued", "type", "citations"} <= set(first)
    putin = next(r for r in refs if r["key"] == "reuters2000putin")
    assert putin["issued"] == "2000-07-19" and putin["outlet"] == "Reuters"
    (cite,) = putin["citations"]
    assert cite["article"] == SEED1 and cite["raw"].startswith("Putin says North Korea")
    assert cite["index"] == 0 and cite["line"] == 25


def test_add_again_says_nothing_new(lib: str, monkeypatch: pytest.MonkeyPatch) -> None:
    before = listed(lib)
    code, out, err = run("add", SEED0, "--library", lib)
    assert code == 0 and out == ""
    assert "already in the library" in err and "new reference" not in err
    monkeypatch.chdir(SEEDS)  # the same file named another way is still the same file
    code, out, err = run("add", "./000_ef633acc338f5415.txt", "--library", lib)
    assert code == 0 and "1 article file(s) already in the library" in err
    assert listed(lib) == before


def test_list_table(lib: str) -> None:
    code, out, _ = run("list", "--library", lib)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["key", "issued", "type", "articles", "outlet", "title"]
    assert len(lines) == 2 + 21


def test_show_text_and_json(lib: str) -> None:
    code, out, _ = run("show", "ap2000putin", "--library", lib)
    assert code == 0
    assert "title:" in out and "Putin visits North Korea" in out and "cited 1 time(s)" in out
    code, out, _ = run("show", "ap2000putin", "--format", "json", "--library", lib)
    assert json.loads(out)["issued"] == "2000-07-20"


def test_show_unknown_key_exits_2(lib: str) -> None:
    code, out, err = run("show", "nosuchkey", "--library", lib)
    assert code == 2 and out == "" and "no reference with key 'nosuchkey'" in err


def test_missing_and_newer_library_give_clean_errors(tmp_path: Path) -> None:
    done = refs_process("list", "--library", "none.db", cwd=tmp_path)
    assert done.returncode == 2 and "no library at none.db" in done.stderr
    assert "Traceback" not in done.stderr
    import sqlite3

    db = sqlite3.connect(tmp_path / "new.db")
    db.execute("PRAGMA user_version = 999")
    db.commit()
    db.close()
    done = refs_process("list", "--library", "new.db", cwd=tmp_path)
    assert done.returncode == 2 and "schema version 999" in done.stderr
    assert "Traceback" not in done.stderr


def test_library_from_env_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("add", SEED0)[0] == 0
    assert (tmp_path / "refs.db").exists()
    monkeypatch.setenv("REFS_LIBRARY", str(tmp_path / "env.db"))
    assert run("add", SEED1)[0] == 0
    assert len(listed(str(tmp_path / "env.db"))) == 13


def test_dedupe_merge_distinct_flow(lib: str, tmp_path: Path) -> None:
    code, out, _ = run("dedupe", "--library", lib)
    assert code == 0 and out.startswith("no candidate duplicates")
    bib = tmp_path / "more.bib"
    bib.write_text(
        # keys the library has given already: the new entry gets a made key
        "@misc{ap2000putin, title = {Putin visits N. Korea}, howpublished = {AP},"
        " date = {2000-07-21}}\n"
        "@misc{ap2000gore, title = {Gore aide discusses North Korea}, howpublished = {AP},"
        " date = {2000-10-26}}\n",
        encoding="utf-8",
    )
    code, _, err = run("import", str(bib), "--library", lib)
    assert code == 0, err
    # the day-off variant merges on its own; the changed word waits for a decision
    assert "1 new reference(s)" in err and "1 matched to references in the library" in err
    code, out, _ = run("dedupe", "--format", "json", "--library", lib)
    (cluster,) = json.loads(out)["clusters"]
    assert cluster["keys"] == ["ap2000gore", "ap2000gorea"] and cluster["auto"] is False
    assert any("different words: aid / aide" in r for r in cluster["pairs"][0]["reasons"])
    code, out, _ = run("dedupe", "--library", lib)
    assert "cluster 1: ap2000gore ap2000gorea  [needs a decision]" in out

    code, _, err = run("dedupe", "--apply", "--library", lib)
    assert code == 0 and "merged" not in err  # nothing the conservative rule accepts
    assert run("distinct", "ap2000gore", "ap2000gorea", "--library", lib)[0] == 0
    assert run("dedupe", "--library", lib)[1].startswith("no candidate duplicates")

    refs = {r["key"]: r for r in listed(lib)}
    assert len(refs) == 22 and len(refs["ap2000putin"]["citations"]) == 2
    code, _, err = run("merge", "ap2000gore", "ap2000gorea", "--library", lib)
    assert code == 0 and "merged ap2000gorea into ap2000gore" in err
    refs = {r["key"]: r for r in listed(lib)}
    assert len(refs) == 21 and len(refs["ap2000gore"]["citations"]) == 2
    assert refs["ap2000gore"]["title"] == "Gore aide discusses North Korea"  # longest wins
    code, out, _ = run("show", "ap2000gorea", "--library", lib)  # the old key still works
    assert code == 0 and "key:                ap2000gore\n" in out and "ap2000gorea" in out
    done = refs_process("merge", "ap2000gore", "ap2000gorea", "--library", lib, cwd=ROOT)
    assert done.returncode == 2 and "are already one reference" in done.stderr
    done = refs_process("distinct", "ap2000gore", "nosuch", "--library", lib, cwd=ROOT)
    assert done.returncode == 2 and "no reference with key 'nosuch'" in done.stderr


def test_import_unreadable_file_exits_2(lib: str, tmp_path: Path) -> None:
    code, _, err = run("import", str(tmp_path / "missing.bib"), "--library", lib)
    assert code == 2 and "I001" in err


def test_import_reports_failed_blocks_and_exits_1(lib: str, tmp_path: Path) -> None:
    bib = tmp_path / "broken.bib"
    bib.write_text(
        "@misc{ok1, title = {Fine entry one}, howpublished = {Reuters}, year = {1999}}\n"
        "@misc{bad, title = {unbalanced {brace,\n}\n"
        "@misc{ok2, title = {Fine entry two}, howpublished = {Reuters}, year = {1999}}\n",
        encoding="utf-8",
    )
    code, _, err = run("import", str(bib), "--library", lib)
    assert code == 1
    assert f"{bib}:2:" in err or f"{bib}:3:" in err
    assert "2 new reference(s)" in err


def test_flattened_copy_adds_none_and_records_the_second_citation(lib: str, tmp_path: Path) -> None:
    text = Path(SEED0).read_text(encoding="utf-8")
    copy = tmp_path / "flattened.txt"
    copy.write_text("".join(line.strip() for line in text.splitlines()), encoding="utf-8")
    code, _, err = run("add", str(copy), "--library", lib)
    assert code == 0 and "1 copy(ies) of articles already known" in err
    assert "new reference" not in err and "8 citation(s) recorded" in err
    refs = {str(r["key"]): r for r in listed(lib)}
    assert len(refs) == 21
    kim = refs["ap2000kim"]["citations"]
    # same article and entry: ordered by path
    assert [c["article"] for c in kim] == sorted([str(copy), SEED0])


def test_readd_shows_the_same_findings_and_changes_nothing(lib: str) -> None:
    code, _, err = run("add", SEED1, SEED0, "--library", lib)
    assert code == 0 and "S003 warning" in err
    assert "refs: 2 article file(s) already in the library" in err


def test_add_of_nothing_readable_exits_2_and_creates_no_library(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    db = tmp_path / "new.db"
    code, _, err = run("add", str(empty), "--library", str(db))
    assert code == 2 and "no readable article in" in err and not db.exists()
