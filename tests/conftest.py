"""Shared fixtures and the --update-golden flag."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import DATA, ROOT, SEEDS
from tests.helpers.consumers import need
from tests.helpers.postgres import Cluster, bindir, start_cluster

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
