"""Dates named in body text: absolute (``November 3``, ``Nov. 3``, ``October 23-24``,
``24 October``, ``October 1994``, ``August '98``, ``mid-July``, ``in July``) and relative
(``the following day``, ``the same day``, ``two days later``).

Years come from the issue date as for source lists: a month after the issue month belongs
to the year before. Nothing is invented: a month stays a month.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from refs.dates import MONTH_NAMES, MONTHS
from refs.models import PartialDate
from refs.models.trusted import filled
from refs.patterns import compiled

_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_YEAR = r"(?:,?\s+(?P<year>1[89]\d\d|20\d\d)\b|\s+'(?P<yy>\d\d)\b)"
_ORD = r"(?:st|nd|rd|th)?"
# "5 November", "3-4 December", "3 and 4 December", "5th November"
_DAY_FIRST = compiled(
    r"\b(?P<d1>[0-3]?\d)" + _ORD + r"(?:\s*(?:[-–]|and|to|&)\s*(?P<d2>[0-3]?\d)" + _ORD + r")?"
    r"(?:\s+of)?\s+" + _MON + r"\b" + f"{_YEAR}?"
)
_MONTH_FIRST = compiled(
    r"(?:(?P<part>early|mid|late)[- ]?)?\b" + _MON + r"(?!\w)"
    r"(?:\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    r"(?:\s*(?:[-–]|and|to|&)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?)?" + f"{_YEAR}?",
)
# a bare month needs a word that makes it a date ("in July", "an October interview")
_BARE_OK = compiled(
    r"(?:\b(?:in|during|since|until|by|of|an?|last|this|next|from|to|through|and|early"
    r"|mid|late)[- ]|\()\s*$",
    re.IGNORECASE,
)

_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_RELATIVE = [
    (compiled(r"\b(?:the\s+)?(?:following|next)\s+day\b|\bthe\s+day\s+after\b", re.I), 1),
    (compiled(r"\b(?:the\s+same|that)\s+(?:day|evening|morning|afternoon)\b", re.I), 0),
    (compiled(r"\b(?:the\s+)?(?:previous|preceding)\s+day\b|\bthe\s+day\s+before\b", re.I), -1),
]
_N_DAYS = compiled(
    r"\b(?P<n>a|one|two|three|four|five|six|\d)\s+days?\s+(?P<dir>later|earlier|before|after)\b",
    re.I,
)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = compiled(
    r"\b(?P<word>on|this|last|next)\s+(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    dates: tuple[PartialDate, ...]  # one date, or the two ends of a range
    text: str


@dataclass(frozen=True)
class RelativeMention:
    start: int
    end: int
    offset_days: int
    text: str


def infer_year(month: int, issue: PartialDate | None) -> int | None:
    """The year of a month named without one, from the issue date."""
    if issue is None or issue.year is None:
        return None
    if issue.month is not None and month > issue.month:
        return issue.year - 1
    return issue.year


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if day is None:
        return True
    try:
        date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _make(
    month: int, day: int | None, year: int | None, issue: PartialDate | None
) -> PartialDate | None:
    inferred = year is None
    y = year if year is not None else infer_year(month, issue)
    if not _valid(y, month, day):
        return None
    found = {"year": y, "month": month, "day": day, "year_inferred": inferred and y is not None}
    return filled(PartialDate, found)


def _year_of(m: re.Match[str]) -> int | None:
    if m.group("year"):
        return int(m.group("year"))
    if m.group("yy"):
        yy = int(m.group("yy"))
        return 1900 + yy if yy > 30 else 2000 + yy
    return None


def find_dates(text: str, issue: PartialDate | None) -> list[DateMention]:
    """Absolute dates in ``text`` in order of appearance."""
    found: list[DateMention] = []
    # spans of the day-first dates, in order and apart (finditer): a month-first match is
    # free unless the last span starting before its end reaches into it (a bisection,
    # never a scan of every span: 32,000 dates in one paragraph stay linear)
    starts: list[int] = []
    ends: list[int] = []

    def free(s: int, e: int) -> bool:
        i = bisect.bisect_left(starts, e) - 1
        return i < 0 or ends[i] <= s

    for m in _DAY_FIRST.finditer(text):
        month = MONTHS[m.group("mon").rstrip(".").lower()]
        year = _year_of(m)
        numbers = [int(m.group("d1"))] + ([int(m.group("d2"))] if m.group("d2") else [])
        dates = [_make(month, d, year, issue) for d in numbers]
        if all(d is not None for d in dates):
            found.append(DateMention(m.start(), m.end(), tuple(d for d in dates if d), m[0]))
            starts.append(m.start())
            ends.append(m.end())
    for m in _MONTH_FIRST.finditer(text):
        if not free(m.start(), m.end()):
            continue
        month = MONTHS[m.group("mon").rstrip(".").lower()]
        year = _year_of(m)
        if m.group("d1"):
            days: list[int | None] = [int(m.group("d1"))]
            if m.group("d2"):
                days.append(int(m.group("d2")))
        else:
            bare = not m.group("part") and year is None
            if bare and not _BARE_OK.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            days = [None]
        dates = [_make(month, d, year, issue) for d in days]
        if all(d is not None for d in dates):
            found.append(DateMention(m.start(), m.end(), tuple(d for d in dates if d), m[0]))
    found.sort(key=lambda d: d.start)
    return found


def find_relative(text: str) -> list[RelativeMention]:
    """Relative day expressions in ``text`` with their offset in days."""
    out: list[RelativeMention] = []
    for rx, offset in _RELATIVE:
        out.extend(RelativeMention(m.start(), m.end(), offset, m[0]) for m in rx.finditer(text))
    for m in _N_DAYS.finditer(text):
        n_text = m.group("n").lower()
        n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS[n_text]
        sign = 1 if m.group("dir").lower() in ("later", "after") else -1
        out.append(RelativeMention(m.start(), m.end(), sign * n, m[0]))
    out.sort(key=lambda r: r.start)
    return out


@dataclass(frozen=True)
class WeekdayMention:
    start: int
    end: int
    weekday: int  # Monday 0 .. Sunday 6
    direction: int  # 0: on or after the date in force, -1: before it, 1: after it
    text: str


def find_weekdays(text: str) -> list[WeekdayMention]:
    """``on Monday``, ``this Friday``, ``last Tuesday``, ``next Sunday`` in ``text``."""
    out = []
    for m in _WEEKDAY.finditer(text):
        word = m.group("word").lower()
        direction = -1 if word == "last" else 1 if word == "next" else 0
        weekday = _WEEKDAYS.index(m.group("day").lower())
        out.append(WeekdayMention(m.start(), m.end(), weekday, direction, m[0]))
    return out


def weekday_offset(base: PartialDate, mention: WeekdayMention) -> int | None:
    """Days from ``base`` (a full date) to the weekday named: the one on or after it for
    ``on``/``this`` (a story moves forward), the one before for ``last``, the one after
    for ``next``."""
    start = to_date(base)
    if start is None:
        return None
    ahead = (mention.weekday - start.weekday()) % 7
    if mention.direction < 0:
        return ahead - 7
    if mention.direction > 0:
        return ahead or 7
    return ahead


def shift(base: PartialDate, days: int) -> PartialDate | None:
    """``base`` moved by ``days``; None unless ``base`` is a full date."""
    start = to_date(base)
    if start is None:
        return None
    moved = start + timedelta(days=days)
    return filled(
        PartialDate,
        {
            "year": moved.year,
            "month": moved.month,
            "day": moved.day,
            "year_inferred": base.year_inferred,
        },
    )


def to_date(d: PartialDate) -> date | None:
    """A ``datetime.date`` for a full date, else None."""
    if d.year is None or d.month is None or d.day is None:
        return None
    try:
        return date(d.year, d.month, d.day)
    except ValueError:  # an impossible date as found in the text
        return None


# Dates without a year (a page with no issue header) are compared within a stand-in
# leap year that no article uses: the claims and the references of one article lack the
# year alike.
NO_YEAR = 1600


def spoken_day(d: date) -> str:
    """``November 3, 2000`` for evidence text (without the stand-in year)."""
    year = None if d.year == NO_YEAR else d.year
    return spoken(filled(PartialDate, {"year": year, "month": d.month, "day": d.day}))


def spoken(d: PartialDate) -> str:
    """``November 3, 2000`` / ``July 2000`` for evidence text."""
    if d.month is None:
        return str(d.year) if d.year else "?"
    out = MONTH_NAMES[d.month - 1]
    if d.day is not None:
        out += f" {d.day}"
    if d.year is not None:
        out += f", {d.year}" if d.day is not None else f" {d.year}"
    return out
