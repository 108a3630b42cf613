"""Cite collapsing (cs:citation ``collapse``): ``citation-number`` turns runs of three or
more consecutive numbers into a range ("[1]–[3]"); ``year`` (and ``year-suffix``) print the
names of cites by the same authors once ("Smith 1900, 2000")."""

from __future__ import annotations

from collections.abc import Sequence
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
