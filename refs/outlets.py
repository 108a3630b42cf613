"""The outlet registry: canonical names, aliases, CSL type and publisher/container split.

The data lives in ``refs/data/outlets.toml``; unknown outlets still resolve, by rules."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from refs.patterns import compiled
from refs.text import to_latin

_FOLD_RE = compiled(r"[^a-z0-9]+")
_PAREN_RE = compiled(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$")
_PHRASE_RE = compiled(
    r"^(?:text\s+|as\s+)?(?:provided|supplied|distributed|issued|released)\s+by\s+(?:the\s+)?"
    r"|^(?:courtesy\s+of|via)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_ISSUE_SUFFIX_RE = compiled(
    r",\s*(?:No\.?|Vol\.?|Part|Issue|Number|pp?\.)(?=[\s\d]|$).*$", re.IGNORECASE
)
_PUBLISHER_WORDS = frozenset(
    [
        "ministry",
        "department",
        "office",
        "house",
        "agency",
        "government",
        "embassy",
        "mission",
        "council",
        "centre",
        "center",
        "institute",
        "committee",
        "commission",
        "organisation",
        "organization",
        "secretariat",
        "delegation",
        "parliament",
        "senate",
        "congress",
        "administration",
        "presidency",
        "chancellery",
        "foundation",
        "programme",
        "program",
        "association",
        "union",
        "nations",
        "assembly",
        "conference",
        "release",
    ]
)
# Words that make a bracketed part an outlet or edition rather than a place.
_PLACE_STOP = frozenset(
    "times post news herald tribune journal daily telegraph guardian gazette review weekly "
    "monitor standard express mail star observer chronicle press agency wire service radio "
    "television tv online digest report reports bulletin magazine today file edition".split()
)
_PART_SPLIT_RE = compiled(r",\s*|\s+[-–]\s+")
_KEY_STOP = frozenset(["the", "a", "an", "of", "and", "for", "in", "on", "to"])


@dataclass(frozen=True, slots=True)
class Outlet:
    """What refs knows about an outlet as cited."""

    name: str  # canonical name
    abbrev: str  # for citation keys
    kind: str  # wire, newspaper, broadcaster, bulletin, government, organisation, unknown
    type: str  # default CSL type
    publisher: str | None
    container: str | None
    known: bool  # found in the registry


def fold(text: str) -> str:
    """Lowercase ASCII with punctuation and spacing folded: the alias-matching form."""
    ascii_text = to_latin(text)
    return _FOLD_RE.sub(" ", ascii_text.lower()).strip()


@cache
def _entries() -> list[dict[str, Any]]:
    """The registry's entries as the data file holds them (read once: the package's
    own file, beside this module)."""
    raw = (Path(__file__).parent / "data" / "outlets.toml").read_text(encoding="utf-8")
    entries: list[dict[str, Any]] = tomllib.loads(raw)["outlet"]
    return entries


@cache
def _registry() -> dict[str, Outlet]:
    table: dict[str, Outlet] = {}
    for entry in _entries():
        outlet = Outlet(
            name=entry["name"],
            abbrev=entry["abbrev"],
            kind=entry["kind"],
            type=entry["type"],
            publisher=entry.get("publisher"),
            container=entry.get("container"),
            known=True,
        )
        for alias in [entry["name"], *entry.get("aliases", [])]:
            table[fold(alias)] = outlet
    return table


@cache
def _comma_aliases() -> frozenset[tuple[str, ...]]:
    """Registered names that themselves hold commas, as tuples of folded parts."""
    return frozenset(
        tuple(fold(part) for part in alias.split(","))
        for entry in _entries()
        for alias in [entry["name"], *entry.get("aliases", [])]
        if "," in alias
    )


@cache
def longest_comma_alias() -> int:
    """How many comma-separated parts the longest registered name has (at least 1)."""
    return max((len(parts) for parts in _comma_aliases()), default=1)


def is_known_parts(parts: Sequence[str]) -> bool:
    """True when ``parts`` (comma-separated in the entry) are one registered outlet: a single
    part that is an alias, or several that are an alias holding those very commas
    (``Disarmament and Security Centre, New Zealand``), not ``THE, Associated Press``."""
    if len(parts) == 1:
        return is_known(parts[0])
    if len(parts) > longest_comma_alias():
        return False  # never fold thousands of parts to learn that
    return tuple(fold(p) for p in parts) in _comma_aliases()


@cache
def is_organisation(text: str) -> bool:
    """True for a government body or an organisation: a registered one of those kinds, or a
    name holding a word such as ``Ministry``, ``Office`` or ``Nations``."""
    found = _registry().get(fold(strip_phrase(text)))
    if found is not None:
        return found.kind in ("government", "organisation")
    return not _PUBLISHER_WORDS.isdisjoint(fold(text).split())


@cache
def is_known(text: str) -> bool:
    """True when ``text`` is an alias of a registered outlet."""
    return fold(strip_phrase(text)) in _registry()


def strip_phrase(text: str) -> str:
    """``provided by the X`` -> ``X``."""
    return _PHRASE_RE.sub("", text).strip()


def _known_part(name: str) -> Outlet | None:
    """The first registered outlet among the comma- or dash-separated parts of ``name``."""
    if "," not in name and " - " not in name and " – " not in name:
        return None
    for piece in _PART_SPLIT_RE.split(name):
        found = _registry().get(fold(strip_phrase(piece)))
        if found is not None:
            return found
    return None


def _is_place(text: str) -> bool:
    """``Moscow``, ``Paris, France``: a short capitalised name that is no outlet."""
    words = fold(text).split()
    return (
        0 < len(words) <= 4
        and text[:1].isupper()
        and not any(ch.isdigit() for ch in text)
        and _PLACE_STOP.isdisjoint(words)
        and _PUBLISHER_WORDS.isdisjoint(words)
        and fold(text) not in _registry()
    )


def _abbrev(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _KEY_STOP and w.isalpha()]
    if not words:
        return "anon"
    if len(words) == 1:
        return words[0][:12]
    return "".join(w[0] for w in words)[:8]


def cited_form(publisher: str | None, container: str | None) -> str | None:
    """The outlet as the archive writes it from its CSL parts: ``US State Department
    (Washington File)`` for a publisher and a container, else whichever is there; the
    inverse of the split that ``resolve`` makes."""
    if publisher and container and fold(publisher) != fold(container):
        return f"{publisher} ({container})"
    return container or publisher


@cache
def resolve(cited: str) -> Outlet:
    """The registry entry for an outlet as cited, or one made up by rules for an unknown one."""
    plain = strip_phrase(cited)
    found = _registry().get(fold(plain))
    if found is not None:
        return found
    base = _ISSUE_SUFFIX_RE.sub("", plain).strip()  # "OMRI Daily Digest, No. 221, Part I"
    found = _registry().get(fold(base))
    if found is not None:
        return found
    part = _known_part(base)
    if part is not None:  # "Reuters, Moscow", "Office of the Spokesman, US State Department"
        return Outlet(
            name=part.name,  # the canonical outlet; the place or sub-unit stays in the citation
            abbrev=part.abbrev,
            kind=part.kind,
            type=part.type,
            publisher=base if part.publisher else None,
            container=part.container,
            known=False,
        )
    paren = _PAREN_RE.match(base)
    if paren:  # "US State Department (Washington Post)": publisher (container)
        outer, inner = paren.group("outer").strip(), paren.group("inner").strip()
        known_outer = _registry().get(fold(outer))
        if _is_place(inner) or "edition" in fold(inner).split():  # "Reuters (Moscow)": where
            if known_outer is not None:
                return Outlet(
                    known_outer.name,
                    known_outer.abbrev,
                    known_outer.kind,
                    known_outer.type,
                    base if known_outer.publisher else None,
                    known_outer.container,
                    False,
                )
            if _PUBLISHER_WORDS.isdisjoint(fold(outer).split()):
                return Outlet(
                    base, _abbrev(outer), "unknown", "article-newspaper", None, base, False
                )
            return Outlet(base, _abbrev(outer), "organisation", "document", base, None, False)
        return Outlet(
            name=base,
            abbrev=known_outer.abbrev if known_outer else _abbrev(outer),
            kind="bulletin",
            type="article-newspaper",
            publisher=outer,
            container=inner,
            known=False,
        )
    words = set(fold(base).split())
    if words & _PUBLISHER_WORDS:
        return Outlet(base, _abbrev(base), "organisation", "document", base, None, False)
    return Outlet(base, _abbrev(base), "unknown", "article-newspaper", None, base, False)


@cache
def _forms_by_name() -> dict[str, tuple[str, ...]]:
    grouped: dict[str, set[str]] = {}
    for alias, outlet in _registry().items():
        grouped.setdefault(outlet.name, set()).add(alias)
    return {name: tuple(sorted(forms)) for name, forms in grouped.items()}


def forms(cited: str) -> tuple[str, ...]:
    """Every registered name (folded) of the outlet ``cited`` means, itself included:
    ``AP`` -> ``ap``, ``associated press``, ... (an unknown outlet: its folded self)."""
    name = resolve(cited).name
    return _forms_by_name().get(name, (fold(name),)) if name else (fold(cited),)
