"""Registered exports (schema version 3): a file, its format and the filters that choose
its references; every command that changes the library rewrites them (``refs
autoexport``, like Better BibTeX's auto-export). Runs on an open
:class:`refs.library.store.Library`."""

from __future__ import annotations

import json
from dataclasses import dataclass

from refs.library.store import Library
from refs.models import PartialDate
from refs.select import Selection, parse_bound

AUTOEXPORTS_VERSION = 3  # the schema version that added autoexports


@dataclass(frozen=True)
class AutoExport:
    path: str  # absolute
    format: str
    selection: Selection

    def filters_json(self) -> str:
        return filters_json(self.selection)


def filters_json(selection: Selection) -> str:
    """The filters as stable JSON (dates in ISO 8601)."""

    def iso(date: PartialDate | None) -> str | None:
        return date.iso() if date is not None else None

    doc = {
        "articles": list(selection.articles),
        "outlets": list(selection.outlets),
        "since": iso(selection.since),
        "until": iso(selection.until),
    }
    return json.dumps(doc, sort_keys=True)


def _selection(text: str) -> Selection:
    doc = json.loads(text)
    since, until = doc.get("since"), doc.get("until")
    return Selection(
        articles=tuple(doc.get("articles", ())),
        outlets=tuple(doc.get("outlets", ())),
        since=parse_bound(since) if since else None,
        until=parse_bound(until) if until else None,
    )


def registered(lib: Library) -> list[AutoExport]:
    """The registered exports, by path (none in a library older than version 3)."""
    if lib.schema_version() < AUTOEXPORTS_VERSION:
        return []
    rows = lib.db.execute("SELECT path, format, filters FROM autoexports ORDER BY path")
    return [AutoExport(str(p), str(f), _selection(str(s))) for p, f, s in rows]


def register(lib: Library, export: AutoExport) -> bool:
    """Register (or re-register) an export; True if the path was new."""
    known = lib.db.execute("SELECT 1 FROM autoexports WHERE path = ?", (export.path,)).fetchone()
    lib.db.execute(
        "INSERT OR REPLACE INTO autoexports (path, format, filters) VALUES (?, ?, ?)",
        (export.path, export.format, export.filters_json()),
    )
    return known is None


def unregister(lib: Library, path: str) -> bool:
    """Forget the export to ``path``; True if there was one."""
    cur = lib.db.execute("DELETE FROM autoexports WHERE path = ?", (path,))
    return cur.rowcount == 1
