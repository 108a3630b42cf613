"""The path an import's citations record: as the user gave it (relative, as articles
do), the same for the same file however it is named later (found by its resolved path),
so importing it again from another folder changes nothing. Runs inside the caller's
transaction."""

from __future__ import annotations

import os
from pathlib import Path

from refs.library.ingest import storable
from refs.library.store import Library


def import_source(lib: Library, path: Path) -> str:
    """The name citations of an import of ``path`` record."""
    file = storable(str(path.resolve()))
    row = lib.db.execute("SELECT source FROM import_files WHERE file = ?", (file,)).fetchone()
    if row is not None:
        return str(row[0])
    source = storable(os.path.normpath(str(path)))
    lib.db.execute("INSERT INTO import_files VALUES (?, ?)", (file, source))
    return source
