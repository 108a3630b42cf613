"""What an import reader gives back, and helpers that the readers share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from refs.dates import month_days
from refs.diagnostics import Diagnostic, error, warning
from refs.formats.safe_text import without_controls
from refs.keys import KeyRequest, author_word, base_key, library_keys, sort_identity
from refs.models import Fields, LibraryReference, PartialDate
from refs.outlets import cited_form
from refs.patterns import compiled
from refs.text import encodable

# The diagnostic codes of the import readers (I001-I014) are in refs.diagnostics.CODES.


@dataclass(frozen=True)
class ImportResult:
    format: str  # "bibtex", "csljson" or "ris"
    references: tuple[LibraryReference, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Draft:
    """A reference being read: its fields before the key is settled (the outlet as cited
    is rebuilt from publisher and container when the draft is finished)."""

    key: str | None
    line: int | None
    fields: Fields
    aliases: tuple[str, ...] = ()  # other keys the file gives the entry (BibLaTeX ids)


def finish(drafts: Sequence[Draft]) -> tuple[LibraryReference, ...]:
    """LibraryReferences from drafts; drafts without a key get a library-style key that
    no other reference of the file uses."""
    taken = [d.key for d in drafts if d.key]
    outlets = [cited_form(d.fields.publisher, d.fields.container_title) for d in drafts]
    missing = [(d.fields, o) for d, o in zip(drafts, outlets, strict=True) if not d.key]
    made = library_keys(
        [
            KeyRequest(
                base_key(o, f.issued, f.title, author_word(f.author)),
                sort_identity(o, f.issued, f.title),
            )
            for f, o in missing
        ],
        taken=taken,
    )
    keys = iter(made)
    out = []
    for d, outlet in zip(drafts, outlets, strict=True):
        values = {**d.fields.__dict__, "outlet": outlet}
        out.append(LibraryReference(key=d.key or next(keys), aliases=d.aliases, **values))
    return tuple(out)


_ASCII_NUMBER = compiled(r"[0-9]{1,9}")
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
        if not 1 <= day <= month_days(month, year):
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


def kept(name: str, file: str, line: int | None, fields: Fields, diags: list[Diagnostic]) -> bool:
    """Whether to keep an entry read as ``fields``: one with a title, or one without that
    holds an outlet, a date or an author (kept untitled, a warning), as refs' own exports
    of an untitled entry do; else skipped (an error). A date that could not be read is no
    date, and a title or an outlet of control characters alone is none: no export can
    write it."""
    if _shown(fields.title):
        return True
    named = (fields.outlet, fields.publisher, fields.container_title)
    if any(_shown(n) for n in named) or fields.issued or fields.author:
        diags.append(warning("I011", file, line, f"{name} has no title; kept untitled"))
        return True
    diags.append(error("I011", file, line, f"{name} has no title, outlet or date; skipped"))
    return False


def _shown(text: str | None) -> bool:
    return bool(without_controls(text or "").strip())
