"""Read an import file: decode it, tell its format, run the matching reader."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from refs.diagnostics import error, warning
from refs.formats.bibtex_read import parse_bibtex
from refs.formats.csljson_read import parse_csljson
from refs.formats.decoding import bom_encoding, decode
from refs.formats.files import BY_EXTENSION
from refs.formats.imported import ImportResult
from refs.formats.ris_read import parse_ris
from refs.patterns import compiled
from refs.reader import looks_binary

_RIS_START = compiled(r"^\s*TY  -", re.MULTILINE)
_BIB_START = compiled(r"@\s*[A-Za-z]+\s*[{(]")
PARSERS = {
    "bibtex": parse_bibtex,
    "biblatex": parse_bibtex,
    "csljson": parse_csljson,
    "ris": parse_ris,
}


def detect_format(text: str, name: str = "") -> str | None:
    """``bibtex``, ``csljson`` or ``ris`` from the content, else from the extension."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if head.startswith(("[", "{")):
        return "csljson"
    if _RIS_START.match(head):
        return "ris"
    if _BIB_START.search(head):
        return "bibtex"
    return BY_EXTENSION.get(Path(name).suffix.lower())


def parse_text(text: str, file: str = "<string>", fmt: str | None = None) -> ImportResult:
    """Parse import text in the given format, or the detected one."""
    fmt = fmt or detect_format(text, file)
    if fmt not in PARSERS:
        return ImportResult(
            "unknown",
            diagnostics=(error("I001", file, None, "not BibTeX, CSL-JSON or RIS"),),
        )
    return PARSERS[fmt](text, file)


def read_import(path: Path) -> ImportResult:
    """Read the file at ``path``; unreadable files give an I001 diagnostic, not an error."""
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return ImportResult("unknown", diagnostics=(error("I001", file, None, reason),))
    return read_import_bytes(data, file)


def read_import_bytes(data: bytes, file: str) -> ImportResult:
    """Read import ``data`` (a file's bytes, or stdin's) named ``file`` in diagnostics."""
    if not data.removeprefix(b"\xef\xbb\xbf").strip():  # a BOM alone is empty too
        return ImportResult("unknown", diagnostics=(error("I001", file, None, "file is empty"),))
    if bom_encoding(data) is None and looks_binary(data):  # UTF-16 holds zero bytes
        why = "file looks binary, not BibTeX, CSL-JSON or RIS"
        return ImportResult("unknown", diagnostics=(error("I001", file, None, why),))
    text, notes = decode(data, file)
    if not text.strip():
        return ImportResult("unknown", diagnostics=(error("I001", file, None, "file is empty"),))
    result = parse_text(text, file)
    if not result.references and not result.diagnostics:
        lost = warning("I014", file, None, f"no entries found (read as {result.format})")
        result = replace(result, diagnostics=(lost,))
    return replace(result, diagnostics=tuple(notes) + result.diagnostics)
