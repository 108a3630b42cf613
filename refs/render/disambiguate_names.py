"""Which names of which cites get given names or initials under the all-names and
primary-name rules: a person is named apart where another person cited has the same
family name; initials suffice where they differ (and the rule allows full names)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any


def names_of(reference: Any, variables: Sequence[str]) -> list[Any]:
    """The names a cite shows first: the first of ``variables`` the item has."""
    for variable in variables:
        names = reference.get(variable)
        if names:
            return list(names)
    return []


def _person(name: Any) -> tuple[str, str]:
    family = " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = re.sub(r"[\s.]+", "", str(name.get("given") or "")).lower()  # "J. J." is "J.J."
    return family.lower(), given


def _initials(given: str) -> str:
    """Initials of a given name as _person keeps it ("john", "jj", "jean-pierre")."""
    return "".join(part[:1] for part in given.split("-"))


def name_levels(
    bibliography: Any, keys: Sequence[str], variables: Sequence[str], rule: str
) -> dict[str, tuple[int, ...]]:
    """Item key -> a level per name (0 none, 1 initials, 2 full given name)."""
    primary = rule.startswith("primary-name")
    with_initials = rule.endswith("with-initials")
    people: dict[str, set[str]] = defaultdict(set)
    listed: dict[str, list[tuple[str, str]]] = {}
    for key in keys:
        names = [n for n in names_of(bibliography.source[key], variables) if "literal" not in n]
        persons = [_person(n) for n in names]
        listed[key] = persons
        for family, given in persons[:1] if primary else persons:
            people[family].add(given)
    out: dict[str, tuple[int, ...]] = {}
    for key, persons in listed.items():
        levels = []
        for n, (family, given) in enumerate(persons):
            others = people[family] - {given}
            apart = all(_initials(o) != _initials(given) for o in others)
            if not others or not given or (primary and n > 0):
                levels.append(0)
            elif apart:
                levels.append(1)
            else:
                levels.append(0 if with_initials else 2)
        if any(levels):
            out[key] = tuple(levels)
    return out
