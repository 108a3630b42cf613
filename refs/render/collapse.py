"""Cite collapsing (cs:citation ``collapse``): ``citation-number`` turns runs of three or
more consecutive numbers into a range ("[1]–[3]"); ``year`` (and ``year-suffix``) print the
names of cites by the same authors once ("Smith 1900, 2000")."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

EN_DASH = "\u2013"


def _number(cite: Any) -> int | None:
    try:
        return int(cite.number)
    except (AttributeError, TypeError, ValueError):
        return None


def number_ranges(rendered: Sequence[tuple[Any, Any]]) -> list[Any]:
    """``(cite, output)`` pairs in order -> outputs with runs of 3+ numbers as ranges.

    A cite with a locator, prefix or suffix ends a run (citeproc-js)."""
    out: list[Any] = []
    run: list[tuple[int, Any]] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append(run[0][1] + EN_DASH + run[-1][1])
        else:
            out.extend(text for _, text in run)
        run.clear()

    for cite, text in rendered:
        number = _number(cite)
        plain = not (cite.get("locator") or cite.get("prefix") or cite.get("suffix"))
        if number is None or not plain:
            flush()
            out.append(text)
            continue
        if run and number != run[-1][0] + 1:  # a gap, or the same item again
            flush()
        run.append((number, text))
    flush()
    return out


def author_groups(cites: Sequence[tuple[Any, Any, str | None]]) -> list[list[tuple[Any, Any]]]:
    """``(cite, output, names)`` triples -> groups of cites whose names render alike, in
    the order each group first appears (cite grouping); cites without names stand alone."""
    groups: list[list[tuple[Any, Any]]] = []
    by_names: dict[str, list[tuple[Any, Any]]] = {}
    for cite, text, names in cites:
        if names is None:
            groups.append([(cite, text)])
        elif names in by_names:
            by_names[names].append((cite, text))
        else:
            by_names[names] = [(cite, text)]
            groups.append(by_names[names])
    return groups


def _next_letter(a: str, b: str) -> bool:
    return len(a) == len(b) == 1 and ord(b) == ord(a) + 1


def _suffix_segment(texts: list[Any], suffixes: list[str], delimiter: str, ranged: bool) -> Any:
    """One date's cites: the first in full, then their year suffixes ("2000a,b"); with
    ``ranged``, runs of three or more letters as a range ("2000a–c")."""
    pieces: list[Any] = []
    i = 0
    while i < len(texts):
        j = i
        while ranged and j + 1 < len(texts) and _next_letter(suffixes[j], suffixes[j + 1]):
            j += 1
        head = texts[i] if i == 0 else suffixes[i]
        if j - i >= 2:
            pieces.append(head + EN_DASH + suffixes[j])
            i = j + 1
        else:
            pieces.append(head)
            i += 1
    joined = pieces[0]
    for piece in pieces[1:]:
        joined = joined + delimiter + piece
    return joined


def year_suffixes(
    group: Sequence[tuple[Any, str | None, str | None]],
    delimiters: tuple[str, str, str],
    ranged: bool,
) -> Any:
    """An author group's cites as ``(output, date key, year suffix)``: consecutive cites
    of one date (the key: the output without names and suffix) print their suffixes
    only. ``delimiters``: between dates, after a date whose suffixes collapsed, and
    between suffixes."""
    within, after, delimiter = delimiters
    segments: list[tuple[list[Any], list[str]]] = []
    last_key: str | None = None
    for text, key, suffix in group:
        if key is not None and suffix and key == last_key and segments:
            segments[-1][0].append(text)
            segments[-1][1].append(suffix)
        else:
            segments.append(([text], [suffix or ""]))
        last_key = key if suffix else None
    joined = _suffix_segment(*segments[0], delimiter, ranged)
    for before, (texts, sufs) in pairwise(segments):
        joined = joined + (after if len(before[0]) > 1 else within)
        joined = joined + _suffix_segment(texts, sufs, delimiter, ranged)
    return joined


_PUNCTUATION = ",.;:!?"


def join_cites(texts: Sequence[Any], delimiter: str) -> Any:
    """A citation's cites joined by the layout's delimiter, as citeproc-js joins them:
    no delimiter before a cite whose prefix opens with punctuation (``, cited in``), and
    none of the delimiter's punctuation after a cite that ends with a comma."""
    if not texts:
        return None
    joined = texts[0]
    for text in texts[1:]:
        if str(text)[:1] in _PUNCTUATION:
            joined = joined + text
        elif delimiter[:1] in _PUNCTUATION and str(joined).endswith(","):
            joined = joined + delimiter[1:] + text
        else:
            joined = joined + delimiter + text
    return joined
