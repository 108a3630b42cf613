"""The seal of a library file: SQLite's quick check reads every page (about 1.5 s of CPU
for 10^6 references), so a big library that refs closed cleanly is not checked again
while the file stays as refs left it.

When a command closes a library of at least ``$REFS_SEAL_MIN_BYTES`` (64 MiB by default)
that it checked or wrote, with its write-ahead log checkpointed away, it records the file's
identity (device, inode, size, modification time) in the user's cache
(``$REFS_CACHE_DIR``, else ``$XDG_CACHE_HOME/refs``, else ``~/.cache/refs``). The next
command that opens the file skips the quick check when that identity is unchanged and no
write-ahead log holds pages. Anything else (another program wrote the file, a crash left a
log, a copy, a restored backup, damage on disk) changes the identity, and the file is
checked in full again. The seal is written only once the file's time is older than the
clock's tick, so a change within that tick cannot hide behind it. Smaller libraries are
checked every time (it is cheap); no seal, no cache, no error.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

DEFAULT_MIN_BYTES = 64 * 1024 * 1024
_TICK_NS = 20_000_000  # longer than a coarse file-system clock's tick


def min_bytes() -> int:
    try:
        return max(0, int(os.environ.get("REFS_SEAL_MIN_BYTES", DEFAULT_MIN_BYTES)))
    except ValueError:
        return DEFAULT_MIN_BYTES


def _store(path: Path) -> Path:
    root = os.environ.get("REFS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "refs",
    )
    name = hashlib.sha256(os.fsencode(os.path.realpath(path))).hexdigest()[:32]
    return Path(root) / "seals" / name


def identity(path: Path) -> str | None:
    """The file as it is now, or None when it cannot be sealed: too small, or a
    write-ahead log with pages beside it."""
    try:
        st = path.stat()
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
    except OSError:
        return None
    if st.st_size < min_bytes():
        return None
    return f"{st.st_dev} {st.st_ino} {st.st_size} {st.st_mtime_ns}"


def is_sealed(path: Path) -> bool:
    """Was the file left exactly like this by a command that checked or wrote it?"""
    now = identity(path)
    if now is None:
        return False
    try:
        return _store(path).read_text(encoding="ascii") == now
    except (OSError, ValueError):
        return False


def seal(path: Path) -> None:
    """Record the file as it is now (after a clean check or our own write). Best effort:
    a cache that cannot be written only means a full check next time."""
    now = identity(path)
    if now is None:
        return
    try:
        wait_ns = min(_TICK_NS, path.stat().st_mtime_ns + _TICK_NS - time.time_ns())
        if wait_ns > 0:
            time.sleep(wait_ns / 1e9)
        if identity(path) != now:
            return
        store = _store(path)
        store.parent.mkdir(parents=True, exist_ok=True)
        temp = store.with_name(f"{store.name}.{os.getpid()}")
        temp.write_text(now, encoding="ascii")
        os.replace(temp, store)
    except OSError:
        return
