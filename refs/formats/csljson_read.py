"""CSL-JSON text -> references and diagnostics (one item at a time, each with its line)."""

from __future__ import annotations

import json
from typing import Any

from refs.dates import written_date
from refs.diagnostics import Diagnostic, error, info, warning
from refs.formats.bib_types import CSL_TYPES
from refs.formats.imported import (
    Draft,
    ImportResult,
    clean_text,
    finish,
    iso_date,
    number,
    untitled,
    valid_date,
)
from refs.models import Fields, PartialDate

_USED = frozenset({"id", "type", "title", "container-title", "publisher", "issued"})
_DECODER = json.JSONDecoder()


def _decode(text: str, pos: int, file: str, diags: list[Diagnostic]) -> tuple[Any, int] | None:
    """One JSON value from ``pos`` and where it ends; None (with an I003) when it cannot be
    read: bad JSON, nesting too deep for the decoder, a number over Python's digit limit."""
    line = text.count("\n", 0, pos) + 1
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        diags.append(error("I003", file, exc.lineno, f"not valid JSON: {exc.msg}"))
    except RecursionError:
        diags.append(error("I003", file, line, "JSON nested too deeply; skipped"))
    except ValueError as exc:  # an integer of more than 4,300 digits
        diags.append(error("I003", file, line, f"a value cannot be read: {exc}"[:120]))
    return None


def _items(text: str, file: str, diags: list[Diagnostic]) -> list[tuple[int, Any]]:
    """The top-level array's elements with the 1-based line each starts on."""
    pos = len(text) - len(text.lstrip())
    if text.startswith("{", pos):
        decoded = _decode(text, pos, file, diags)
        return [] if decoded is None else [(text.count("\n", 0, pos) + 1, decoded[0])]
    if not text.startswith("[", pos):
        diags.append(error("I003", file, 1, "CSL-JSON must be an array of items"))
        return []
    out: list[tuple[int, Any]] = []
    line, counted = text.count("\n", 0, pos) + 1, pos
    pos += 1
    expect_item = True
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos >= len(text):
            diags.append(error("I003", file, line + text.count("\n", counted), "array not closed"))
            return out
        if text[pos] == "]":
            return out
        if text[pos] == "," and not expect_item:
            pos += 1
            expect_item = True
            continue
        line += text.count("\n", counted, pos)
        counted = pos
        decoded = _decode(text, pos, file, diags)
        if decoded is None:
            return out
        value, pos = decoded
        out.append((line, value))
        expect_item = False


def _date_part(part: Any) -> int | None:
    """A date part as CSL-JSON writes it: a number or a string of ASCII digits; ``1e999``,
    ``2000.5``, ``true``, ``"²⁰⁰⁰"`` and numbers of thousands of digits are not."""
    if isinstance(part, bool):
        return None
    if isinstance(part, int):
        return part if -(10**9) < part < 10**9 else None
    if isinstance(part, float):
        return int(part) if part.is_integer() and abs(part) < 1e9 else None
    return number(part) if isinstance(part, str) else None


def _date(value: Any) -> PartialDate | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        read = [_date_part(p) for p in parts[0][:3]]
        if None in read:
            return None
        nums = [n for n in read if n is not None] + [0] * (3 - len(read))
        return valid_date(nums[0], nums[1] or None, nums[2] or None)
    for name in ("raw", "literal"):
        if isinstance(value.get(name), str):
            return iso_date(value[name]) or written_date(value[name])
    return None


def _text(item: dict[str, Any], name: str) -> str | None:
    value = item.get(name)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return json.dumps(value)  # never str() of a 5,000-digit int
    return clean_text(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def _check_surrogates(item: dict[str, Any], file: str, line: int, diags: list[Diagnostic]) -> None:
    for name in ("id", "title", "container-title", "publisher", "type"):
        value = item.get(name)
        if isinstance(value, str) and clean_text(value) != value:
            diags.append(warning("I015", file, line, f"{name} holds a lone surrogate: U+FFFD"))


def parse_csljson(text: str, file: str = "<string>") -> ImportResult:
    """Read CSL-JSON text: an array of items (or one item)."""
    diags: list[Diagnostic] = []
    drafts: list[Draft] = []
    seen: set[str] = set()
    unused: dict[str, int] = {}
    for line, item in _items(text, file, diags):
        if not isinstance(item, dict):
            diags.append(error("I003", file, line, "item is not a JSON object; skipped"))
            continue
        key = _text(item, "id")
        title = _text(item, "title") or ""
        name = f"item {key!r}" if key is not None else "an item without id"
        more = any(item.get(n) for n in ("container-title", "publisher", "issued"))
        if not title and not untitled(name, file, line, more, diags):
            continue
        if key is not None and key in seen:
            diags.append(error("I004", file, line, f"duplicate id {key!r}; skipped"))
            continue
        if key is None:
            diags.append(warning("I013", file, line, "item without id: one was made"))
        else:
            seen.add(key)
        for name in item:
            if name not in _USED:
                unused[name] = unused.get(name, 0) + 1
        issued = _date(item.get("issued")) if "issued" in item else None
        if "issued" in item and issued is None:
            shown = json.dumps(item["issued"], ensure_ascii=False)[:60]
            diags.append(warning("I009", file, line, f"issued {shown} not read; left out"))
        if not isinstance(item.get("type"), str):
            diags.append(warning("I003", file, line, "item without type: read as document"))
        elif item["type"] not in CSL_TYPES:
            shown = clean_text(item["type"])[:40]
            diags.append(warning("I016", file, line, f"{shown!r} is not a CSL type; kept"))
        _check_surrogates(item, file, line, diags)
        drafts.append(
            Draft(
                key=key or None,
                line=line,
                fields=Fields(
                    title=title,
                    issued=issued,
                    type=_text(item, "type") or "document",
                    publisher=_text(item, "publisher") or None,
                    container_title=_text(item, "container-title") or None,
                ),
            )
        )
    if unused:
        listed = ", ".join(f"{name} ({n})" for name, n in sorted(unused.items()))
        diags.append(info("I008", file, None, f"fields not imported: {listed}"))
    return ImportResult("csljson", finish(drafts), tuple(diags))
