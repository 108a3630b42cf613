"""What an import reader gives back, and helpers that the readers share."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from refs.diagnostics import Diagnostic, error, warning
from refs.keys import KeyRequest, base_key, library_keys, sort_identity
from refs.models import LibraryReference, PartialDate
from refs.outlets import cited_form
from refs.visible import encodable

# Diagnostic codes of the import readers (documented in README):
# I001 error   file cannot be read, or its format is unknown
# I002 warning file is not UTF-8; decoded as latin-1
# I003 error   a block, record or item could not be read (skipped)
# I004 error   duplicate key (the later entry is skipped)
# I005 error   an entry repeats a field (skipped)
# I006 warning text outside any entry or record ignored
# I007 warning undefined @string macro kept as text
# I008 info    fields not imported
# I009 warning date could not be read (left out)
# I010 warning LaTeX command kept as text
# I011 warning entry without a title: kept untitled (error and skipped with nothing else)
# I012 warning a value looks as if it swallowed the next field (missing comma?)
# I013 warning entry without a key: one was made
# I014 warning the file holds no entries at all
# I015 warning a text held characters no file can hold (lone surrogates): replaced
# I016 warning not a CSL type (kept as written)


@dataclass(frozen=True)
class ImportResult:
    format: str  # "bibtex", "csljson" or "ris"
    references: tuple[LibraryReference, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)


@dataclass
class Draft:
    """A reference being read: its fields before the key is settled."""

    key: str | None
    title: str
    line: int | None
    issued: PartialDate | None = None
    type: str = "document"
    publisher: str | None = None
    container_title: str | None = None


def finish(drafts: Sequence[Draft]) -> tuple[LibraryReference, ...]:
    """LibraryReferences from drafts; drafts without a key get a library-style key that
    no other reference of the file uses."""
    taken = [d.key for d in drafts if d.key]
    missing = [d for d in drafts if not d.key]
    made = library_keys(
        [
            KeyRequest(
                base_key(cited_form(d.publisher, d.container_title), d.issued, d.title),
                sort_identity(cited_form(d.publisher, d.container_title), d.issued, d.title),
            )
            for d in missing
        ],
        taken=taken,
    )
    keys = iter(made)
    out = []
    for d in drafts:
        outlet = cited_form(d.publisher, d.container_title)
        out.append(
            LibraryReference(
                key=d.key or next(keys),
                title=d.title,
                outlet=outlet,
                issued=d.issued,
                type=d.type,
                publisher=d.publisher,
                container_title=d.container_title,
            )
        )
    return tuple(out)


_ASCII_NUMBER = re.compile(r"[0-9]{1,9}")
YEARS = range(1, 10000)  # what ISO 8601 without sign, CSL consumers and SQLite all take


def number(text: str) -> int | None:
    """A small number written in ASCII digits (``²⁰⁰⁰`` passes ``isdigit()`` but is not a
    year; 5,000 digits would exceed Python's limit), else None."""
    text = text.strip()
    return int(text) if _ASCII_NUMBER.fullmatch(text) else None


def clean_text(text: str) -> str:
    """``text`` with lone surrogates (which no file can hold) replaced by U+FFFD."""
    return encodable(text)


def valid_date(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    """A PartialDate where the parts make a date of the calendar (year 1-9999, month
    1-12, a day that month has, no day without a month), else None."""
    if year is not None and year not in YEARS:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None:
            return None
        last = calendar.monthrange(year if year is not None else 2000, month)[1]
        if not 1 <= day <= last:
            return None
    if year is None and month is None:
        return None
    return PartialDate(year=year, month=month, day=day)


def iso_date(text: str) -> PartialDate | None:
    """``2000``, ``2000-10``, ``2000-10-24``, ``--10-24``, ``--10`` -> PartialDate."""
    text = text.strip()
    if text.startswith("--"):
        parts = text[2:].split("-")
        year = None
    else:
        parts = text.split("-")
        year = number(parts[0]) if len(parts[0]) == 4 else None
        if year is None:
            return None
        parts.pop(0)
    nums = [number(p) if len(p) == 2 else None for p in parts] + [None, None]
    if len(parts) > 2 or None in nums[: len(parts)]:
        return None
    return valid_date(year, nums[0], nums[1])


def untitled(
    name: str, file: str, line: int | None, has_more: bool, diags: list[Diagnostic]
) -> bool:
    """An entry without a title: kept untitled (a warning) when it has an outlet or a date,
    as refs' own exports of an untitled entry have; else skipped (an error). True to keep."""
    if has_more:
        diags.append(warning("I011", file, line, f"{name} has no title; kept untitled"))
        return True
    diags.append(error("I011", file, line, f"{name} has no title, outlet or date; skipped"))
    return False
