"""The filters of ``refs search`` (a refs.select.Selection) inside its query, so that a
filtered search reads only the hits that can pass: FTS5 terms for outlets (the words of
every alias of each one) and tags, in the ``facets`` column (which weighs nothing in the
rank: a filter never changes the order of the hits),
SQL conditions over the record for types and dates and over its citations for articles
and issues. Each is a necessary condition only: what fails it fails the filter, and
refs.select decides exactly over the page of hits read."""

from __future__ import annotations

import re
from pathlib import PurePath

from refs.models import PartialDate
from refs.outlets import forms
from refs.select import Selection, issue_number

_TOKEN = re.compile(r"[^\W_]", re.UNICODE)  # a letter or digit: FTS5 makes a token of it


def quoted(text: str) -> str:
    """``text`` as one FTS5 string (a word, or a phrase of its tokens)."""
    return '"' + text.replace('"', '""') + '"'


def _any(terms: list[str]) -> str:
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


def _outlet_terms(outlets: tuple[str, ...]) -> str | None:
    """Every word of one of the forms of one of ``outlets``."""
    terms = []
    for outlet in outlets:
        for form in forms(outlet.strip()):
            words = form.split()
            if not words:
                return None  # a form without words: no term can stand for it
            terms.append(" AND ".join(f"facets : {quoted(w)}" for w in words))
    return _any([f"({t})" for t in terms])


def _tag_terms(tags: tuple[str, ...]) -> str | None:
    """One of ``tags`` as a phrase (the tags of a record are joined)."""
    if not all(_TOKEN.search(t) for t in tags):
        return None
    return _any([f"facets : {quoted(t)}" for t in tags])


def fts_terms(selection: Selection) -> list[str]:
    """The FTS5 terms (to be joined by AND to the query) ``selection`` gives."""
    terms = []
    if selection.outlets and (outlets := _outlet_terms(selection.outlets)):
        terms.append(outlets)
    if selection.tags and (tags := _tag_terms(selection.tags)):
        terms.append(tags)
    return terms


def _last(date: PartialDate) -> tuple[int, int, int]:
    return (date.year or 0, date.month or 12, date.day or 31 if date.month else 31)


def _first(date: PartialDate) -> tuple[int, int, int]:
    return (date.year or 0, date.month or 1, date.day or 1 if date.month else 1)


# a record's date as the first and last (year, month, day) it may mean (refs.select._span)
_FIRST = "(r.year, coalesce(r.month, 1), iif(r.month IS NULL, 1, coalesce(r.day, 1)))"
_LAST = "(r.year, coalesce(r.month, 12), iif(r.month IS NULL, 31, coalesce(r.day, 31)))"


def _marks(values: object) -> str:
    return ", ".join("?" for _ in values)  # type: ignore[attr-defined]


def sql_conditions(selection: Selection) -> tuple[list[str], list[object]]:
    """SQL conditions over ``r`` (the record of a hit, ``f.rowid``) and their parameters."""
    where: list[str] = []
    params: list[object] = []
    if selection.types:
        where.append(f"r.type IN ({_marks(selection.types)})")
        params.extend(selection.types)
    if selection.since is not None or selection.until is not None:
        where.append("r.year IS NOT NULL")
    if selection.since is not None:
        where.append(f"{_LAST} >= (?, ?, ?)")
        params.extend(_first(selection.since))
    if selection.until is not None:
        where.append(f"{_FIRST} <= (?, ?, ?)")
        params.extend(_last(selection.until))
    names = [PurePath(a).name for a in selection.articles]
    if names and all(names):  # the file name is in the path whatever form names it
        ors = " OR ".join("instr(c.article, ?) > 0" for _ in names)
        where.append(f"EXISTS (SELECT 1 FROM citations c WHERE c.record_id = r.id AND ({ors}))")
        params.extend(names)
    issues = [issue_number(i) for i in selection.cited_by]
    if issues and all(i.isdigit() for i in issues):  # "52" is in "No. 052, ..."
        ors = " OR ".join("instr(c.issue, ?) > 0" for _ in issues)
        where.append(f"EXISTS (SELECT 1 FROM citations c WHERE c.record_id = r.id AND ({ors}))")
        params.extend(issues)
    return where, params
