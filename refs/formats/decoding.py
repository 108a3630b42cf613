"""File bytes -> text, the one home of decoding: the encodings that other tools write.

UTF-8 (with or without BOM); UTF-16 and UTF-32 with a BOM, and UTF-16 without one (told
by its zero bytes, as Windows tools write it); the ``% Encoding: windows-1252`` header
that JabRef writes at the top of a ``.bib`` file; else latin-1 with a warning."""

from __future__ import annotations

import codecs
import re

from refs.diagnostics import Diagnostic, warning
from refs.patterns import compiled

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER = compiled(rb"\A(?:\s*%[^\n]*\n)*?\s*%\s*Encoding:\s*([A-Za-z0-9_.:-]+)", re.I)


def bom_encoding(data: bytes) -> str | None:
    """The Unicode encoding that a byte order mark, or UTF-16's zero bytes, tell."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:200]
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and 0 not in head[0::2][:2]:
        return "utf-16-le"
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4 and 0 not in head[1::2][:2]:
        return "utf-16-be"
    return None


def header_encoding(data: bytes) -> str | None:
    """The encoding named by a JabRef ``% Encoding:`` line at the top, where Python
    knows it."""
    match = _HEADER.match(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, file: str) -> tuple[str, list[Diagnostic]]:
    """The text of an import file and a warning where its encoding had to be guessed."""
    unicode = bom_encoding(data)
    if unicode is not None:
        try:
            return data.decode(unicode).lstrip("\ufeff"), []
        except UnicodeDecodeError:
            pass
    named = header_encoding(data)
    if named is not None and named not in ("utf-8",):
        try:
            return data.decode(named), []
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            note = warning("I002", file, line, f"not {named} as its header says; read as latin-1")
            return data.decode("latin-1"), [note]
    text, used, line = utf8_or(data)
    if used is None:
        return text, []
    return text, [warning("I002", file, line, "not UTF-8; read as latin-1")]


def utf8_or(data: bytes, fallbacks: tuple[str, ...] = ()) -> tuple[str, str | None, int]:
    """The text of ``data``: UTF-8 (a BOM dropped) where it is, else in the first of
    ``fallbacks`` that decodes it, else latin-1 (which decodes anything). Returns the
    text, the encoding fallen back to (None for UTF-8) and the 1-based line of the first
    byte that is not UTF-8 (0 for UTF-8)."""
    try:
        return data.decode("utf-8-sig"), None, 0
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    for encoding in fallbacks:
        try:
            return data.decode(encoding), encoding, line
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1", line
