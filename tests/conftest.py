"""Shared fixtures and the --update-golden flag."""

from __future__ import annotations

import pytest

from tests.helpers import DATA, ROOT, SEEDS

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
