"""File writes that respect the file system: a regular file is replaced atomically (a
temporary file in the same folder, then a rename) and keeps its mode and group; a new
file gets the mode the umask allows; a symlink is written through (its target is
replaced, the link stays); a FIFO, a device or another special file is written to,
never replaced."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half."""
    with open_atomic(path, encoding) as handle:
        handle.write(text)


@contextmanager
def open_atomic(path: Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text file to write bit by bit that replaces ``path`` only once it is complete."""
    target = Path(os.path.realpath(path))  # through symlinks: the link itself stays
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(target, "w", encoding=encoding, newline="") as handle:  # FIFO, device
            yield handle
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if info is None:
            os.fchmod(fd, 0o666 & ~_umask())
        else:
            os.fchmod(fd, stat.S_IMODE(info.st_mode))
            with contextlib.suppress(OSError):  # the group, where we may set it
                os.fchown(fd, -1, info.st_gid)
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
