"""How the library file may be opened by this user: for writing, or read-only when the
file or its folder cannot be written (a shared, read-only copy), so reading commands
still work there and writing ones get one clear line."""

from __future__ import annotations

import os
from pathlib import Path

from refs.errors import LibraryError


def writable(path: Path) -> bool:
    """Can this user write the library file and its folder (WAL needs both)?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def read_only_uri(path: Path) -> str:
    """The URI opening ``path`` read-only. In a folder this user cannot write, SQLite
    cannot make the WAL index beside the file, so a file without a pending WAL is opened
    as immutable (nobody can be writing it through this folder's missing -wal file)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return uri


def refuse_unwritable_folder(path: Path) -> None:
    """A new library in a folder this user cannot write: say so (not 'is the disk full?')."""
    if not os.access(path.parent, os.W_OK):
        raise LibraryError(
            f"cannot create the library {path}: the folder {path.parent} is not writable "
            "for this user; name another with --library"
        )
