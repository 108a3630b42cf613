"""Source-list entry -> RawReference: split the list on ``;`` and read each entry from the
right (date, outlet, the rest is the title)."""

from __future__ import annotations

import re

from refs import diagnostics as diag
from refs.dates import is_weekday, read_date, unreadable_date
from refs.diagnostics import Diagnostic
from refs.models import RawReference, SourceList, Span
from refs.models.trusted import trusted
from refs.outlets import is_known
from refs.parse.line_index import LineIndex
from refs.parse.outlet_span import outlet_start
from refs.parse.separators import decode_entities, missing_separators, split_entries
from refs.patterns import compiled

# A page locator written after the date ("..., October 13, 1999, p. S12505").
_LOCATOR_RE = compiled(r"^pp?\.\s*[A-Z]?\d+(?:\s*[-–]\s*[A-Z]?\d+)?$")
_YEAR_RE = compiled(r"^(?:19|20)\d\d\.?$")
_QUOTES = "'\"‘’“”`"
_QUOTE_SET = frozenset(_QUOTES)
_CLOSERS = {"‘": "’", "“": "”"}
_ENCLOSING = {'"': '"', "'": "'", **_CLOSERS}
_DAMAGE_RE = compiled(
    r"''|\"\"|‘’|“”"
    r"|\b(?:didn|don|doesn|can|won|isn|wasn|haven|hasn|hadn|couldn|wouldn|shouldn|aren|weren)"
    r"['’](?!t)",
    re.IGNORECASE,
)
# A word that lost the letters after its apostrophe ("It' over", "Pyongyang' plan"); only
# counted where no quote was opened before it (a closing quote also ends a word).
_LOST_S_RE = compiled(r"[A-Za-rt-z]['’](?=[\s,.;:]|$)")
_OPEN_QUOTE_RE = compiled(r"(?:^|[\s(\[-])['‘]\w")


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
    if _QUOTE_SET.isdisjoint(text):
        return text
    closer = _ENCLOSING.get(text[0])
    if closer and len(text) > 2 and text[-1] == closer and closer not in text[1:-1]:
        text = text[1:-1].strip().rstrip(",").strip()  # "US and China agree," (wholly quoted)
    for quote in _QUOTES:
        if quote in _CLOSERS:  # curly quotes pair up: ‘...’ and “...” (’ is also an apostrophe)
            closer = _CLOSERS[quote]
            if text.startswith(quote) and closer not in text[1:]:
                text = text[1:].lstrip()
            elif text.endswith(closer) and quote not in text and text[-2:-1].isalpha():
                text = text[:-1].rstrip().rstrip(",").rstrip()
            continue
        if quote in "’”":
            continue
        if text.count(quote) % 2 == 1:
            if text.endswith(quote) and not text.endswith(quote * 2):
                text = text[:-1].rstrip().rstrip(",").rstrip()
            elif text.startswith(quote) and not text.startswith(quote * 2):
                text = text[1:].lstrip()
    return text


def parse_entry(
    raw: str, index: int, span: Span, source: str
) -> tuple[RawReference, list[Diagnostic]]:
    """Read one entry from the right. Never raises; what is missing is flagged."""
    parts = split_parts(raw)
    if "&" in raw:  # "&amp;", "&#8217;" left in the page: decoded before any cleaning
        parts = [decode_entities(p) for p in parts]
    date_text, impossible, parts = _date_from_right(parts)
    title, outlet = _title_and_outlet(raw, parts, date_text is not None)
    flags, found = _flags(raw, index, span, source, title, outlet, date_text, impossible)
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


def _date_from_right(parts: list[str]) -> tuple[str | None, str | None, list[str]]:
    """The entry's date (with its year or weekday where given) taken from the right, the
    text of a date that cannot be (``February 30``), and the parts before it (a locator
    such as ``p. S12505`` stays on the outlet)."""
    date_text: str | None = None
    impossible: str | None = None
    locator = parts.pop() if len(parts) >= 3 and _LOCATOR_RE.match(parts[-1]) else None
    if len(parts) >= 3 and _YEAR_RE.match(parts[-1]) and read_date(parts[-2] + " " + parts[-1]):
        date_text = parts[-2] + ", " + parts[-1].rstrip(".")  # "October 24, 2000"
        parts = parts[:-2]
    elif len(parts) >= 2 and (
        read_date(parts[-1]) or (impossible := unreadable_date(parts[-1]))  # "February 30"
    ):
        date_text = parts[-1].strip().rstrip(".").strip()
        parts = parts[:-1]
    elif len(parts) == 1 and read_date(parts[0]):  # a date alone: title and outlet lost
        date_text, parts = parts[0].strip().rstrip(".").strip(), []
    if date_text is not None and len(parts) >= 3 and is_weekday(parts[-1]):
        date_text = parts[-1] + ", " + date_text  # "Tuesday, October 28"
        parts = parts[:-1]
    if locator is not None:  # back on the outlet: "Congressional Record, p. S12505"
        parts.append(locator)
    return date_text, impossible, parts


def _title_and_outlet(raw: str, parts: list[str], dated: bool) -> tuple[str, str | None]:
    """The title and outlet of the parts before the date."""
    if len(parts) >= 2:
        k = outlet_start(parts)
        return clean_title(", ".join(parts[:k])), clean_outlet(", ".join(parts[k:])) or None
    if dated:
        return (clean_title(parts[0]) if parts else ""), None
    if len(parts) == 1 and is_known(clean_outlet(parts[0])):
        return "", clean_outlet(parts[0])
    return clean_title(raw), None


def _flags(
    raw: str, index: int, span: Span, source: str, title: str, outlet: str | None,
    date_text: str | None, impossible: str | None,
) -> tuple[list[str], list[Diagnostic]]:  # fmt: skip
    """What is missing or damaged in an entry: its flags and their diagnostics."""
    flags: list[str] = []
    found: list[Diagnostic] = []
    n = index + 1

    def flag(name: str, code: str, message: str, hint: str | None = None) -> None:
        flags.append(name)
        found.append(diag.warning(code, source, span.line, message, hint))

    if impossible:
        flag(
            "bad-date", "S004",
            f"entry {n} has a date that cannot be read ({impossible}): {date_text!r}",
            "kept as written, without a date",
        )  # fmt: skip
    if date_text is None:
        flag(
            "no-date", "S001", f"entry {n} has no date: {raw!r}",
            "the entry may be cut off; it is kept as found",
        )  # fmt: skip
    if outlet is None:
        flag("no-outlet", "S002", f"entry {n} has no outlet: {raw!r}")
    if not title:
        flag("no-title", "S006", f"entry {n} has no title: {raw!r}")
    if not _QUOTE_SET.isdisjoint(raw) and _looks_damaged(raw):
        flag(
            "damaged-text", "S003",
            f"entry {n} looks damaged (lost apostrophes or empty quotes); kept as found",
        )  # fmt: skip
    return flags, found


def _looks_damaged(raw: str) -> bool:
    """Lost apostrophes or empty quotes (``didn'``, ``It' over``, ``''``)."""
    if _DAMAGE_RE.search(raw):
        return True
    if "'" not in raw and "’" not in raw:
        return False
    lost = _LOST_S_RE.search(raw)
    return lost is not None and _OPEN_QUOTE_RE.search(raw, 0, lost.start()) is None


def parse_list(
    source_list: SourceList, lines: LineIndex, source: str
) -> tuple[list[RawReference], list[Diagnostic]]:
    """Every entry of a source list, in order; empty pieces between separators are skipped
    with a note, entries run together without a ``;`` are split with a warning, nothing
    else is dropped."""
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
        cuts = missing_separators(stripped) if stripped.count(",") >= 4 else None
        if not cuts:  # the common case: one entry
            start_at = base + offset
            span = trusted(
                Span,
                {"start": start_at, "end": start_at + len(stripped), "line": lines.line(start_at)},
            )
            ref, notes = parse_entry(" ".join(stripped.split()), len(refs), span, source)
            refs.append(ref)
            found.extend(notes)
            continue
        bounds = zip([0, *cuts], [*cuts, len(stripped)], strict=True)
        for n, (sub_start, sub_end) in enumerate(bounds):
            sub = stripped[sub_start:sub_end].strip().rstrip(",").rstrip()
            if n:
                found.append(
                    diag.warning(
                        "S007",
                        source,
                        lines.line(base + offset + sub_start),
                        f"entries {len(refs)} and {len(refs) + 1} have no ';' between them: "
                        f"split before {sub[:40]!r}",
                    )
                )
            start_at = base + offset + sub_start
            span = trusted(
                Span, {"start": start_at, "end": start_at + len(sub), "line": lines.line(start_at)}
            )
            ref, notes = parse_entry(" ".join(sub.split()), len(refs), span, source)
            refs.append(ref)
            found.extend(notes)
    return refs, found
