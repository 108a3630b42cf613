"""Normalised matching fields for deduplication: titles, outlets and authors folded to
lowercase ASCII words, with the abbreviations of our domain spelled out (``N. Korea`` ->
``north korea``), so that exact matching on them is meaningful."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from refs.keys import STOP_WORDS
from refs.models import Name
from refs.patterns import compiled
from refs.text import ascii_fold

# Abbreviations spelled out before punctuation is dropped, in one pass over the title.
_EXPANSION_RE = compiled(
    r"\b[ns]\.\s*korea|\bu\.\s*s\.\s*a\.?|\bu\.\s*[skn]\.|\bdept\b\.?|\bgovt\b\.?"
    r"|\bsec\.|\bint'?l\b|&"
)
_EXPANSIONS = {
    "nkorea": "north korea",
    "skorea": "south korea",
    "usa": "usa",
    "us": "us",
    "uk": "uk",
    "un": "un",
    "dept": "department",
    "govt": "government",
    "sec": "secretary",
    "intl": "international",
    "int'l": "international",
    "&": " and ",
}


def _expand(match: re.Match[str]) -> str:
    found = re.sub(r"[\s.]", "", match.group(0))
    return _EXPANSIONS.get(found, found)


_APOSTROPHE = compiled(r"['\u2019`]")
_NON_WORD = compiled(r"[^a-z0-9]+")
_ROMAN = frozenset(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"])

# Words that say what kind of document it is, not what it is about. A title made only of
# these (and stop words) is generic: "Transcript - State Dept. noon briefing".
GENERIC_WORDS = frozenset(
    [
        "briefing",
        "briefings",
        "noon",
        "daily",
        "press",
        "conference",
        "release",
        "releases",
        "statement",
        "statements",
        "state",
        "department",
        "dept",
        "remarks",
        "interview",
        "transcript",
        "text",
        "report",
        "reports",
        "news",
        "digest",
        "summary",
        "background",
        "official",
        "officials",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "white",
        "house",
        "ministry",
        "foreign",
        "defense",
        "defence",
        "pentagon",
        "office",
        "regular",
        "weekly",
        "availability",
        "stakeout",
        "fact",
        "sheet",
        "update",
        "part",
        "session",
        "meeting",
        "readout",
        "comments",
        "comment",
        "on",
        "record",
        "media",
        "excerpts",
        "questions",
        "answers",
        "q",
        "a",
        "world",
        "headlines",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


@lru_cache(maxsize=1 << 14)
def normalise_title(title: str) -> str:
    """Lowercase ASCII words separated by single spaces, abbreviations spelled out."""
    text = _EXPANSION_RE.sub(_expand, ascii_fold(title))
    text = _APOSTROPHE.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


@lru_cache(maxsize=4096)
def normalise_outlet(outlet: str | None) -> str:
    """Lowercase ASCII words of an outlet name (aliases are resolved by the registry)."""
    if not outlet:
        return ""
    text = _APOSTROPHE.sub("", ascii_fold(outlet))
    return " ".join(_NON_WORD.sub(" ", text).split())


def author_form(names: Sequence[Name]) -> str:
    """The authors of a reference as dedupe compares them: the family name (with its
    particle) of each person or the name of each institution, folded like an outlet,
    sorted and joined by ``|``; empty where the reference names no author."""
    forms = {normalise_outlet(n.family_full() or n.given) for n in names}
    return "|".join(sorted(f for f in forms if f))


_DIGITS = compiled(r"[0-9]+")


def title_numbers(norm_title: str) -> frozenset[str]:
    """Numbers and part numerals in a normalised title ("part ii", "no 221", "nov 3"),
    also those glued to letters: a code such as ``shahab3`` or ``f16`` holds its number,
    ``shahab3`` and ``shahab4`` name different things."""
    words = norm_title.split()
    out = {w for w in words if w.isdigit()}
    out.update(f"{n}" for w in words if not w.isdigit() for n in _DIGITS.findall(w))
    for prev, word in itertools.pairwise(words):
        if prev in ("part", "no", "vol", "volume", "number") and word in _ROMAN:
            out.add(word)
    return frozenset(out)


def content_words(norm_title: str) -> tuple[str, ...]:
    """Words that say what the item is about (neither stop words nor generic words)."""
    return tuple(
        w
        for w in norm_title.split()
        if w not in STOP_WORDS and w not in GENERIC_WORDS and not w.isdigit() and len(w) > 1
    )


def is_generic_title(norm_title: str) -> bool:
    """True for titles such as ``Transcript - State Dept. noon briefing``, which recur
    with the same words on different days and so never identify an item by themselves."""
    return len(content_words(norm_title)) < 2
