"""Guards for ``-o FILE`` that run before any work: the output may not be one of the
command's inputs (an article file named or found under a named folder) nor the library
(or its WAL and shared-memory files), which the write would destroy."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from refs.reader import ARTICLE_SUFFIXES


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _under(folder: Path, output: Path) -> bool:
    """``output`` is an article file that reading ``folder`` would find."""
    try:
        inside = Path(os.path.realpath(output)).relative_to(os.path.realpath(folder))
    except ValueError:
        return False
    return output.suffix.lower() in ARTICLE_SUFFIXES and not any(
        part.startswith(".") for part in inside.parts
    )


def clashing_input(
    output: Path, inputs: Sequence[Path], library: Path | None
) -> tuple[str, Path] | None:
    """What ``output`` would overwrite, as (``"input"`` or ``"library"``, path), or None."""
    if not output.exists():
        return None
    for path in inputs:
        if path.is_dir() and _under(path, output):
            return "input", path
        if _same(path, output):
            return "input", path
    if library is not None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            if _same(Path(f"{library}{suffix}"), output):
                return "library", library
    return None
