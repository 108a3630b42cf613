from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refs.dates import (
    DateText,
    edge_guess,
    format_date,
    infer,
    month_days,
    read_date,
    read_issue_date,
)
from refs.models import PartialDate

NOV_2000 = PartialDate(year=2000, month=11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 24", DateText(None, 10, 24)),
        ("24 October", DateText(None, 10, 24)),
        ("Nov. 3", DateText(None, 11, 3)),
        ("Nov 3", DateText(None, 11, 3)),
        ("Sept. 30", DateText(None, 9, 30)),
        ("October 2000", DateText(2000, 10, None)),
        ("October 24, 2000", DateText(2000, 10, 24)),
        ("24 Oct. 2000", DateText(2000, 10, 24)),
        ("October 23-24", DateText(None, 10, 23, 24)),
        ("May 3 & 4", DateText(None, 5, 3, 4)),
        ("3 and 4 May", DateText(None, 5, 3, 4)),
        ("June 30/July 1", DateText(None, 6, 30)),
        ("mid-October", DateText(None, 10, None)),
        ("early November 2000", DateText(2000, 11, None)),
        ("2 May.", DateText(None, 5, 2)),
        ("1999", DateText(1999, None, None)),
        ("July", DateText(None, 7, None)),
    ],
)
def test_read_date_forms(text: str, expected: DateText) -> None:
    assert read_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "Reuters", "Mayor 3", "October 45", "the 3rd", "October 24 and 25 or so maybe later"],
)
def test_read_date_rejects(text: str) -> None:
    assert read_date(text) is None


def test_year_from_issue_and_year_before() -> None:
    assert infer(DateText(None, 10, 24), NOV_2000).iso() == "2000-10-24"
    assert infer(DateText(None, 12, 30), PartialDate(year=2001, month=1)).iso() == "2000-12-30"
    inferred = infer(DateText(None, 11, 3), NOV_2000)
    assert inferred.year_inferred and inferred.iso() == "2000-11-03"


def test_late_issues_keep_their_year_and_the_far_side_goes_back() -> None:
    feb_2001 = PartialDate(year=2001, month=2)
    # Issue No. 54, February 2001 cites "Yonhap, March 1": the issue came out late
    assert infer(DateText(None, 3, 1), feb_2001).iso() == "2001-03-01"
    assert infer(DateText(None, 4, 30), feb_2001).iso() == "2001-04-30"
    assert infer(DateText(None, 5, 1), feb_2001).iso() == "2000-05-01"  # far side: back
    assert infer(DateText(None, 12, 30), feb_2001).iso() == "2000-12-30"


def test_edge_guesses_are_the_months_just_after_the_issue() -> None:
    feb_2001 = PartialDate(year=2001, month=2)
    months = [
        m for m in range(1, 13) if edge_guess(infer(DateText(None, m, 1), feb_2001), feb_2001)
    ]
    assert months == [3, 4, 5]
    assert not edge_guess(infer(DateText(2001, 3, 1), feb_2001), feb_2001)  # year written
    assert not edge_guess(infer(DateText(None, 3, 1), None), None)


def test_written_year_wins_and_precision_kept() -> None:
    date = infer(DateText(1999, 10, None), NOV_2000)
    assert date.iso() == "1999-10" and not date.year_inferred


def test_no_issue_no_year_invented() -> None:
    assert infer(DateText(None, 10, 24), None).iso() == "--10-24"
    assert infer(DateText(None, 10, None), None).iso() == "--10"


def test_issue_ranges() -> None:
    assert read_issue_date("November 2000") == (NOV_2000, NOV_2000)
    start, end = read_issue_date("February - March 1997") or (None, None)
    assert start == PartialDate(year=1997, month=2) and end == PartialDate(year=1997, month=3)
    start, end = read_issue_date("December 1999 - January 2000") or (None, None)
    assert start == PartialDate(year=1999, month=12) and end == PartialDate(year=2000, month=1)
    start, _ = read_issue_date("December - January 2000") or (None, None)
    assert start == PartialDate(year=1999, month=12)
    assert read_issue_date("sometime") is None


def test_format_date() -> None:
    assert format_date(PartialDate(year=2000, month=10, day=24), with_year=False) == "October 24"
    assert format_date(PartialDate(year=2000, month=10), with_year=False) == "October 2000"
    assert (
        format_date(PartialDate(year=2000, month=10, day=24), with_year=True) == "October 24, 2000"
    )


@given(st.integers(1, 12), st.none() | st.integers(1, 9999))
def test_month_days_are_the_calendars(month: int, year: int | None) -> None:
    import calendar

    assert month_days(month, year) == calendar.monthrange(year or 2000, month)[1]
