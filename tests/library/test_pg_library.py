"""What only a PostgreSQL library has: ``refs copy`` between SQLite and PostgreSQL
either way losing nothing, and a read-only role that reads but cannot write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import cast

import psycopg
import pytest

from refs.library.connection import ServerUrl, location
from refs.library.pg_connection import PgConnection
from refs.library.pg_store import analyze
from refs.library.store import Library
from tests.helpers import DATA, SEEDS
from tests.helpers.cli_run import run, run_main
from tests.helpers.postgres import Cluster, Databases

SEED0 = SEEDS / "000_ef633acc338f5415.txt"


@pytest.fixture
def databases(pg_cluster: Cluster) -> Iterator[Databases]:
    made = Databases(pg_cluster, "refs_pg_library")
    try:
        yield made
    finally:
        made.drop()


def _cared_for(lib: str) -> None:
    """A library with a bit of everything: articles, a merge, tags, a note, an edit,
    a distinct pair, a link decision, a journal with an undone entry."""
    steps = [
        ("add", str(SEEDS), str(DATA / "articles" / "range_issue.txt")),
        ("merge", "reuters2000us", "ap2000gore", "--force"),
        ("tag", "ap2000kim", "korea", "summit"),
        ("note", "ap2000kim", "check the date"),
        ("edit", "ap2000putin", "--set", "title=Putin visits Pyongyang"),
        ("distinct", "ap2000korea", "ap2000koreaa"),
        ("tag", "ap2000cohen", "later"),
        ("undo",),
    ]
    for step in steps:
        code, _, err = run(*step, "--library", lib)
        assert code == 0, (step, err)


def _dump(lib: str) -> list[str]:
    with Library(location(lib), create=False) as opened:
        return opened.dump()


def test_copy_to_postgresql_and_back_loses_nothing(tmp_path: Path, databases: Databases) -> None:
    first, server, back = str(tmp_path / "first.db"), databases.new(), str(tmp_path / "back.db")
    _cared_for(first)
    for source, target in ((first, server), (server, back)):
        code, _, err = run("copy", source, target)
        assert code == 0, err
    assert _dump(first) == _dump(server) == _dump(back)
    assert len(_dump(first)) > 100
    # the copy is a library like the first: search finds, undo undoes the same entry
    for lib in (first, server, back):
        code, out, err = run("search", "pyongyang", "--library", lib)
        assert code == 0 and "ap2000putin" in out, err
        assert run("undo", "--library", lib)[0] == 0
    assert _dump(first) == _dump(server) == _dump(back)


def test_copy_to_postgresql_gathers_the_planner_statistics(
    tmp_path: Path, databases: Databases
) -> None:
    first, server = str(tmp_path / "first.db"), databases.new()
    assert run("add", str(SEEDS), "--library", first)[0] == 0
    code, _, err = run("copy", first, server)
    assert code == 0, err
    with psycopg.connect(server) as conn:  # (autovacuum sets autoanalyze only)
        rows = conn.execute(
            "SELECT relname, last_analyze IS NOT NULL FROM pg_stat_user_tables"
        ).fetchall()
    assert {"records", "citations", "search_fts"} <= {name for name, _ in rows}
    assert all(analyzed for _, analyzed in rows), rows


def test_statistics_that_cannot_be_gathered_change_nothing() -> None:
    class Gone:
        def execute(self, sql: str) -> None:
            raise psycopg.OperationalError("server closed the connection unexpectedly")

    class Db:
        in_transaction = False
        conn = Gone()

    analyze(cast("PgConnection", Db()))  # no error: autovacuum gathers them too
    Db.in_transaction = True
    with pytest.raises(RuntimeError):
        analyze(cast("PgConnection", Db()))


def test_copy_refuses_a_target_that_holds_a_library(tmp_path: Path, databases: Databases) -> None:
    server = databases.new()
    assert run("add", str(SEED0), "--library", server)[0] == 0
    code, _, err = run("add", str(SEED0), "--library", str(tmp_path / "a.db"))
    before = _dump(server)
    code, _, err = run("copy", str(tmp_path / "a.db"), server)
    assert code == 2 and "is not empty" in err
    assert _dump(server) == before
    code, _, err = run("copy", str(tmp_path / "none.db"), server)
    assert code == 2 and "no library at" in err


def test_a_read_only_role_reads_and_may_not_write(
    tmp_path: Path, pg_cluster: Cluster, databases: Databases
) -> None:
    owner = databases.new()
    _cared_for(owner)
    name = owner.rsplit("/", 1)[1]
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS refs_reader")
        conn.execute("CREATE ROLE refs_reader LOGIN")
        conn.execute(f'GRANT CONNECT ON DATABASE "{name}" TO refs_reader')
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO refs_reader")
    reader = f"postgresql://refs_reader@127.0.0.1:{pg_cluster.port}/{name}"
    before = _dump(owner)
    out_file = tmp_path / "out.bib"
    reading = [
        ("list",),
        ("show", "ap2000kim"),
        ("search", "putin"),
        ("export", "--format", "biblatex", "-o", str(out_file)),
        ("render",),
        ("check",),
        ("history",),
    ]
    for step in reading:
        code, _, err = run(*step, "--library", reader)
        assert code in (0, 1) and "may only read" not in err, (step, err)  # check: findings
    writing = [
        ("add", str(SEED0)),
        ("tag", "ap2000kim", "x"),
        ("merge", "ap2000kim", "ap2000cohen", "--force"),
        ("undo",),
    ]
    for step in writing:
        code, _, err = run_main(*step, "--library", reader)
        lines = [line for line in err.splitlines() if line.startswith("refs: error")]
        assert code == 2 and len(lines) == 1 and "may only read this library" in lines[0], err
    assert _dump(owner) == before


def test_refs_library_names_a_server_and_a_password_is_never_shown(
    databases: Databases, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = databases.new()
    monkeypatch.setenv("REFS_LIBRARY", url)
    assert run("add", str(SEED0))[0] == 0
    code, out, _ = run("show", "ap2000kim")
    assert code == 0 and "ap2000kim" in out
    secret = url.replace("postgresql://refs@", "postgresql://refs:s3cret@")
    named = location(secret)
    assert isinstance(named, ServerUrl) and named.shown == url.replace("refs@", "refs:***@")


def test_an_unreachable_server_is_one_line(pg_cluster: Cluster) -> None:
    gone = f"postgresql://nobody:s3cret@127.0.0.1:{pg_cluster.port}/no_such_database"
    code, _, err = run_main("list", "--library", gone)
    assert code == 2 and "s3cret" not in err and "Traceback" not in err
    assert err.startswith("refs: error: cannot open the library postgresql://nobody:***@")


def test_a_reading_command_sees_one_snapshot(databases: Databases) -> None:
    url = databases.new()
    assert run("add", str(SEED0), "--library", url)[0] == 0
    with Library(location(url), create=False) as reader:
        before = reader.counts()
        assert run("add", str(SEEDS / "001_71ef8663aa33fb13.txt"), "--library", url)[0] == 0
        assert reader.counts() == before  # not half of the other command, nor all of it
    with Library(location(url), create=False) as later:
        assert later.counts()["articles"] == before["articles"] + 1
