"""CSL date objects and EDTF text <-> PartialDate: ranges, seasons, circa and literal
dates as CSL-JSON (``date-parts``) and BibLaTeX/EDTF (``2000-10-24/2000-10-26``) give
them. Pure; None where a value is not a date."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from refs.dates import format_date, written_date
from refs.formats.imported import iso_date, number, valid_date
from refs.models import PartialDate
from refs.patterns import compiled

_EDTF_PART = compiled(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%]?)")


def _date_part(part: Any) -> int | None:
    """A date part as CSL-JSON writes it: a number or a string of ASCII digits; ``1e999``,
    ``2000.5``, ``true``, ``"²⁰⁰⁰"`` and numbers of thousands of digits are not."""
    if isinstance(part, bool):
        return None
    if isinstance(part, int):
        return part if -(10**9) < part < 10**9 else None
    if isinstance(part, float):
        return int(part) if part.is_integer() and abs(part) < 1e9 else None
    return number(part) if isinstance(part, str) else None


def _from_parts(parts: Any) -> PartialDate | None:
    if not isinstance(parts, list) or not parts:
        return None
    read = [_date_part(p) for p in parts[:3]]
    if None in read:
        return None
    nums = [n for n in read if n is not None]
    year, month, day = [*nums, 0, 0][:3]
    if 21 <= month <= 24:
        date = valid_date(year, None, None)
        return dataclasses.replace(date, season=month - 20) if date else None
    return valid_date(year, month or None, day or None)


def _season(value: Any) -> int | None:
    try:
        season = int(str(value))
    except ValueError:
        return None
    return season if 1 <= season <= 4 else None


def date_of_csl(value: Any) -> PartialDate | None:
    """A PartialDate from a CSL date object (date-parts, season, circa, literal, raw)."""
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts:
        start = _from_parts(parts[0])
        if start is None:
            return None
        update: dict[str, Any] = {}
        if len(parts) > 1 and (end := _from_parts(parts[1])) is not None and end != start:
            update["end"] = end
        if value.get("circa") not in (None, False, 0, ""):
            update["circa"] = True
        if value.get("season") is not None and start.month is None:
            update["season"] = _season(value["season"])
        return dataclasses.replace(start, **update) if update else start
    if isinstance(value.get("literal"), str) and value["literal"].strip():
        text = value["literal"].strip()
        return edtf_date(text) or PartialDate(literal=text)
    if isinstance(value.get("raw"), str):
        return edtf_date(value["raw"])
    return None


def edtf_date(text: str) -> PartialDate | None:
    """A PartialDate from EDTF/ISO text: ``2000``, ``2000-10-24``, ``--10-24``,
    ``2000-21`` (a season), ``2000~`` (circa), ``2000-10-24/2000-10-26`` (a range),
    or a written date (``24 October 2000``)."""
    text = text.strip()
    if "/" in text:
        first, _, second = text.partition("/")
        start, end = edtf_date(first), edtf_date(second)
        if start is None or end is None:
            return None
        return dataclasses.replace(start, end=end)
    circa = text.endswith("~") or text.endswith("%")
    body = text.rstrip("~?%")
    match = re.fullmatch(r"(\d{4})-(2[1-4])", body)
    if match:
        return PartialDate(year=int(match[1]), season=int(match[2]) - 20, circa=circa)
    date = iso_date(body) or written_date(body)
    if date is None:
        return None
    return dataclasses.replace(date, circa=True) if circa else date


def _parts(date: PartialDate) -> list[int]:
    parts = date.parts()
    if date.season is not None and date.month is None and parts:
        parts.append(20 + date.season)
    return parts


def yearless_text(date: PartialDate) -> str | None:
    """How a date without a year is written where a format holds it as text: its
    literal, else the month (and day) in words (``March 5``); None where neither is known."""
    if date.literal:
        return date.literal
    return format_date(date, with_year=False) if date.month else None


def csl_date(date: PartialDate | None) -> dict[str, Any] | None:
    """CSL date object at the known precision: date-parts where the year is known (two
    for a range; a season as month 21-24; ``circa``), a literal (``March 5``) where only
    the month (and day) are or where the date is text, else None."""
    if date is None:
        return None
    if date.year is None:
        text = yearless_text(date)
        return {"literal": text} if text else None
    parts = [_parts(date)]
    if date.end is not None and date.end.year is not None:
        parts.append(_parts(date.end))
    out: dict[str, Any] = {"date-parts": parts}
    if date.circa:
        out["circa"] = True
    return out
