"""Many rows in one statement on PostgreSQL (refs.library.pg_rows): which inserts go
as inserts of many rows, how rows are cut into chunks (never one conflict key twice in
a chunk of ``DO UPDATE``), and on a server, that the rows land as one statement per
row would have put them; a writing command plans its lookups as index probes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refs.dedupe.clusters import make_item
from refs.dedupe.reach import Cell
from refs.library import pg_rows
from refs.library.connection import location
from refs.library.lookups import items_in
from refs.library.store import Library
from tests.helpers.postgres import Cluster, Databases

UPSERT = (
    "INSERT INTO key_bases (base, free) VALUES (?, ?) "
    "ON CONFLICT (base) DO UPDATE SET free = EXCLUDED.free"
)


def test_an_insert_of_one_row_of_values_is_taken_apart() -> None:
    shaped = pg_rows.shape("INSERT INTO keys (key, record_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
    assert shaped == pg_rows.Shape(
        "INSERT INTO keys (key, record_id) VALUES ", "(?, ?)", " ON CONFLICT DO NOTHING", None
    )
    assert pg_rows.statement(shaped, 2) == (
        "INSERT INTO keys (key, record_id) VALUES ($1, $2), ($3, $4) ON CONFLICT DO NOTHING"
    )
    quoted = pg_rows.shape('INSERT INTO "records" ("rowid", "key") VALUES (?, ?)')
    assert quoted is not None and quoted.row == "(?, ?)"
    nested = pg_rows.shape("INSERT INTO t (a, b) VALUES (?, f(g(?), 'x)'))")
    assert nested is not None and nested.row == "(?, f(g(?), 'x)'))"
    assert pg_rows.shape(UPSERT) == pg_rows.Shape(
        "INSERT INTO key_bases (base, free) VALUES ",
        "(?, ?)",
        UPSERT[UPSERT.index(" ON CONFLICT") :],
        (0,),
    )


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO t SELECT ?, ?",
        "INSERT INTO t (a) SELECT ?",
        "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)",
        "UPDATE t SET a = ? WHERE b = ?",
        "DELETE FROM t WHERE a = ?",
        # a conflict key that is not a plain value: one statement per row
        "INSERT INTO t (a, b) VALUES (lower(?), ?) ON CONFLICT (a) DO UPDATE SET b = 1",
    ],
)
def test_other_statements_go_one_row_at_a_time(sql: str) -> None:
    assert pg_rows.shape(sql) is None


def test_the_parameters_are_numbered_in_order() -> None:
    assert pg_rows.numbered("SELECT ? + ?::float8, f(?)") == "SELECT $1 + $2::float8, f($3)"


rows = st.lists(st.tuples(st.integers(0, 5), st.integers()), max_size=60)


@given(rows, st.integers(1, 7))
def test_chunks_keep_the_rows_in_order_and_a_key_once_a_chunk(
    got: list[tuple[int, int]], most: int
) -> None:
    shaped = pg_rows.shape(UPSERT)
    assert shaped is not None
    chunks = list(pg_rows.chunks(shaped, got, most))
    assert [r for c in chunks for r in c] == got
    assert all(0 < len(c) <= most and len({r[0] for r in c}) == len(c) for c in chunks)


def test_many_rows_land_as_one_statement_per_row_would_put_them(library_url: str) -> None:
    """On both backends: the last row of a key wins, rows ignored stay out."""
    with Library(location(library_url), create=True) as lib, lib.transaction():
        pairs = [(f"b{i % 7}", i) for i in range(1_200)]
        lib.db.executemany(UPSERT, pairs)
        lib.db.executemany("INSERT OR IGNORE INTO key_bases VALUES (?, ?)", [("b1", -1), ("c", 3)])
        got = dict(lib.db.execute("SELECT base, free FROM key_bases").fetchall())
    assert got == {
        **{f"b{i}": max(j for j in range(1_200) if j % 7 == i) for i in range(7)},
        "c": 3,
    }


class _Undone(Exception):
    """Ends a transaction of a test without its changes."""


def test_a_writing_command_probes_a_grown_table_by_its_index(
    pg_cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table grown inside the command has no statistics; the cells of a batch are
    still looked up through the index, not by reading every record (every batch)."""
    databases = Databases(pg_cluster, "refs_pg_rows")
    try:
        plans = _plans_of_a_lookup(databases.new(), monkeypatch)
    finally:
        databases.drop()
    assert plans and not any("Seq Scan on records" in p for p in plans), plans


def _plans_of_a_lookup(url: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The plans of items_in's statements for 200 cells, in a writing transaction that
    put 20,000 records in first."""
    plans: list[str] = []
    with Library(location(url), create=True) as lib, pytest.raises(_Undone), lib.transaction():
        lib.db.execute(
            "INSERT INTO records (id, key, title, year, month, day, year_inferred, type, "
            "match_title, match_outlet, match_cited) SELECT g, 'k' || g, 't' || g, "
            "1990 + g % 20, 1 + g % 12, 1 + g % 28, 0, 'article', 't' || g, 'o' || g % 9, ''"
            " FROM generate_series(1, 20000) AS g"
        )
        cells = {
            Cell("day", f"o{i % 9}", 1990 + i % 20, 1 + i % 12, 1 + i % 28): [
                make_item("~", f"t{i}", f"o{i % 9}", None, None)
            ]
            for i in range(200)
        }
        real_execute = lib.db.execute

        def explained(sql: str, params: object = None) -> object:
            if sql.startswith("WITH w"):
                plans.extend(str(r[0]) for r in real_execute("EXPLAIN " + sql, params))
            return real_execute(sql, params)

        monkeypatch.setattr(lib.db, "execute", explained)
        assert len(items_in(lib, cells)) > 0
        raise _Undone
    return plans
