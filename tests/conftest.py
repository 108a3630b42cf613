"""Shared fixtures and the --update-golden flag."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import DATA, ROOT, SEEDS
from tests.helpers.consumers import need
from tests.helpers.postgres import Cluster, Databases, bindir, start_cluster

# Hypothesis budgets: "dev" for a quick local run, "ci" (chosen when CI is set) a fixed,
# reproducible budget of a few minutes, "nightly" for long local runs:
#   HYPOTHESIS_PROFILE=nightly make test
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "nightly", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


__all__ = ["DATA", "ROOT", "SEEDS"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/golden from the current output",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A throw-away PostgreSQL cluster for the session (skips without a server, fails in CI)."""
    programs = bindir()
    need("PostgreSQL (initdb, pg_ctl)", programs is not None)
    assert programs is not None
    cluster = start_cluster(programs)
    try:
        yield cluster
    finally:
        cluster.stop()


_SERIAL = itertools.count()
# A new library: a file name for SQLite, ignored on PostgreSQL (a new database each call).
NewLibrary = Callable[..., str]


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Each test that takes a library runs on both backends."""
    return str(request.param)


@pytest.fixture
def new_library(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[NewLibrary]:
    """Makes libraries as --library names them: a file under tmp_path, or a fresh
    database on the session's PostgreSQL cluster (skips without a server; CI fails)."""
    if backend == "sqlite":
        yield lambda name="lib.db": str(tmp_path / name)
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    databases = Databases(cluster, f"refs_test_{os.getpid()}_{next(_SERIAL)}")
    try:
        yield lambda name="": databases.new()
    finally:
        databases.drop()


@pytest.fixture
def library_url(new_library: NewLibrary) -> str:
    """One library for the test, on each backend (see new_library)."""
    return new_library()
