"""Citations written on the command line: ``KEY``, ``KEY:page 12``, ``KEY:12`` (a
page), ``KEY:chapter 3``; several cites of one citation separated by ``;``."""

from __future__ import annotations

import re

from refs.errors import UsageError
from refs.patterns import compiled
from refs.render.engine import CiteSpec

LABELS = frozenset(
    """act appendix article-locator book canon chapter column elocation equation figure
    folio issue line note opus page paragraph part rule scene section sub-verbo supplement
    table timestamp title-locator verse version volume""".split()
)
SHORT = {"p": "page", "pp": "page", "ch": "chapter", "chap": "chapter", "sec": "section"}
_LOCATOR = compiled(r"^\s*(?:([a-z-]+)\.?\s+)?(\S.*?)\s*$", re.I)


def _cite(text: str) -> CiteSpec:
    key, _, locator = text.strip().partition(":")
    if not key.strip():
        raise UsageError(f"citation {text!r} has no key", hint="e.g. --cite 'KEY:page 12'")
    if not locator.strip():
        return CiteSpec(key.strip())
    m = _LOCATOR.match(locator)
    assert m is not None  # a non-blank string always matches
    label, value = (m.group(1) or "page").lower(), m.group(2)
    label = SHORT.get(label, label)
    if label not in LABELS:
        raise UsageError(
            f"unknown locator label {label!r} in {text!r}",
            hint="labels: " + ", ".join(sorted(LABELS)),
        )
    return CiteSpec(key.strip(), locator=value, label=label)


def parse_citation(text: str) -> list[CiteSpec]:
    """One citation: cites separated by ``;``."""
    cites = [_cite(part) for part in text.split(";") if part.strip()]
    if not cites:
        raise UsageError(f"empty citation {text!r}")
    return cites
