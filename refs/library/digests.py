"""Content digests of added files (schema version 3): a file added before with the same
bytes is known without reading its text or parsing it again; the findings its parse
gave are kept with the digest and shown again, as a new parse would show them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from refs.diagnostics import Diagnostic, diagnostic_of_row
from refs.library.store import Library


def file_digest(path: Path) -> str | None:
    """sha256 of the file's bytes (None when it cannot be read: parsing reports why)."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def findings_json(found: Sequence[Diagnostic]) -> str:
    """A file's findings without its name (the file may be named otherwise next time)."""
    return json.dumps([[d.code, d.severity.value, d.line, d.message, d.hint] for d in found])


def findings_of(text: str, file: str) -> list[Diagnostic]:
    """The findings ``findings_json`` kept, for ``file`` as named now."""
    return [
        diagnostic_of_row((code, sev, file, line, msg, hint))
        for code, sev, line, msg, hint in json.loads(text)
    ]


def known_digests(lib: Library, files: Sequence[str]) -> dict[str, tuple[str, str]]:
    """(digest, findings) recorded for each of ``files`` (resolved paths) that has one."""
    out: dict[str, tuple[str, str]] = {}
    for start in range(0, len(files), 500):
        chunk = files[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT file, digest, diagnostics FROM file_digests WHERE file IN ({marks})"
        out.update((str(f), (str(d), str(j))) for f, d, j in lib.db.execute(sql, chunk))
    return out


def record_digests(lib: Library, rows: Iterable[tuple[str, str, str, str]]) -> None:
    """Remember (resolved file, digest, article id, findings): the file as it was added."""
    lib.db.executemany("INSERT OR REPLACE INTO file_digests VALUES (?, ?, ?, ?)", rows)
