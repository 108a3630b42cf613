"""Files at the edge: find article files and decode them, with diagnostics for what is bad."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from refs import diagnostics as diag
from refs.diagnostics import Diagnostic
from refs.formats.decoding import utf8_or
from refs.parse.html_page import HTML_SUFFIXES, looks_like_html, page_text
from refs.patterns import compiled

ARTICLE_SUFFIXES = frozenset({".txt", ".text"}) | HTML_SUFFIXES
_CONTROL = bytes(sorted(set(range(0, 32)) - {9, 10, 12, 13}))


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Article files named or found (recursively, sorted) under folders; a file named
    twice (or also found under a named folder) is read once, where it first appears."""
    names, found = article_names(paths)
    return [Path(name) for name in names], found


def article_names(paths: Sequence[Path]) -> tuple[list[str], list[Diagnostic]]:
    """``discover``'s files as their names, in its order: compact for many files (a
    ``Path`` holds its parts; 10^5 of them and their resolved twins peak at about 90 MB,
    their names at about 15 MB). Folders are walked a folder at a time, and only a
    second PATH or a link can name a file twice, so only then are names resolved."""
    names: list[str] = []
    found: list[Diagnostic] = []
    linked = False
    for path in paths:
        if path.is_dir():
            before = len(names)
            linked = _walk(str(path), names) or linked
            if len(names) == before:
                found.append(
                    diag.error(
                        "R005", str(path), None, "no article files (*.txt, *.htm) in this folder"
                    )
                )
        elif path.is_file():
            names.append(str(path))
        elif path.exists():
            found.append(diag.error("R001", str(path), None, "not a regular file"))
        else:
            found.append(diag.error("R001", str(path), None, "no such file or folder"))
    return (_once(names) if len(paths) > 1 or linked else names), found


def _walk(folder: str, out: list[str]) -> bool:
    """Append the article files under ``folder`` to ``out`` in ``Path`` order (a folder's
    entries by name, each folder's files where it sorts), hidden entries and linked
    folders left out, as ``Path.rglob`` walks; True if a file found is a link."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: os.path.normcase(e.name))
    except OSError:  # unreadable: left out, as rglob leaves it
        return False
    prefix = "" if folder == os.curdir else os.path.join(folder, "")
    linked = False
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            linked = _walk(prefix + entry.name, out) or linked
        elif entry.is_file() and os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES:
            out.append(prefix + entry.name)
            linked = linked or entry.is_symlink()
    return linked


def _once(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        same = os.path.normcase(os.path.realpath(name))
        if same not in seen:
            seen.add(same)
            out.append(name)
    return out


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > max(8, len(head) // 50)


_LONE_CR = compiled(rb"\r(?!\n)")


def decode(data: bytes, source: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes -> text: UTF-8 (a BOM dropped), else Windows-1252/Latin-1 with a warning."""
    if not data.removeprefix(b"\xef\xbb\xbf").strip():  # a BOM alone is empty too
        return None, [diag.error("R003", source, None, "file is empty")]
    if looks_binary(data):
        return None, [diag.error("R004", source, None, "file looks binary, not an article")]
    if b"\r" in data:  # old Mac line ends (CR alone) read as LF, as universal newlines do
        data = _LONE_CR.sub(b"\n", data)
    text, used, line = utf8_or(data, ("cp1252",))
    if used is None:
        return text, []
    shown = {"cp1252": "Windows-1252", "latin-1": "Latin-1"}[used]
    return text, [
        diag.warning(
            "R002",
            source,
            line,
            f"not valid UTF-8 (first bad byte here); read as {shown}",
            "convert the file to UTF-8 to silence this",
        )
    ]


def read_text(path: Path) -> tuple[str | None, list[Diagnostic]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [diag.error("R001", str(path), None, f"cannot read: {exc.strerror}")]
    return decode_page(data, str(path), path.suffix.lower() in HTML_SUFFIXES)


def decode_page(
    data: bytes, source: str, html: bool = False
) -> tuple[str | None, list[Diagnostic]]:
    """A page's text: decoded, and an HTML page (by name or content) read as its text."""
    text, found = decode(data, source)
    if text is not None and (html or looks_like_html(text)):
        text = page_text(text)  # HTML pages are read as their text rendering
    return text, found
