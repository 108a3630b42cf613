"""PostgreSQL for the tests: the throw-away cluster of bench.pg_cluster (one per test
session, the ``pg_cluster`` fixture) and fresh databases on it per test."""

from __future__ import annotations

from bench.pg_cluster import Cluster, bindir, start_cluster

__all__ = ["Cluster", "Databases", "bindir", "start_cluster"]


class Databases:
    """Fresh, empty databases on a cluster, each dropped when the test ends."""

    def __init__(self, cluster: Cluster, prefix: str) -> None:
        self.cluster = cluster
        self.prefix = prefix
        self.made: list[str] = []

    def new(self) -> str:
        """The URL of a new, empty database."""
        import psycopg

        name = f"{self.prefix}_{len(self.made)}"
        with psycopg.connect(self.cluster.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        return self.cluster.url(name)

    def drop(self) -> None:
        import psycopg

        with psycopg.connect(self.cluster.url(), autocommit=True) as conn:
            for name in self.made:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
