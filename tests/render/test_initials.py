"""Initials of given names (refs.render.initials) and cites joined as citeproc-js joins
them (refs.render.collapse.join_cites)."""

from __future__ import annotations

import pytest

from refs.render.collapse import join_cites
from refs.render.initials import initialize


@pytest.mark.parametrize(
    ("given", "mark", "full", "expected"),
    [
        ("ME", ". ", True, "M."),
        ("ME", ". ", False, "ME"),
        ("M.E", " ", True, "M E"),
        ("John M.E.", "", True, "JME"),
        ("John M.E.", "", False, "John ME"),
        ("John M.E.", ". ", False, "John M. E."),
        ("ME.", ".", True, "ME."),
        ("Me.", " ", True, "Me"),
        ("Ph. M.E.", "", True, "PhME"),
        ("Ph.M.E.", ". ", False, "Ph. M. E."),
        ("Jean-Pierre", ". ", True, "J.-P."),
        ("Jae-won", ".", True, "J."),
        ("Jean de", ". ", True, "J. de"),
    ],
)
def test_initials_as_citeproc_js_writes_them(
    given: str, mark: str, full: bool, expected: str
) -> None:
    assert initialize(given, mark, full) == expected


def test_hyphens_become_spaces_without_initialize_with_hyphen() -> None:
    assert initialize("Jean-Pierre", ".", True, hyphen=False) == "J.P."


def test_cites_joined_around_punctuation() -> None:
    assert join_cites(["A", ", cited in B"], "; ") == "A, cited in B"
    assert join_cites(["A is one,", "B"], "; ") == "A is one, B"
    assert join_cites(["A f.", "B"], "; ") == "A f.; B"
    assert join_cites([], "; ") is None
