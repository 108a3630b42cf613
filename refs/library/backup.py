"""`refs backup`: a verified copy of the library made with SQLite's online backup API
(consistent even while another command writes), written to a temporary file and renamed
into place once SQLite's integrity check passes on the copy. A migration makes one first."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from refs.errors import LibraryError


def default_backup_path(library: Path, version: int | None = None) -> Path:
    """``refs.db`` -> ``refs.db.bak`` (``refs.db.v1.bak`` before a migration from v1);
    the first free ``.bak``, ``.2.bak``, ... so no backup is ever overwritten."""
    stem = f"{library.name}.v{version}" if version is not None else library.name
    candidate = library.with_name(f"{stem}.bak")
    n = 2
    while candidate.exists():
        candidate = library.with_name(f"{stem}.{n}.bak")
        n += 1
    return candidate


def backup(source: sqlite3.Connection, target: Path) -> int:
    """Copy the open library ``source`` to ``target`` and verify the copy; returns the
    copy's size in bytes. Raises LibraryError (nothing left behind) when it fails."""
    if target.exists() and not target.is_file():
        raise LibraryError(f"cannot back up to {target}: not a regular file")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # a folder this user cannot write
        raise LibraryError(
            f"cannot back up to {target}: {exc.strerror or exc}",
            hint="name a file in a folder you can write: refs backup FILE",
        ) from None
    os.close(fd)
    try:
        with closing(sqlite3.connect(tmp)) as copy:
            source.backup(copy)
            verdict = copy.execute("PRAGMA integrity_check").fetchall()
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        if [tuple(r) for r in verdict] != [("ok",)]:
            raise LibraryError(f"the backup copy failed SQLite's integrity check: {verdict[0][0]}")
        os.replace(tmp, target)
        return target.stat().st_size
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot back up to {target}: {exc}") from None
    except OSError as exc:
        raise LibraryError(f"cannot back up to {target}: {exc.strerror or exc}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
