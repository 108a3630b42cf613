"""Where the outlet begins among the comma-separated parts of a source-list entry (all
parts before the date): registered outlets, ``provided by ...`` phrases, issue numbers, and
the sub-units and places that belong to an organisation."""

from __future__ import annotations

import re

from refs.lexicon import PLACES
from refs.outlets import is_known, is_known_parts, is_organisation, longest_comma_alias
from refs.patterns import compiled

# Parts that continue an outlet leftwards: "OMRI Daily Digest, No. 221, Part I".
_CONTINUATION_RE = compiled(
    r"^(?:No\.?|Nos\.?|Number|Part|Pt\.|Vol\.?|Volume|Issue|Section|Sec\.|p\.|pp\.|Ed\.|Edition)"
    r"(?:\s*\d+[a-z]?|(?<=\.)\s*[IVXLivxl]+|\s+[IVXLivxl]+)$"  # "No.221", "Part I"; not "Nol"
    r"|^[IVX]+$|^pp?\.\s*[A-Z]?\d+(?:\s*[-–]\s*[A-Z]?\d+)?$",
    re.IGNORECASE,
)
_PHRASE_RE = compiled(
    r"^(?:text\s+|as\s+)?(?:provided|supplied|distributed|issued|released)\s+by\b"
    r"|^(?:courtesy\s+of|via)\b",
    re.IGNORECASE,
)
# Parts of an outlet to the right of the organisation they belong to: a sub-unit
# ("Office of the Press Secretary", "First Committee") or a place ("New York").
_SUBUNIT_RE = compiled(
    r"^(?:the\s+)?(?:(?:Press\s+)?Office|Bureau|Press\s+Service|Spokesman|Spokesperson|Division"
    r"|Directorate|Department|Ministry|Secretariat|(?:First|Second|Third|Fourth|Fifth|Sixth)"
    r"\s+Committee|Permanent\s+Mission|Mission|Delegation|Embassy|Consulate)\b",
)
_SMALL_WORDS = frozenset("of the and for on to in at de du la le des d".split())


def outlet_start(parts: list[str]) -> int:
    """Index of the first part of the outlet among ``parts`` (all parts before the date)."""
    last = len(parts) - 1
    # a registered outlet that itself holds commas, longest first (no registered name has
    # more parts than the longest alias: suffixes beyond it are never tried)
    for k in range(max(1, len(parts) - longest_comma_alias()), last + 1):
        if is_known_parts(parts[k:]):
            return _extend_left(parts, k)
    for k in range(1, last + 1):  # "..., provided by the X, New Zealand"
        if _PHRASE_RE.match(parts[k]):
            return k
    k = last
    while k > 1 and _CONTINUATION_RE.match(parts[k]):
        k -= 1
    return _extend_left(parts, k)


def _extend_left(parts: list[str], k: int) -> int:
    """Take in parts left of ``parts[k]`` that belong to the outlet, keeping a title:
    a sub-unit before its organisation (``Office of the Spokesman, US State Department``),
    a registered outlet before its sub-unit or place (``The White House, Office of the
    Press Secretary``, ``Reuters, Moscow``), an organisation before its sub-unit or place
    (``UN General Assembly, First Committee``, ``Ministry of Foreign Affairs, Islamabad``)."""
    while k > 1:
        prev, cur = parts[k - 1], parts[k]
        if _SUBUNIT_RE.match(prev) and _title_case(prev) and is_organisation(", ".join(parts[k:])):
            k -= 1
            continue
        if not is_known(cur) and (
            is_known(prev)  # "BBC Radio 4, Today Programme"
            or (
                (_SUBUNIT_RE.match(cur) or _is_place(cur))
                and is_organisation(prev)
                and _title_case(prev)
            )
        ):
            k -= 1
            continue
        break
    return k


def _title_case(text: str) -> bool:
    """Every longer word capitalised: a name (``Ministry of Foreign Affairs``), not a
    headline in sentence case (``Security Council meets``)."""
    words = text.split()
    return bool(words) and all(
        w[0].isupper() or w.lower() in _SMALL_WORDS or not w[0].isalpha() for w in words
    )


def _is_place(text: str) -> bool:
    """A place the word list knows (``Geneva``, ``New York``): where an organisation sits."""
    return text in PLACES or text.removeprefix("the ").removeprefix("The ") in PLACES
