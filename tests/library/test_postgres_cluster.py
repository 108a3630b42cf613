"""The throw-away PostgreSQL cluster of the tests starts, takes connections by the URL
refs is given, and runs as an unprivileged user."""

from __future__ import annotations

import psycopg

from tests.helpers.postgres import Cluster


def test_cluster_takes_connections_by_url(pg_cluster: Cluster) -> None:
    with psycopg.connect(pg_cluster.url()) as conn:
        row = conn.execute("SHOW server_version_num").fetchone()
        assert row is not None and int(row[0]) >= 150000
        user = conn.execute("SELECT current_user").fetchone()
        assert user == ("refs",)


def test_cluster_listens_on_loopback_only(pg_cluster: Cluster) -> None:
    with psycopg.connect(pg_cluster.url()) as conn:
        row = conn.execute("SHOW listen_addresses").fetchone()
        assert row == ("127.0.0.1",)
