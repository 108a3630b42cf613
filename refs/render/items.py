"""CSL-JSON items checked before they reach citeproc-py, which crashes on an item
without id or type and on non-numeric or yearless dates: such items get diagnostics
and are mended or left out. Strings are protected (escape.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from citeproc import NAMES

from refs.diagnostics import Diagnostic, error, warning
from refs.patterns import compiled
from refs.render.escape import protect_item

NAME_FIELDS = frozenset(n.replace("_", "-") for n in NAMES)
NAME_PARTS = frozenset(
    "family given literal suffix dropping-particle non-dropping-particle comma-suffix".split()
)
DATE_FIELDS = ("issued", "accessed", "event-date", "original-date", "submitted", "container")


def _season(value: Any) -> int | str | None:
    try:
        number = int(str(value))
    except ValueError:
        return str(value) if str(value).strip() else None
    return number if 1 <= number <= 4 else None


def _check_date(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, Mapping):
        return None
    literal = value.get("literal") or value.get("raw")
    parts = value.get("date-parts")
    if not parts and literal:  # no parts (or empty ones): the literal is the date
        return {"literal": str(literal)}
    if not isinstance(parts, list) or not parts or len(parts) > 2:
        return None
    clean: list[list[int]] = []
    for part in parts:
        if not isinstance(part, list) or not part:
            return None
        try:
            numbers = [int(str(p)) for p in part[:3]]
        except ValueError:
            return None
        # a month out of range is dropped with its day, a day out of range alone
        # (months 13 to 24 are seasons, as citeproc-js reads them)
        if len(numbers) > 1 and not 1 <= numbers[1] <= 24:
            numbers = numbers[:1]
        if len(numbers) > 2 and not 1 <= numbers[2] <= 31:
            numbers = numbers[:2]
        clean.append(numbers)
    out: dict[str, Any] = {"date-parts": clean}
    if value.get("circa"):
        out["circa"] = True
    season = _season(value["season"]) if value.get("season") is not None else None
    if season is not None:
        out["season"] = season
    return out


def _particles(name: dict[str, str]) -> dict[str, str]:
    """Lower-case words that open a family name are its particle ("van der Berg"), as
    the reference processor reads them when no particle is given apart."""
    family = name.get("family", "")
    if len(family) > 2 and family[0] == family[-1] == '"':  # quoted: a family name whole
        return {**name, "family": family[1:-1]}
    if "non-dropping-particle" in name or "dropping-particle" in name:
        return name
    given = name.get("given", "").split(" ")
    if len(given) > 1 and given[-1][:1].islower() and "," not in name.get("given", ""):
        # "François Hédelin d'" (after a comma, a suffix: "John, Jr.")
        tail = len(given) - 1
        while tail > 1 and given[tail - 1][:1].islower():
            tail -= 1
        head, particle = " ".join(given[:tail]), " ".join(given[tail:])
        name = {**name, "given": head, "dropping-particle": particle}
    if " " not in family:
        return name
    words = family.split(" ")
    lead = 0
    while lead < len(words) - 1 and words[lead][:1].islower():
        lead += 1
    if not lead:
        return name
    particle, rest = " ".join(words[:lead]), " ".join(words[lead:])
    return {**name, "family": rest, "non-dropping-particle": particle}


def _check_names(value: Any) -> list[dict[str, str]] | None:
    if not isinstance(value, list):
        return None
    names = []
    for name in value:
        if not isinstance(name, Mapping):
            return None
        clean = {k: str(v) for k, v in name.items() if k in NAME_PARTS and v is not None}
        if not clean:
            return None
        if clean.pop("comma-suffix", None) in ("True", "true"):
            clean["comma-suffix"] = "true"
        names.append(_particles(clean))
    return names


_SHORT_RANGE = compiled(r"^(\d+)(\s*[-\u2013]\s*)(\d+)$")


def _page(value: str) -> str:
    """An abbreviated page range written out ("321-9" is 321-329), as citeproc-js reads
    it where the style has a page-range-format."""
    m = _SHORT_RANGE.match(value.strip())
    if not m:
        return value
    first, dash, last = m.groups()
    if len(last) < len(first) and int(first[-len(last) :]) < int(last):
        last = first[: len(first) - len(last)] + last
    elif len(last) < len(first):
        return value
    return first + dash + last


def prepare(
    items: Sequence[Mapping[str, Any]], source: str, expand_pages: bool = False
) -> tuple[list[dict[str, Any]], dict[str, str], list[Diagnostic]]:
    """Items ready for citeproc-py, citeproc-py's (lower-cased) ids -> our ids, and
    diagnostics."""
    ready: list[dict[str, Any]] = []
    ids: dict[str, str] = {}
    diags: list[Diagnostic] = []
    for n, raw in enumerate(items, start=1):
        key = raw.get("id")
        if key is None or str(key).strip() == "":
            diags.append(error("C001", source, None, f"item {n} has no id; left out"))
            continue
        key = str(key)
        lowered = key.lower()
        if lowered in ids:
            diags.append(error("C004", source, None, f"duplicate id {key!r}; left out"))
            continue
        item: dict[str, Any] = {"id": lowered}
        kind = raw.get("type")
        if not kind:
            diags.append(warning("C002", source, None, f"{key}: no type; rendered as document"))
            kind = "document"
        item["type"] = str(kind)
        for field, value in raw.items():
            if field in ("id", "type") or value is None:
                continue
            if field in NAME_FIELDS:
                names = _check_names(value)
                if names is None:
                    diags.append(warning("C003", source, None, f"{key}: {field} unusable; dropped"))
                    continue
                value = names
            elif field in DATE_FIELDS:
                date = _check_date(value)
                if date is None:
                    diags.append(warning("C003", source, None, f"{key}: {field} unusable; dropped"))
                    continue
                value = date
            if field == "page" and expand_pages and isinstance(value, str):
                value = _page(value)
            rich = field not in NAME_FIELDS and field not in DATE_FIELDS and field != "language"
            item[field] = protect_item(value, nocase=rich)
        ids[lowered] = key
        ready.append(item)
    return ready, ids, diags
