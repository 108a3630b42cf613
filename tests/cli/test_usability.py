"""What a user meets on a mistake: a one-line error naming the file and exit 2, never a
traceback, and a library file that is not ours is never written to."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from refs.library.connection import location
from refs.library.store import Library
from tests.conftest import NewLibrary
from tests.helpers import ROOT, SEEDS
from tests.helpers.cli_run import run

SEED0 = str(SEEDS / "000_ef633acc338f5415.txt")


def refs_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The real command: errors raised in a command are printed by refs.cli.main."""
    return subprocess.run(
        [sys.executable, "-m", "refs", *args],
        cwd=cwd,
        capture_output=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
        check=False,
    )


@pytest.fixture
def lib(library_url: str) -> str:
    path = library_url
    code, _, err = run("add", SEED0, "--library", path)
    assert code == 0, err
    return path


# ---------------------------------------------------------------- -o


@pytest.mark.parametrize(
    "command",
    [
        ["export", SEED0, "--format", "ris"],
        ["render", SEED0, "--style", "apa"],
        ["check", SEED0, "--format", "html"],
    ],
)
def test_output_into_a_missing_folder_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "missing" / "out.txt"
    code, out, err = run(*command, "-o", str(target))
    assert code == 2
    assert f"cannot write {target}" in err and "does not exist" in err
    assert out == ""
    assert not target.parent.exists()


@pytest.mark.parametrize("command", [["export", SEED0], ["render", SEED0], ["check", SEED0]])
def test_output_onto_a_folder_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    code, out, err = run(*command, "-o", str(tmp_path))
    assert code == 2
    assert f"-o {tmp_path} is a folder" in err
    assert out == ""
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


# ---------------------------------------------------------------- export filters


def test_export_article_that_names_nothing_is_a_usage_error(lib: str) -> None:
    code, out, err = run("export", SEED0, "--article", "no_such_article")
    assert (code, out) == (2, "")
    assert "no article matched --article no_such_article" in err
    code, out, err = run("export", "--library", lib, "--article", "no_such_article")
    assert (code, out) == (2, "")
    assert "no article matched --article no_such_article" in err
    code, out, _ = run("export", "--library", lib, "--article", "000_ef633acc338f5415")
    assert code == 0 and out.count("@misc{") == 8


def test_export_since_after_until_is_a_usage_error() -> None:
    code, out, err = run("export", SEED0, "--since", "2001", "--until", "2000-12")
    assert (code, out) == (2, "")
    assert "--since 2001 is after --until 2000-12" in err
    code, _, _ = run("export", SEED0, "--since", "2000-11", "--until", "2000-11")
    assert code == 0


# ---------------------------------------------------------------- formats each command has


@pytest.mark.parametrize(
    ("command", "wrong"),
    [(["list"], "html"), (["show", "ap2000kim"], "table"), (["dedupe"], "table")],
)
def test_library_commands_refuse_formats_they_do_not_have(
    lib: str, command: list[str], wrong: str
) -> None:
    code, out, err = run(*command, "--format", wrong, "--library", lib)
    assert code == 2 and out == ""
    assert "--format" in err


# ---------------------------------------------------------------- the library file


def test_foreign_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    for command in (["list"], ["check"], ["add", SEED0], ["dedupe"]):
        done = refs_process(*command, "--library", str(other), cwd=tmp_path)
        assert done.returncode == 2, command
        assert b"Traceback" not in done.stderr
        assert b"not a refs library" in done.stderr
    with sqlite3.connect(other) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master")]
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    assert tables == ["notes"]
    assert mode == "delete"


def test_library_in_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    done = refs_process("add", SEED0, "--library", "nowhere/lib.db", cwd=tmp_path)
    assert done.returncode == 2
    assert b"the folder nowhere does not exist" in done.stderr
    assert b"Traceback" not in done.stderr


def test_dedupe_lists_while_another_process_writes(lib: str) -> None:
    with Library(location(lib)) as holder, holder.transaction():  # holds the write lock
        code, out, err = run("dedupe", "--library", lib)
        assert code == 0, err
        assert out == "no candidate duplicates\n"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_add_file_whose_name_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    name = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(Path(SEED0).read_bytes())
    done = refs_process("add", "articles", "--library", "lib.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    listed = refs_process("check", "--library", "lib.db", "--format", "json", cwd=tmp_path)
    assert listed.returncode == 0
    assert "articles/caf\ufffd.txt".encode() in listed.stdout


# ---------------------------------------------------------------- refs import


def test_import_empty_file_is_unreadable(lib: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.ris"
    empty.write_text("\n")
    code, out, err = run("import", str(empty), "--library", lib)
    assert (code, out) == (2, "")
    assert f"{empty}: I001 error: file is empty" in err


def test_import_binary_file_is_unreadable(lib: str, tmp_path: Path) -> None:
    binary = tmp_path / "refs.bib"
    binary.write_bytes(bytes(range(256)) * 8)
    code, _, err = run("import", str(binary), "--library", lib)
    assert code == 2
    assert f"{binary}: I001 error: file looks binary" in err


def test_import_file_without_entries_says_so(lib: str, tmp_path: Path) -> None:
    prose = tmp_path / "notes.bib"
    prose.write_text("just some notes, no entries\n")
    code, _, err = run("import", str(prose), "--library", lib)
    assert code == 0
    assert f"{prose}: I014 warning: no entries found (read as bibtex)" in err


def test_import_item_without_id_or_title_is_named_plainly(lib: str, tmp_path: Path) -> None:
    item = tmp_path / "item.json"
    item.write_text('{"type": "book"}\n')
    code, _, err = run("import", str(item), "--library", lib)
    assert code == 2
    assert "an item without id has no title" in err
    assert "None" not in err


# ---------------------------------------------------------------- articles named twice


def test_a_file_named_twice_is_read_once() -> None:
    code, out, _ = run("parse", str(SEEDS), SEED0, "--format", "json")
    assert code == 0
    assert out.count('"source"') == 2
    code, out, _ = run("check", SEED0, SEED0)
    assert code == 0
    assert "summary: 1 article(s)" in out


def test_render_of_an_empty_library_says_so(new_library: NewLibrary) -> None:
    empty = new_library("empty.db")
    Library(location(empty)).close()  # a library with no reference (a 0-byte file is refused)
    code, out, err = run("render", "--library", empty)
    assert code == 0 and out == ""
    assert "refs: warning: no reference to render" in err


# ---------------------------------------------------------------- keys as users type them


def test_show_suggests_the_nearest_keys(lib: str) -> None:
    code, out, err = run("show", "ap2000gorr", "--library", lib)
    assert (code, out) == (2, "")
    assert "refs: error: no reference with key 'ap2000gorr'" in err
    assert "refs: hint: did you mean: ap2000gore" in err


def test_keys_are_found_whatever_their_case(lib: str, tmp_path: Path) -> None:
    code, out, _ = run("show", "AP2000Gore", "--library", lib)
    assert code == 0 and out.startswith("key:                ap2000gore\n")
    done = refs_process(
        "merge", "AP2000KIM", "ap2000gore", "--force", "--library", lib, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert b"refs: merged ap2000gore into ap2000kim" in done.stderr


def test_style_file_that_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "house.csl"
    folder.mkdir()
    code, out, err = run("render", SEED0, "--style", str(folder))
    assert (code, out) == (2, "")
    assert f"refs: error: style file {folder} is a folder" in err


def test_import_same_file_from_another_folder_changes_nothing(lib: str, tmp_path: Path) -> None:
    ris = tmp_path / "sub" / "refs.ris"
    ris.parent.mkdir()
    code, out, _ = run("export", SEED0, "--format", "ris")
    assert code == 0
    ris.write_text(out, newline="")
    first = refs_process("import", "sub/refs.ris", "--library", lib, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    again = refs_process("import", "refs.ris", "--library", lib, cwd=ris.parent)
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip().endswith(b"refs: nothing new")


def test_output_dash_is_stdout(tmp_path: Path) -> None:
    code, out, _ = run("export", SEED0, "--format", "ris", "-o", "-")
    assert code == 0 and out.startswith("TY  - ")
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_check_names_the_article_that_matched_nothing(lib: str) -> None:
    for where in ([SEED0], ["--library", lib]):
        code, out, err = run(
            "check", *where, "--article", "000_ef633acc338f5415", "--article", "typo"
        )
        assert (code, out) == (2, ""), where
        assert "no article matched --article typo" in err


def test_a_file_holding_only_a_bom_is_empty(lib: str, tmp_path: Path) -> None:
    article = tmp_path / "bom.txt"
    article.write_bytes(b"\xef\xbb\xbf\n")
    code, _, err = run("parse", str(article))
    assert code == 2
    assert f"{article}: R003 error: file is empty" in err
    ris = tmp_path / "bom.ris"
    ris.write_bytes(b"\xef\xbb\xbf \r\n")
    code, _, err = run("import", str(ris), "--library", lib)
    assert code == 2
    assert f"{ris}: I001 error: file is empty" in err


@pytest.mark.parametrize("bound", ["2000-02-30", "2001-02-29", "2000-04-31"])
def test_export_refuses_days_the_month_does_not_have(bound: str) -> None:
    code, out, err = run("export", SEED0, "--until", bound)
    assert (code, out) == (2, "")
    assert f"--until '{bound}' is not a date" in err
    assert run("export", SEED0, "--until", "2000-02-29")[0] == 0


def test_python_m_refs_calls_itself_refs(tmp_path: Path) -> None:
    done = refs_process("parse", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(b"Usage: refs parse")
    assert b"python -m" not in done.stderr
