"""Shared fixtures and the --update-golden flag."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tests.helpers import DATA, ROOT, SEEDS

__all__ = ["DATA", "ROOT", "SEEDS"]

# Hypothesis budgets: "ci" (the default) keeps the whole suite to a few minutes;
# "nightly" (HYPOTHESIS_PROFILE=nightly make test) runs a hundred times as many examples
# in the properties that take their budget from the profile (the fuzz tests).
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("nightly", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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
