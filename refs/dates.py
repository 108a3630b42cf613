"""Date text + issue date -> PartialDate. The year is inferred from the issue; nothing is
invented: the precision the text gives is kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from refs.models import PartialDate
from refs.models.trusted import filled
from refs.patterns import compiled

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

_MONTH = r"(?P<{name}>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_RANGE = r"\s*(?:[-–/&]|and)\s*"
_SEASON = r"(?:(?:early|mid|late|end|beginning of|end of)[\s-]+)?"

_PATTERNS = [
    # October 24 / Nov. 3 / October 24, 2000 / October 23-24 / May 3 & 4
    compiled(
        rf"^{_MONTH.format(name='month')}\s*{_DAY.format(name='day')}"
        rf"(?:{_RANGE}{_DAY.format(name='day2')})?(?:\s*,?\s*{_YEAR})?$",
        re.IGNORECASE,
    ),
    # 24 October / 24 Oct. 2000 / 23-24 October / 3 and 4 May
    compiled(
        rf"^{_DAY.format(name='day')}(?:{_RANGE}{_DAY.format(name='day2')})?\s*"
        rf"{_MONTH.format(name='month')}(?:\s*,?\s*{_YEAR})?$",
        re.IGNORECASE,
    ),
    # June 30/July 1, June 30 - July 1 (the first day is the date)
    compiled(
        rf"^{_MONTH.format(name='month')}\s*{_DAY.format(name='day')}\s*[-–/]\s*"
        rf"{_MONTH.format(name='month2')}\s*{_DAY.format(name='day3')}(?:\s*,?\s*{_YEAR})?$",
        re.IGNORECASE,
    ),
    # October 2000 / October / mid-October / early October 2000
    compiled(rf"^{_SEASON}{_MONTH.format(name='month')}(?:\s*,?\s*{_YEAR})?$", re.IGNORECASE),
    # 30 October - 1 November (the first day is the date)
    compiled(
        rf"^{_DAY.format(name='day')}\s*{_MONTH.format(name='month')}\s*[-–/]\s*"
        rf"{_DAY.format(name='day3')}\s*{_MONTH.format(name='month2')}(?:\s*,?\s*{_YEAR})?$",
        re.IGNORECASE,
    ),
    # 2000-10-24 (ISO)
    compiled(r"^(?P<year>(?:19|20)\d\d)-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d)$"),
    # Spring 2000 (a season gives the year only)
    compiled(rf"^(?:spring|summer|autumn|fall|winter)\s*,?\s*{_YEAR}$", re.IGNORECASE),
    # 2000
    compiled(rf"^{_YEAR}$"),
]
# A weekday or "on" before a date: "Tuesday, October 28", "Sat. 25 Oct.", "on May 5".
_LEAD_RE = compiled(
    r"^(?:on\s+|(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?"
    r"\.?\s*,?\s+)",
    re.IGNORECASE,
)
_NUMERIC_RE = compiled(r"^(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d|\d\d)$")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

ISSUE_DATE_RE = compiled(
    r"(?P<m1>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)"
    r"(?:[\s,]*(?P<y1>(?:19|20)\d\d))?"
    r"(?:\s*[-–/]\s*(?P<m2>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?))?"
    r"[\s,]*(?P<year>(?:19|20)\d\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateText:
    """A date as written, before the year is inferred."""

    year: int | None
    month: int | None
    day: int | None
    day_end: int | None = None  # for day ranges such as "October 23-24"


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


@lru_cache(maxsize=8192)
def read_date(text: str) -> DateText | None:
    """Read a date as written (``October 24``, ``24 October``, ``Nov. 3``, ``October 2000``).
    None when the text is not a date or names an impossible day."""
    written = _read(text)
    return written if isinstance(written, DateText) else None


def unreadable_date(text: str) -> str | None:
    """Why a date-shaped text cannot be kept as a date: it names a day its month does not
    have (``February 30``), or it is all numbers with day and month in an unknown order
    (``12/05/97``). None for a readable date and for text that is no date at all."""
    found = _read(text)
    return found if isinstance(found, str) else None


@lru_cache(maxsize=2048)
def _read(text: str) -> DateText | str | None:
    text = " ".join(text.split()).strip(" .,")
    if not text or len(text) > 48:
        return None
    if text[0].isdigit() and (numeric := _NUMERIC_RE.match(text)):
        return _read_numeric(*numeric.groups())
    if text[0] in "oOmMtTwWfFsS":
        lead = _LEAD_RE.match(text)
        if lead and lead.end() < len(text):
            text = text[lead.end() :]
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        month = month_number(groups["month"]) if groups.get("month") else None
        if groups.get("nmonth"):
            month = int(groups["nmonth"])
            if not 1 <= month <= 12:
                return None
        if groups.get("month") and month is None:
            return None
        if groups.get("month2") and month_number(groups["month2"]) is None:
            return None
        day = int(groups["day"]) if groups.get("day") else None
        day_end = int(groups["day2"]) if groups.get("day2") else None
        if day is not None and not 1 <= day <= 31:
            return None
        if day_end is not None and not (day or 0) < day_end <= 31:
            return None
        if month is not None and day is not None and day > month_days(month, year):
            return "impossible day"
        return DateText(year, month, day, day_end)
    return None


def _read_numeric(first: str, second: str, year_text: str) -> DateText | str:
    """``25/12/1997`` or ``12/25/97``: read only where one number cannot be a month."""
    a, b = int(first), int(second)
    year = int(year_text)
    if len(year_text) == 2:  # the archive runs 1996-2010
        year += 1900 if year >= 50 else 2000
    if a == b or a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return "numeric date: day and month order unknown"
    if not 1 <= month <= 12 or not 1 <= day <= _MONTH_DAYS[month - 1]:
        return "impossible day"
    return DateText(year, month, day)


def month_days(month: int, year: int | None) -> int:
    """The days of ``month`` (1-12) of ``year`` (29 for a February of unknown year)."""
    leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    return _MONTH_DAYS[month - 1] - (month == 2 and not leap)


# An issue may come out this many months after its month (Issue No. 54, February 2001
# citing "March 1"): entries of those months belong to the issue's year.
LATE_MONTHS = 2


def infer(date: DateText, issue: PartialDate | None) -> PartialDate:
    """Give a written date its year: as written, else from the issue date. A month up to
    LATE_MONTHS after the issue month is the issue's year (an issue that came out late); a
    month further after it belongs to the year before. Without an issue date the year
    stays unknown."""
    if date.year is not None:
        return _date(year=date.year, month=date.month, day=date.day)
    if issue is None or issue.year is None:
        return _date(year=None, month=date.month, day=date.day)
    year = issue.year
    late = (date.month or 0) - (issue.month or 0) if date.month and issue.month else 0
    if late > LATE_MONTHS:
        year -= 1
    return _date(year=year, month=date.month, day=date.day, year_inferred=True)


def edge_guess(date: PartialDate | None, issue: PartialDate | None) -> bool:
    """Is the year inferred for ``date`` a guess at the edge: its month is after the issue
    month, up to one month beyond the late-issue allowance (either year could be meant)?"""
    if date is None or not date.year_inferred or issue is None:
        return False
    if date.month is None or issue.month is None:
        return False
    return 0 < date.month - issue.month <= LATE_MONTHS + 1


_WEEKDAY_RE = compiled(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.)$",
    re.IGNORECASE,
)
SEASON_RE = compiled(
    r"^(?:spring|summer|autumn|fall|winter)(?:\s*[-–/]\s*(?:spring|summer|autumn|fall|winter))?"
    r"\s*,?\s*(?P<year>(?:19|20)\d\d)$",
    re.IGNORECASE,
)


def is_weekday(text: str) -> bool:
    """``Tuesday`` / ``Tues.``: a weekday standing alone before a date."""
    return 3 < len(text) < 11 and _WEEKDAY_RE.match(text) is not None


def read_issue_date(text: str) -> tuple[PartialDate, PartialDate] | None:
    """``November 2000`` or ``February - March 1997`` (also ``December 1999 - January 2000``)
    -> (first month, last month). A season (``Autumn 2005``) gives the year only: its
    months are not written, so none are invented."""
    match = ISSUE_DATE_RE.search(text)
    if match is None:
        season = SEASON_RE.match(" ".join(text.split()))
        if season is None:
            return None
        year_only = _date(year=int(season.group("year")))
        return year_only, year_only
    m1 = month_number(match.group("m1"))
    m2 = month_number(match.group("m2")) if match.group("m2") else None
    year = int(match.group("year"))
    if m1 is None or (match.group("m2") and m2 is None):
        return None
    end = _date(year=year, month=m2 or m1)
    if m2 is None:
        return end, end
    start_year = int(match.group("y1")) if match.group("y1") else (year if m1 <= m2 else year - 1)
    return _date(year=start_year, month=m1), end


def format_date(date: PartialDate, with_year: bool) -> str:
    """``October 24`` / ``October 2000`` / ``October 24, 2000``: the archive's written form."""
    if date.month is None:
        return str(date.year) if date.year is not None else ""
    month = MONTH_NAMES[date.month - 1]
    if date.day is None:
        return f"{month} {date.year}" if date.year is not None else month
    if with_year and date.year is not None:
        return f"{month} {date.day}, {date.year}"
    return f"{month} {date.day}"


def written_date(text: str) -> PartialDate | None:
    """A date as written (``March 5``, ``5 March 2000``) at its own precision, no year
    inferred; None when the text is no date."""
    written = read_date(text)
    if written is None or (written.year is None and written.month is None):
        return None
    return _date(year=written.year, month=written.month, day=written.day)


def _date(
    year: int | None = None, month: int | None = None, day: int | None = None,
    year_inferred: bool = False,
) -> PartialDate:  # fmt: skip
    """A PartialDate of parts this module read itself (no validation: the hot path)."""
    return filled(
        PartialDate, {"year": year, "month": month, "day": day, "year_inferred": year_inferred}
    )
