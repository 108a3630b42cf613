"""CSL-JSON text -> references and diagnostics (one item at a time, each with its line)."""

from __future__ import annotations

import json
from typing import Any

from refs.diagnostics import Diagnostic, error, warning
from refs.formats.bib_types import CSL_TYPES
from refs.formats.csl_item import CslRead, fields_of_csl
from refs.formats.imported import Draft, ImportResult, clean_text, finish, kept
from refs.formats.nocase import unmark
from refs.models import FIELD_OF_CSL, KINDS, Fields

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


def _key(item: dict[str, Any]) -> str | None:
    value = item.get("id")
    if value is None:
        value = item.get("citation-key")
    return None if value is None else clean_text(str(value))


def _unread(read: CslRead, item: dict[str, Any], file: str, line: int) -> list[Diagnostic]:
    diags = []
    for variable in read.unread:
        shown = json.dumps(item[variable], ensure_ascii=False)[:60]
        code = "I009" if KINDS.get(FIELD_OF_CSL.get(variable, ""), "") == "date" else "I017"
        diags.append(warning(code, file, line, f"{variable} {shown} not read; kept verbatim"))
    return diags


def _draft(key: str | None, line: int, item: dict[str, Any], read: CslRead) -> Draft:
    values = dict(read.values)
    if not isinstance(item.get("type"), str):
        values["type"] = "document"
    else:
        values["type"] = clean_text(item["type"])
    values["title"] = unmark(values.get("title", ""))  # the marks our export writes
    aliases = list(read.aliases)
    cited = item.get("citation-key")
    if cited is not None and key is not None and str(cited) != key:
        aliases.append(str(cited))
    return Draft(key=key, line=line, fields=Fields(**values), aliases=tuple(aliases))


def _cleaned(value: Any) -> Any:
    """``value`` with lone surrogates in its text replaced by U+FFFD (reported by
    ``_check_surrogates``), so every field can be stored and written."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): _cleaned(v) for k, v in value.items()}
    return value


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
    for line, item in _items(text, file, diags):
        if not isinstance(item, dict):
            diags.append(error("I003", file, line, "item is not a JSON object; skipped"))
            continue
        key = _key(item)
        read = fields_of_csl(_cleaned(item))
        draft = _draft(key, line, item, read)
        name = f"item {key!r}" if key is not None else "an item without id"
        if not kept(name, file, line, draft.fields, diags):
            continue
        if key is not None and key in seen:
            diags.append(error("I004", file, line, f"duplicate id {key!r}; skipped"))
            continue
        if key is None:
            diags.append(warning("I013", file, line, "item without id: one was made"))
        else:
            seen.add(key)
        if not isinstance(item.get("type"), str):
            diags.append(warning("I003", file, line, "item without type: read as document"))
        elif item["type"] not in CSL_TYPES:
            shown = clean_text(item["type"])[:40]
            diags.append(warning("I016", file, line, f"{shown!r} is not a CSL type; kept"))
        _check_surrogates(item, file, line, diags)
        diags += _unread(read, item, file, line)
        drafts.append(draft)
    return ImportResult("csljson", finish(drafts), tuple(diags))
