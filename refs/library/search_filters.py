"""The filters of ``refs search`` (a refs.select.Selection) inside its query, so that a
filtered search reads only the hits that can pass: outlets (every registered form of
each), tags, types, years, the issues that cite a record and the names of the articles
that do, as FTS5 tokens of the ``facets`` column (which weighs nothing in the rank: a
filter never changes the order of the hits). Each is a necessary condition only: what
fails it fails the filter, and refs.select decides exactly over the page of hits read."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import PurePath

from refs.outlets import fold, forms
from refs.patterns import compiled
from refs.select import Selection, issue_number


def facet(kind: str, value: str) -> str:
    """One FTS5 token that stands for ``value`` of a filter ``kind`` (``o``: a folded
    outlet, ``t``: a tag, ``y``: a CSL type, ``c``: an issue number, ``a``: an article's
    file name or stem): letters and digits only, so the tokenizer
    keeps it whole."""
    digest = hashlib.blake2s(f"{kind}\x1f{value}".encode(), digest_size=8).hexdigest()
    return f"{kind}{digest}"


# the beginnings of the tokens facet() and year_facets() make: a typed word none of whose
# parts (as the tokenizer splits and folds them) has one of these shapes finds no facet
_FACET_START = compiled(r"[otyca][0-9a-f]{0,16}|n(?:[0-3](?:x[0-9]*)?)?")
_PART = compiled(r"[^\W_]+")


def may_be_facet(word: str) -> bool:
    """Whether the typed ``word`` (also as the beginning of a token) could find a facet
    token; transliterated as outlets are folded, which folds at least what the index's
    tokenizer does (a word said to be able to is only looked for in the text columns)."""
    return any(_FACET_START.fullmatch(part) for part in _PART.findall(fold(word)))


# the kinds of facet of which a record holds several tokens of one group a filter asks
# (an outlet under its names and folded forms; an article's file name and stem)
OVERLAPPING = "oa"


def year_facets(year: int) -> list[str]:
    """The tokens of a year: the year, its decade, century and millennium."""
    return [f"n{level}x{year // 10**level}" for level in range(4)]


def _years(first: int, last: int) -> list[str]:
    """The fewest year tokens that cover the years ``first`` to ``last``."""
    out: list[str] = []
    year = first
    while year <= last:
        level = 0
        while level < 3 and year % 10 ** (level + 1) == 0 and year + 10 ** (level + 1) <= last + 1:
            level += 1
        out.append(f"n{level}x{year // 10**level}")
        year += 10**level
    return out


def record_facets(
    outlets: list[str],
    tags: list[str],
    type_: str,
    year: int | None,
    cited: Sequence[tuple[str, str | None]] = (),
) -> str:
    """The facets column of a record: its folded outlet names, tags, type and year, and
    the issue number and article name of each citation (``cited``: article, issue)."""
    tokens = [facet("o", fold(o)) for o in outlets]
    tokens += [facet("t", t) for t in tags]
    tokens.append(facet("y", type_))
    tokens += year_facets(year) if year is not None and 0 <= year <= 9999 else []
    for article, issue in cited:
        path = PurePath(article)
        tokens += [facet("a", path.name), facet("a", path.stem)]
        tokens += [facet("c", issue_number(issue))] if issue else []
    return " ".join(dict.fromkeys(tokens))


def _any(tokens: list[str]) -> str:
    return "facets : (" + " OR ".join(tokens) + ")"


def facet_groups(selection: Selection) -> list[list[str]]:
    """The facet tokens ``selection`` asks: a hit has one token of every group."""
    groups = []
    if selection.outlets:
        groups.append([facet("o", f) for o in selection.outlets for f in forms(o.strip())])
    if selection.tags:
        groups.append([facet("t", t) for t in selection.tags])
    if selection.types:
        groups.append([facet("y", t) for t in selection.types])
    if selection.since is not None or selection.until is not None:
        first = selection.since.year if selection.since and selection.since.year else 0
        last = selection.until.year if selection.until and selection.until.year else 9999
        if max(first, 0) <= min(last, 9999):
            groups.append(_years(max(first, 0), min(last, 9999)))
    names = [PurePath(a).name for a in selection.articles]
    if names and all(names):  # the file name is in the path whatever form names it
        groups.append([facet("a", n) for n in names])
    if selection.cited_by:
        groups.append([facet("c", issue_number(i)) for i in selection.cited_by])
    return [list(dict.fromkeys(g)) for g in groups]


def fts_terms(selection: Selection) -> list[str]:
    """The FTS5 terms (to be joined by AND to the query) ``selection`` gives."""
    return [_any(group) for group in facet_groups(selection)]


def newest_ranked(score: str, match: str, shown: str = "rowid") -> str:
    """The ranking query on either database: the newest matches of ``match`` (as many as
    its last parameter, RANKED), best (lowest ``score``) first, ties in the order the
    records were added; ``shown`` the columns it gives."""
    return (
        f"SELECT {shown} FROM (SELECT search_fts.rowid AS rowid, {score} AS score "
        f"FROM search_fts WHERE {match} ORDER BY search_fts.rowid DESC LIMIT ?) AS hits "
        "ORDER BY score, rowid"
    )
