"""Source-list entry -> RawReference: split the list on ``;`` and read each entry from the
right (date, outlet, the rest is the title)."""

from __future__ import annotations

import re
from html import unescape
from html.entities import html5

from refs import diagnostics as diag
from refs.article import LineIndex
from refs.dates import is_impossible_date, is_weekday, read_date
from refs.diagnostics import Diagnostic
from refs.models import RawReference, SourceList, Span
from refs.outlets import is_known, is_organisation
from refs.trusted import trusted

# Parts that continue an outlet leftwards: "OMRI Daily Digest, No. 221, Part I".
_CONTINUATION_RE = re.compile(
    r"^(?:No\.?|Nos\.?|Number|Part|Pt\.|Vol\.?|Volume|Issue|Section|Sec\.|p\.|pp\.|Ed\.|Edition)"
    r"\s*[\dIVXLivxl]+[a-z]?$|^[IVX]+$|^pp?\.\s*[A-Z]?\d+(?:\s*[-–]\s*[A-Z]?\d+)?$",
    re.IGNORECASE,
)
# A page locator written after the date ("..., October 13, 1999, p. S12505").
_LOCATOR_RE = re.compile(r"^pp?\.\s*[A-Z]?\d+(?:\s*[-–]\s*[A-Z]?\d+)?$")
_PHRASE_RE = re.compile(
    r"^(?:text\s+|as\s+)?(?:provided|supplied|distributed|issued|released)\s+by\b"
    r"|^(?:courtesy\s+of|via)\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"^(?:19|20)\d\d\.?$")
_QUOTES = "'\"‘’“”`"
_QUOTE_SET = frozenset(_QUOTES)
_DAMAGE_RE = re.compile(
    r"''|\"\"|‘’|“”"
    r"|\b(?:didn|don|doesn|can|won|isn|wasn|haven|hasn|hadn|couldn|wouldn|shouldn|aren|weren)'(?!t)",
    re.IGNORECASE,
)
# A word that lost the letters after its apostrophe ("It' over", "Pyongyang' plan"); only
# counted where no quote was opened before it (a closing quote also ends a word).
_LOST_S_RE = re.compile(r"[A-Za-rt-z]'(?=[\s,.;:]|$)")
_OPEN_QUOTE_RE = re.compile(r"(?:^|[\s(\[-])'\w")
# An HTML entity whose ";" must not split the list ("&amp;", "&#8217;", "&#x2019;").
_NUMERIC_ENTITY_RE = re.compile(r"#\d{1,7}|#[xX][0-9a-fA-F]{1,6}")
# Parts of an outlet to the right of the organisation they belong to: a sub-unit
# ("Office of the Press Secretary", "First Committee") or a place ("New York").
_SUBUNIT_RE = re.compile(
    r"^(?:the\s+)?(?:(?:Press\s+)?Office|Bureau|Press\s+Service|Spokesman|Spokesperson|Division"
    r"|Directorate|Department|Ministry|Secretariat|(?:First|Second|Third|Fourth|Fifth|Sixth)"
    r"\s+Committee|Permanent\s+Mission|Mission|Delegation|Embassy|Consulate)\b",
)
_MEDIA_WORDS = frozenset(
    "times post news herald tribune journal daily telegraph guardian gazette review weekly "
    "monitor standard express mail star observer chronicle press agency wire service radio "
    "television tv online digest report reports bulletin magazine today".split()
)
_SMALL_WORDS = frozenset("of the and for on to in at de du la le des d".split())


def split_entries(text: str) -> list[tuple[int, int]]:
    """[start, end) of each entry of a list text, split on ``;`` outside brackets."""
    bounds: list[tuple[int, int]] = []
    nested = "(" in text or "[" in text
    entities = "&" in text
    depth = 0
    start = cursor = 0
    for piece in text.split(";"):
        end = cursor + len(piece)
        if nested:
            depth += piece.count("(") + piece.count("[") - piece.count(")") - piece.count("]")
            depth = max(depth, 0)
        if entities and _ends_in_entity(piece):
            cursor = end + 1
            continue
        if depth == 0:
            bounds.append((start, end))
            start = end + 1
        cursor = end + 1
    if start <= len(text) and (not bounds or bounds[-1][1] != len(text)):
        bounds.append((start, len(text)))
    return bounds


def _ends_in_entity(piece: str) -> bool:
    """True when ``piece`` ends in ``&amp``/``&#8217`` (the ``;`` after it closes an entity)."""
    amp = piece.rfind("&")
    if amp < 0:
        return False
    name = piece[amp + 1 :]
    if name[:1] == "#":
        return _NUMERIC_ENTITY_RE.fullmatch(name) is not None
    return name + ";" in html5


def decode_entities(text: str) -> str:
    """HTML entities left in the page (``&amp;``, ``&#8217;``) decoded; other text as is."""
    return unescape(text) if "&" in text else text


def split_parts(text: str) -> list[str]:
    """Comma-separated parts outside brackets, white space collapsed."""
    pieces = text.split(",")
    if "(" in text or "[" in text:
        merged: list[str] = []
        depth = 0
        for piece in pieces:
            if depth > 0:
                merged[-1] += "," + piece
            else:
                merged.append(piece)
            depth = max(
                0, depth + piece.count("(") + piece.count("[") - piece.count(")") - piece.count("]")
            )
        pieces = merged
    return [" ".join(p.split()) for p in pieces]


def clean_outlet(text: str) -> str:
    """Strip stray quotes, brackets and final periods around an outlet."""
    text = text.strip().strip(_QUOTES).strip()
    while text.endswith((".", ",", ":")) and not re.search(r"\b[A-Z]\.$|\bNo\.$", text):
        text = text[:-1].rstrip()
    return text


def clean_title(text: str) -> str:
    """Strip white space and a single unbalanced quote at either end; ``''`` (damage) stays."""
    text = text.strip().rstrip(",").strip()
    if not _QUOTE_SET.intersection(text):
        return text
    for quote in _QUOTES:
        if text.count(quote) % 2 == 1:
            if text.endswith(quote) and not text.endswith(quote * 2):
                text = text[:-1].rstrip().rstrip(",").rstrip()
            elif text.startswith(quote) and not text.startswith(quote * 2):
                text = text[1:].lstrip()
    return text


def _outlet_start(parts: list[str]) -> int:
    """Index of the first part of the outlet among ``parts`` (all parts before the date)."""
    last = len(parts) - 1
    # a registered outlet that itself holds commas, longest first
    for k in range(1, last + 1):
        if is_known(", ".join(parts[k:])):
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
        if _SUBUNIT_RE.match(prev) and _title_case(prev):
            if is_organisation(", ".join(parts[k:])):
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
    """One to three capitalised words naming no outlet: ``New York``, ``Islamabad``."""
    words = text.split()
    return (
        0 < len(words) <= 3
        and _title_case(text)
        and not any(ch.isdigit() for ch in text)
        and _MEDIA_WORDS.isdisjoint(w.lower() for w in words)
        and not is_organisation(text)
    )


def parse_entry(
    raw: str, index: int, span: Span, source: str
) -> tuple[RawReference, list[Diagnostic]]:
    """Read one entry from the right. Never raises; what is missing is flagged."""
    found: list[Diagnostic] = []
    flags: list[str] = []
    parts = split_parts(raw)
    date_text: str | None = None
    impossible = False
    locator = parts.pop() if len(parts) >= 3 and _LOCATOR_RE.match(parts[-1]) else None
    if len(parts) >= 3 and _YEAR_RE.match(parts[-1]) and read_date(parts[-2] + " " + parts[-1]):
        date_text = parts[-2] + ", " + parts[-1].rstrip(".")  # "October 24, 2000"
        parts = parts[:-2]
    elif len(parts) >= 2 and read_date(parts[-1]):
        date_text = parts[-1].strip().rstrip(".").strip()
        parts = parts[:-1]
    elif len(parts) >= 2 and is_impossible_date(parts[-1]):  # "February 30": kept, not dated
        impossible = True
        date_text = parts[-1].strip().rstrip(".").strip()
        parts = parts[:-1]
    if date_text is not None and len(parts) >= 3 and is_weekday(parts[-1]):
        date_text = parts[-1] + ", " + date_text  # "Tuesday, October 28"
        parts = parts[:-1]
    if locator is not None:  # back on the outlet: "Congressional Record, p. S12505"
        parts.append(locator)
    title: str
    outlet: str | None = None
    if len(parts) >= 2:
        k = _outlet_start(parts)
        outlet = clean_outlet(", ".join(parts[k:])) or None
        title = clean_title(", ".join(parts[:k]))
    elif date_text is not None:
        title = clean_title(parts[0]) if parts else ""
    elif len(parts) == 1 and is_known(clean_outlet(parts[0])):
        title, outlet = "", clean_outlet(parts[0])
    else:
        title = clean_title(raw)
    if "&" in raw:
        title = decode_entities(title)
        outlet = decode_entities(outlet) if outlet is not None else None
    if impossible:
        flags.append("bad-date")
        found.append(
            diag.warning(
                "S004",
                source,
                span.line,
                f"entry {index + 1} names a day its month does not have: {date_text!r}",
                "kept as written, without a date",
            )
        )
    if date_text is None:
        flags.append("no-date")
        found.append(
            diag.warning(
                "S001",
                source,
                span.line,
                f"entry {index + 1} has no date: {raw!r}",
                "the entry may be cut off; it is kept as found",
            )
        )
    if outlet is None:
        flags.append("no-outlet")
        found.append(
            diag.warning("S002", source, span.line, f"entry {index + 1} has no outlet: {raw!r}")
        )
    if not title:
        flags.append("no-title")
        found.append(
            diag.warning("S006", source, span.line, f"entry {index + 1} has no title: {raw!r}")
        )
    if _QUOTE_SET.intersection(raw) and _looks_damaged(raw):
        flags.append("damaged-text")
        found.append(
            diag.warning(
                "S003",
                source,
                span.line,
                f"entry {index + 1} looks damaged (lost apostrophes or empty quotes); "
                "kept as found",
            )
        )
    ref = trusted(
        RawReference,
        {
            "index": index,
            "raw": raw,
            "title": title,
            "outlet": outlet,
            "date_text": date_text,
            "span": span,
            "flags": tuple(flags),
        },
    )
    return ref, found


def _looks_damaged(raw: str) -> bool:
    """Lost apostrophes or empty quotes (``didn'``, ``It' over``, ``''``)."""
    if _DAMAGE_RE.search(raw):
        return True
    if "'" not in raw:
        return False
    lost = _LOST_S_RE.search(raw)
    return lost is not None and _OPEN_QUOTE_RE.search(raw, 0, lost.start()) is None


def parse_list(
    source_list: SourceList, lines: LineIndex, source: str
) -> tuple[list[RawReference], list[Diagnostic]]:
    """Every entry of a source list, in order; empty pieces between separators are skipped
    with a note, nothing else is dropped."""
    refs: list[RawReference] = []
    found: list[Diagnostic] = []
    base = source_list.span.start
    text = source_list.text
    for start, end in split_entries(text):
        piece = text[start:end]
        stripped = piece.strip()
        if stripped in ("", "."):
            if start or end < len(text):
                found.append(
                    diag.info("S005", source, lines.line(base + start), "empty entry skipped")
                )
            continue
        offset = start + (len(piece) - len(piece.lstrip()))
        raw = " ".join(stripped.split())
        start_at = base + offset
        span = trusted(
            Span, {"start": start_at, "end": start_at + len(stripped), "line": lines.line(start_at)}
        )
        ref, notes = parse_entry(raw, len(refs), span, source)
        refs.append(ref)
        found.extend(notes)
    return refs, found
