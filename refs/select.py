"""Which references a command works on: filters by article, outlet (through the alias
registry: ``AP`` is the Associated Press), type, tag, issue cited by and date range.

Pure functions over References (each cites one article, ``source``) and
LibraryReferences (cited by ``citations[].article``). Dates compare at the precision
known: a reference dated ``2000-10`` is inside ``--since 2000-10-15`` because October
2000 overlaps it; a reference without a year is outside any date range."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TypeVar

from refs.dates import month_days
from refs.models import LibraryReference, PartialDate, Reference
from refs.outlets import fold, forms
from refs.patterns import compiled

_ISO = compiled(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

R = TypeVar("R", Reference, LibraryReference)


@dataclass(frozen=True)
class Selection:
    articles: tuple[str, ...] = ()  # article paths, file names or stems
    outlets: tuple[str, ...] = ()  # outlet names, case-insensitive
    since: PartialDate | None = None
    until: PartialDate | None = None
    types: tuple[str, ...] = ()  # CSL types
    tags: tuple[str, ...] = ()  # any of these tags (library references only)
    cited_by: tuple[str, ...] = ()  # issues: "52", "No. 52"

    @property
    def empty(self) -> bool:
        return not (
            self.articles
            or self.outlets
            or self.since
            or self.until
            or self.types
            or self.tags
            or self.cited_by
        )


def parse_bound(text: str) -> PartialDate | None:
    """``2000``, ``2000-10`` or ``2000-10-24`` -> PartialDate; None if not such a date."""
    match = _ISO.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= month_days(month or 1, year):
        return None  # 2000-02-31 is no date
    return PartialDate(year=year, month=month, day=day)


def _span(date: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """First and last (year, month, day) that a partial date may mean."""
    year = date.year or 0
    if date.month is None:
        return (year, 1, 1), (year, 12, 31)
    if date.day is None:
        return (year, date.month, 1), (year, date.month, 31)
    return (year, date.month, date.day), (year, date.month, date.day)


def in_range(
    date: PartialDate | None, since: PartialDate | None, until: PartialDate | None
) -> bool:
    if since is None and until is None:
        return True
    if date is None or date.year is None:
        return False
    first, last = _span(date)
    if since is not None and last < _span(since)[0]:
        return False
    return not (until is not None and first > _span(until)[1])


def _article_names(path: str) -> set[str]:
    pure = PurePath(path)
    return {path, str(pure), pure.name, pure.stem}


def article_named(path: str, names: Collection[str]) -> bool:
    """Is the article at ``path`` one of ``names`` (its path, file name or stem)?"""
    wanted = set(names) | {str(PurePath(n)) for n in names}
    return bool(_article_names(path) & wanted)


def unmatched_articles(names: Sequence[str], articles: Collection[str]) -> list[str]:
    """The ``--article`` names that name none of ``articles`` (a typo, most likely), in
    the order given."""
    known = set(articles)
    return [n for n in names if not any(article_named(a, [n]) for a in known)]


def empty_range(since: PartialDate | None, until: PartialDate | None) -> bool:
    """Does ``--since`` start after ``--until`` ends (so nothing can be inside)?"""
    if since is None or until is None:
        return False
    return _span(since)[0] > _span(until)[1]


def _articles_of(ref: Reference | LibraryReference) -> list[str]:
    if isinstance(ref, Reference):
        return [ref.source]
    return [c.article for c in ref.citations]


def _outlets_of(ref: Reference | LibraryReference) -> set[str]:
    names = (ref.outlet, ref.outlet_canonical, ref.container_title, ref.publisher)
    return {fold(n) for n in names if n}


def issue_number(text: str) -> str:
    """The form issues compare in: ``No. 52, November 2000`` and ``52`` -> ``52``."""
    digits = re.search(r"\d+", text)
    return digits.group(0).lstrip("0") or "0" if digits else fold(text)


def _issues_of(ref: Reference | LibraryReference) -> set[str]:
    if isinstance(ref, Reference):
        return set()
    return {issue_number(c.issue) for c in ref.citations if c.issue}


def matches(
    ref: Reference | LibraryReference,
    selection: Selection,
    tags: Mapping[str, Collection[str]] | None = None,
) -> bool:
    """Does ``ref`` pass every filter? ``tags``: key -> its tags (for ``selection.tags``)."""
    if selection.articles:
        wanted = {a for a in selection.articles}
        if not any(_article_names(a) & wanted for a in _articles_of(ref)):
            return False
    if selection.outlets:
        wanted_outlets = {f for o in selection.outlets for f in forms(o.strip())}
        if not _outlets_of(ref) & wanted_outlets:
            return False
    if selection.types and ref.type not in selection.types:
        return False
    if selection.tags and not set(selection.tags) & set((tags or {}).get(ref.key, ())):
        return False
    issues = {issue_number(i) for i in selection.cited_by}
    if issues and not issues & _issues_of(ref):
        return False
    return in_range(ref.issued, selection.since, selection.until)


def select(
    refs: Sequence[R], selection: Selection, tags: Mapping[str, Collection[str]] | None = None
) -> list[R]:
    """The references that pass every filter, in their input order."""
    if selection.empty:
        return list(refs)
    return [ref for ref in refs if matches(ref, selection, tags)]


def article_selected(
    issue: str | None,
    cited: Sequence[R],
    selection: Selection,
    tags: Mapping[str, Collection[str]] | None = None,
) -> bool:
    """Does an article pass the reference filters (what ``refs check`` checks)? It is of
    a ``--cited-by`` issue, and cites a reference that passes the others (outlet, type,
    tag, dates); ``--article`` is the caller's."""
    wanted = {issue_number(i) for i in selection.cited_by}
    if wanted and (issue is None or issue_number(issue) not in wanted):
        return False
    rest = dataclasses.replace(selection, articles=(), cited_by=())
    return rest.empty or any(matches(r, rest, tags) for r in cited)


def unique_keys(refs: Sequence[R]) -> tuple[list[R], list[str]]:
    """One reference per key for an export: exact repeats (the same key and fields, e.g.
    one source cited by two articles) are dropped; a key that two different references
    share is kept by the first and becomes ``key-2``, ``key-3`` ... for the others
    (returned so the caller can tell)."""
    seen: dict[str, list[R]] = {}
    out: list[R] = []
    renamed: list[str] = []
    taken = {ref.key for ref in refs}
    for ref in refs:
        same = seen.setdefault(ref.key, [])
        if any(_fields(ref) == _fields(other) for other in same):
            continue
        same.append(ref)
        if len(same) == 1:
            out.append(ref)
            continue
        n = len(same)
        while f"{ref.key}-{n}" in taken:
            n += 1
        new_key = f"{ref.key}-{n}"
        taken.add(new_key)
        renamed.append(f"{ref.key} -> {new_key}")
        out.append(dataclasses.replace(ref, key=new_key))
    return out, renamed


def _fields(ref: Reference | LibraryReference) -> tuple[object, ...]:
    return (ref.title, ref.outlet, ref.issued, ref.type, ref.publisher, ref.container_title)
