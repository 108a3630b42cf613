"""The outlet registry: canonical names, aliases, CSL type and publisher/container split.

The data lives in ``refs/data/outlets.toml``; unknown outlets still resolve, by rules."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

_FOLD_RE = re.compile(r"[^a-z0-9]+")
_PAREN_RE = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$")
_PHRASE_RE = re.compile(
    r"^(?:text\s+|as\s+)?(?:provided|supplied|distributed|issued|released)\s+by\s+(?:the\s+)?"
    r"|^(?:courtesy\s+of|via)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_ISSUE_SUFFIX_RE = re.compile(
    r",\s*(?:No\.?|Vol\.?|Part|Issue|Number)(?=[\s\d]|$).*$", re.IGNORECASE
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
    ]
)
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
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _FOLD_RE.sub(" ", ascii_text.lower()).strip()


@cache
def _registry() -> dict[str, Outlet]:
    raw = resources.files("refs").joinpath("data/outlets.toml").read_text(encoding="utf-8")
    table: dict[str, Outlet] = {}
    for entry in tomllib.loads(raw)["outlet"]:
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
def is_known(text: str) -> bool:
    """True when ``text`` is an alias of a registered outlet."""
    return fold(strip_phrase(text)) in _registry()


def strip_phrase(text: str) -> str:
    """``provided by the X`` -> ``X``."""
    return _PHRASE_RE.sub("", text).strip()


def _abbrev(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _KEY_STOP]
    if not words:
        return "anon"
    if len(words) == 1:
        return words[0][:12]
    return "".join(w[0] for w in words)[:8]


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
    paren = _PAREN_RE.match(base)
    if paren:  # "US State Department (Washington Post)": publisher (container)
        outer, inner = paren.group("outer").strip(), paren.group("inner").strip()
        known_outer = _registry().get(fold(outer))
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
