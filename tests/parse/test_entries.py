from __future__ import annotations

import pytest

from refs.models import Span
from refs.parse.entries import clean_title, parse_entry, split_parts
from refs.parse.separators import split_entries

SPAN = Span(start=0, end=1, line=1)


def entry(raw: str) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    ref, _ = parse_entry(raw, 0, SPAN, "x.txt")
    return ref.title, ref.outlet, ref.date_text, ref.flags


@pytest.mark.parametrize(
    ("raw", "title", "outlet", "date"),
    [
        (
            "Kim indicates he would halt missiles, Associated Press, October 24",
            "Kim indicates he would halt missiles",
            "Associated Press",
            "October 24",
        ),
        (
            "Russia, North Korea - US missile fears groundless, Reuters, July 20",
            "Russia, North Korea - US missile fears groundless",
            "Reuters",
            "July 20",
        ),
        (
            "START/ABM Issues - interview with John Holum, "
            "US State Department (Washington File), October 2000",
            "START/ABM Issues - interview with John Holum",
            "US State Department (Washington File)",
            "October 2000",
        ),
        (
            "Prep Com agrees budget, OMRI Daily Digest, No. 221, Part I, January 29",
            "Prep Com agrees budget",
            "OMRI Daily Digest, No. 221, Part I",
            "January 29",
        ),
        (
            "Statement on talks, provided by the Disarmament and Security Centre, "
            "New Zealand, August 7",
            "Statement on talks",
            "provided by the Disarmament and Security Centre, New Zealand",
            "August 7",
        ),
        (
            "Background briefing on bilateral,' The White House, July 21",
            "Background briefing on bilateral",
            "The White House",
            "July 21",
        ),
        (  # a word that starts like "No"/"Vol" plus a roman digit is no issue number
            "AAA, AAA, Nol, January 1",
            "AAA, AAA",
            "Nol",
            "January 1",
        ),
        ("Digest, OMRI, No.221, Pt.II, May 2", "Digest", "OMRI, No.221, Pt.II", "May 2"),
        ("Talks end, Reuters, November 16.", "Talks end", "Reuters", "November 16"),
        ("Talks end, Reuters, October 24, 2000", "Talks end", "Reuters", "October 24, 2000"),
        ('Talks end, "Reuters", 24 October', "Talks end", "Reuters", "24 October"),
        (
            "Talks end, Le Monde (Paris, France), Nov. 3",
            "Talks end",
            "Le Monde (Paris, France)",
            "Nov. 3",
        ),
    ],
)
def test_entries_read_from_the_right(raw: str, title: str, outlet: str, date: str) -> None:
    got_title, got_outlet, got_date, _ = entry(raw)
    assert (got_title, got_outlet, got_date) == (title, outlet, date)


def test_damaged_text_kept_and_flagged() -> None:
    title, outlet, _, flags = entry(
        "N. Korea US-N.Korea talks have '', Associated Press, November 6"
    )
    assert title == "N. Korea US-N.Korea talks have ''"
    assert outlet == "Associated Press" and "damaged-text" in flags
    _, _, _, flags = entry("We didn' know, Reuters, May 3")
    assert "damaged-text" in flags


def test_cut_off_entries_are_reported_not_completed() -> None:
    ref, notes = parse_entry("Putin visits North Korea, Associated", 3, SPAN, "x.txt")
    assert ref.date_text is None and "no-date" in ref.flags
    assert {n.code for n in notes} == {"S001"}
    assert all(n.line == 1 and n.file == "x.txt" for n in notes)
    ref, notes = parse_entry("Putin visits North Korea", 0, SPAN, "x.txt")
    assert ref.title == "Putin visits North Korea" and ref.outlet is None
    assert {"no-date", "no-outlet"} <= set(ref.flags)
    ref, _ = parse_entry("Reuters", 0, SPAN, "x.txt")
    assert ref.outlet == "Reuters" and ref.title == "" and "no-title" in ref.flags


def test_splitting_respects_brackets() -> None:
    assert split_parts("a, b (c, d), e") == ["a", "b (c, d)", "e"]
    assert split_entries("a; b (x; y); c") == [(0, 1), (2, 11), (12, 14)]


def test_clean_title() -> None:
    assert clean_title("bilateral,'") == "bilateral"
    assert clean_title("talks have ''") == "talks have ''"
    assert clean_title("'Quoted' start") == "'Quoted' start"


def test_comma_joined_parts_are_no_alias_of_one_outlet() -> None:
    # "THE, Associated Press" folds like "The Associated Press" but holds a comma
    assert entry("AAA, THE, Associated Press, January 1")[:3] == (
        "AAA, THE",
        "Associated Press",
        "January 1",
    )
