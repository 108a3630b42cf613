"""The throw-away PostgreSQL cluster of the test session answers queries and keeps
databases apart (the ground the PostgreSQL library tests stand on)."""

from __future__ import annotations

import psycopg

from tests.helpers.postgres import Cluster


def test_cluster_answers(pg_cluster: Cluster) -> None:
    with psycopg.connect(pg_cluster.url()) as conn:
        row = conn.execute("select current_user, current_setting('server_encoding')").fetchone()
    assert row == ("refs", "UTF8")


def test_cluster_creates_databases(pg_cluster: Cluster) -> None:
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute("drop database if exists refs_probe")
        conn.execute("create database refs_probe")
    with psycopg.connect(pg_cluster.url("refs_probe")) as conn:
        conn.execute("create table t (x integer primary key)")
        conn.execute("insert into t values (1)")
        assert conn.execute("select count(*) from t").fetchone() == (1,)
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        conn.execute("drop database refs_probe")


def test_cluster_listens_on_loopback_only(pg_cluster: Cluster) -> None:
    with psycopg.connect(pg_cluster.url()) as conn:
        row = conn.execute("SHOW listen_addresses").fetchone()
        assert row == ("127.0.0.1",)
