"""What an import reader gives back, and helpers that the readers share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from refs.diagnostics import Diagnostic, error, warning
from refs.keys import KeyRequest, author_word, base_key, library_keys, sort_identity
from refs.models import Fields, LibraryReference, PartialDate
from refs.outlets import cited_form

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
# I015 warning a field's value could not be read: kept verbatim as an extra field


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


def valid_date(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    """A PartialDate where the parts make sense (month 1-12, day 1-31, no day without
    a month), else None."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not 1 <= day <= 31):
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
        if not parts[0].isdigit() or len(parts[0]) != 4:
            return None
        year = int(parts.pop(0))
    if len(parts) > 2 or not all(p.isdigit() and len(p) == 2 for p in parts):
        return None
    nums = [int(p) for p in parts] + [None, None]
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
