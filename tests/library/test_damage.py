"""A damaged library in a dozen ways: every command answers with one line on stderr and
exit 2, never a traceback, and writes nothing; `refs doctor` names the damage and says
what to do (exit 1); a sound library passes it."""

from __future__ import annotations

import hashlib
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.helpers import DATA, SEEDS
from tests.helpers.cli_run import run_main as refs_main

SEED0 = str(SEEDS / "001_71ef8663aa33fb13.txt")  # parses without a warning
PAGE = 4096


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "good.db"
    code, _, err = refs_main("add", str(SEEDS), "--library", str(path))
    assert code == 0, err
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode = DELETE")
    return path.read_bytes()


def _flip(data: bytes, at: range) -> bytes:
    out = bytearray(data)
    for i in at:
        out[i] ^= 0xFF
    return bytes(out)


def _every_page(data: bytes) -> bytes:
    out = bytearray(data)
    for page in range(1, len(data) // PAGE):
        out[page * PAGE] ^= 0x55
    return bytes(out)


def _sqlite(make: Callable[[sqlite3.Connection], object]) -> Callable[[bytes, Path], None]:
    def build(good: bytes, path: Path) -> None:
        path.write_bytes(good)
        with closing(sqlite3.connect(path)) as db:
            make(db)
            db.commit()

    return build


DAMAGES: dict[str, Callable[[bytes, Path], object]] = {
    "truncated to half": lambda g, p: p.write_bytes(g[: len(g) // 2]),
    "truncated to 100 bytes": lambda g, p: p.write_bytes(g[:100]),
    "last page cut off": lambda g, p: p.write_bytes(g[:-PAGE]),
    "zero bytes": lambda g, p: p.write_bytes(b""),
    "header zeroed": lambda g, p: p.write_bytes(bytes(100) + g[100:]),
    "page 2 zeroed": lambda g, p: p.write_bytes(g[:PAGE] + bytes(PAGE) + g[2 * PAGE :]),
    "bytes flipped in page 3": lambda g, p: p.write_bytes(_flip(g, range(2 * PAGE, 2 * PAGE + 16))),
    "magic flipped": lambda g, p: p.write_bytes(_flip(g, range(0, 1))),
    "every page flipped": lambda g, p: p.write_bytes(_every_page(g)),
    "text file": lambda g, p: p.write_bytes(b"not a database, a note\n" * 200),
    "random bytes": lambda g, p: p.write_bytes(bytes((i * 7919) % 251 for i in range(20000))),
    "foreign SQLite file": lambda g, p: _sqlite(lambda db: db.execute("CREATE TABLE moz (x)"))(
        b"", p
    ),
    "a table dropped": _sqlite(lambda db: db.execute("DROP TABLE citations")),
}
COMMANDS = (
    ["list"],
    ["show", "x"],
    ["export", "-f", "csljson"],
    ["render"],
    ["check"],
    ["dedupe"],
    ["dedupe", "--apply"],
    ["merge", "a", "b"],
    ["distinct", "a", "b"],
    ["add", SEED0],
    ["backup"],
)


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_every_command_refuses_a_damaged_library(good: bytes, damage: str, tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    DAMAGES[damage](good, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for command in COMMANDS:
        code, out, err = refs_main(*command, "--library", str(path))
        assert code == 2, (damage, command, err)
        assert "Traceback" not in err
        assert len(err.splitlines()) == 1, (damage, command, err)
        assert out == ""
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    code, _, err = refs_main("doctor", "--library", str(path))
    assert code == 1 and "what to do:" in err, (damage, err)


def test_doctor_passes_a_sound_library(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    path.write_bytes(good)
    code, _, err = refs_main("doctor", "--library", str(path))
    assert code == 0 and "ok" in err


def test_doctor_finds_broken_invariants(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    _sqlite(lambda db: db.execute("DELETE FROM records WHERE id = 1"))(good, path)
    code, _, err = refs_main("doctor", "--library", str(path))
    assert code == 1
    assert "citation(s) of a reference that is not there" in err
    assert "key(s) leading to no reference" in err


def test_doctor_checks_the_journal(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    path.write_bytes(good)
    assert refs_main("tag", "ap2000kim", "korea", "--library", str(path))[0] == 0
    assert refs_main("doctor", "--library", str(path))[0] == 0  # a journal entry, sound

    def damage(db: sqlite3.Connection) -> None:
        db.execute("DELETE FROM journal")
        db.execute(
            "INSERT INTO journal_changes (entry, tbl, op, rid, old) "
            "VALUES (99, 'gone', 'D', 1, NULL)"
        )

    _sqlite(damage)(path.read_bytes(), path)
    code, _, err = refs_main("doctor", "--library", str(path))
    assert code == 1, err
    assert "journal change(s) of an entry that is not there" in err
    assert "journal key(s) of an entry that is not there" in err
    assert "journal change(s) of a table that is not there" in err
    assert "journal change(s) without the row image undo needs" in err


def test_doctor_finds_text_that_is_not_utf8(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    _sqlite(lambda db: db.execute("UPDATE records SET title = CAST(X'FFFE41' AS TEXT)"))(good, path)
    code, out, err = refs_main("list", "--library", str(path))
    assert code == 0 and "\ufffd" in out  # read, never a UnicodeDecodeError
    code, _, err = refs_main("doctor", "--library", str(path))
    assert code == 1 and "not UTF-8" in err


def test_backup_is_a_verified_copy(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    path.write_bytes(good)
    code, _, err = refs_main("backup", str(tmp_path / "copy.db"), "--library", str(path))
    assert code == 0 and "verified" in err
    a = refs_main("list", "--format", "json", "--library", str(path))
    b = refs_main("list", "--format", "json", "--library", str(tmp_path / "copy.db"))
    assert a == b
    code, _, err = refs_main("backup", "--library", str(path))
    assert code == 0 and (tmp_path / "lib.db.bak").is_file()
    code, _, err = refs_main("backup", "--library", str(path))
    assert code == 0 and (tmp_path / "lib.db.2.bak").is_file()  # never overwritten


def test_backup_onto_the_library_is_refused(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    path.write_bytes(good)
    code, _, err = refs_main("backup", str(path), "--library", str(path))
    assert code == 2 and "the library itself" in err
    assert path.read_bytes() == good


def test_a_migration_backs_up_first(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    shutil.copy(DATA / "libraries" / "v2-seeds-import.db", path)  # written by refs 0.1.0
    code, _, err = refs_main("list", "--library", str(path))
    assert code == 0, err
    copy = tmp_path / "lib.db.v2.bak"
    with closing(sqlite3.connect(copy)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert db.execute("SELECT count(*) FROM records").fetchone()[0] > 0


def test_a_zero_byte_file_is_not_made_a_library(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    path.write_bytes(b"")
    code, _, err = refs_main("add", SEED0, "--library", str(path))
    assert code == 2 and "empty file" in err
    assert path.read_bytes() == b""


def _full_disk() -> None:  # in the child: files may not grow past 8 KiB (EFBIG)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE stands in for a full disk")
def test_creating_a_library_on_a_full_disk_leaves_no_file(tmp_path: Path) -> None:
    refs = Path(sys.executable).with_name("refs")
    done = subprocess.run(
        [str(refs), "add", str(SEEDS), "--library", "lib.db"],
        cwd=tmp_path,
        preexec_fn=_full_disk,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2
    assert b"cannot create the library lib.db" in done.stderr
    assert b"Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []
