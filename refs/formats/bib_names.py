"""Names <-> BibTeX/BibLaTeX name lists (``and`` form): particles, suffixes and
corporate names in braces, split by bibtexparser's name parser."""

from __future__ import annotations

from collections.abc import Sequence

from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from refs.formats.latex import escape
from refs.formats.latex import unescape as _unescape
from refs.models import Name


def unescape(text: str) -> str:
    return _unescape(text)[0].strip()


def bib_name(name: Name) -> str:
    """``von Last, Jr, First dropping``: a non-dropping particle as BibTeX's von part, a
    dropping one after the given names (as CSL reads ``Jean de``), an institution in
    braces so that BibTeX never splits it."""
    if name.literal is not None or not name.family:
        return "{" + escape(name.literal or name.given or "") + "}"
    last = " ".join(p for p in (name.non_dropping_particle, name.family) if p)
    first = " ".join(p for p in (name.given, name.dropping_particle) if p)
    parts = [escape(last)]
    if name.suffix:
        parts.append(escape(name.suffix))
    if first:
        parts.append(escape(first))
    return ", ".join(parts)


def bib_names(names: Sequence[Name]) -> str:
    return " and ".join(bib_name(n) for n in names)


def _literal(text: str) -> str | None:
    """The text of a name given whole in braces (``{Associated Press}``)."""
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        return None
    depth = 0
    for i, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and i < len(text) - 1:
            return None  # "{A} {B}": braces around parts only
    return unescape(text[1:-1])


def _name(text: str) -> Name | None:
    literal = _literal(text)
    if literal is not None:
        return Name(literal=literal)
    try:
        parts = parse_single_name_into_parts(text, strict=False)
    except InvalidNameError:
        return Name(literal=unescape(text))
    given = [unescape(w) for w in parts.first]
    dropping: list[str] = []
    while len(given) > 1 and given[-1][:1].islower():
        dropping.insert(0, given.pop())
    family = unescape(" ".join(parts.last))
    if not family:
        return Name(literal=unescape(text)) if text.strip() else None
    return Name(
        family=family,
        given=" ".join(given) or None,
        dropping_particle=" ".join(dropping) or None,
        non_dropping_particle=unescape(" ".join(parts.von)) or None,
        suffix=unescape(" ".join(parts.jr)) or None,
    )


def names_of_bib(text: str) -> tuple[Name, ...]:
    """The names of a BibTeX name list (``A and B``; ``others`` is left out)."""
    out = []
    for part in split_multiple_persons_names(text):
        if part.strip().lower() == "others":
            continue
        name = _name(part)
        if name is not None:
            out.append(name)
    return tuple(out)
