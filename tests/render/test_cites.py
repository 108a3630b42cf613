"""Citations written on the command line (refs/render/cites.py)."""

from __future__ import annotations

import pytest

from refs.errors import UsageError
from refs.render.cites import parse_citation
from refs.render.engine import CiteSpec


def test_key_and_locators() -> None:
    assert parse_citation("a") == [CiteSpec("a")]
    assert parse_citation("a:12") == [CiteSpec("a", locator="12", label="page")]
    assert parse_citation("a:page 12") == [CiteSpec("a", locator="12", label="page")]
    assert parse_citation("a:pp. 3-5") == [CiteSpec("a", locator="3-5", label="page")]
    assert parse_citation("a:chapter 3;b") == [
        CiteSpec("a", locator="3", label="chapter"),
        CiteSpec("b"),
    ]


@pytest.mark.parametrize("bad", ["", ";", ":12", "a:foo 3"])
def test_bad_citations_are_usage_errors(bad: str) -> None:
    with pytest.raises(UsageError):
        parse_citation(bad)
