"""Writing a command's output: to stdout, or atomically to ``-o FILE`` behind guards that
run before any work (the output may not be a folder, one of the command's inputs, an
article file named or found under a named folder, nor the library or its WAL and
shared-memory files, which the write would destroy)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from refs.cli.plain import fail

if TYPE_CHECKING:
    from refs.pipeline.stream import Streamed


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _under(folder: Path, output: Path) -> bool:
    """``output`` is an article file that reading ``folder`` would find."""
    from refs.reader import ARTICLE_SUFFIXES  # the models load only where they are used

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


def write_streamed(run: Streamed, output: Path | None) -> None:
    """A streamed run's output to stdout (also for ``-o -``) or atomically to a file."""
    if output is None or str(output) == "-":
        run.write(sys.stdout)
        return
    from refs.formats.atomic import open_atomic

    check_output(output)
    try:
        with open_atomic(output) as handle:
            run.write(handle)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


def write_output(text: str, output: Path | None) -> None:
    """Data to stdout (also for ``-o -``), or atomically to a file; names of files that
    are not UTF-8 appear with U+FFFD."""
    from refs.text import encodable

    text = encodable(text)
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    from refs.formats.atomic import write_text_atomic

    check_output(output)
    try:
        write_text_atomic(output, text)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


def check_output(output: Path | None, inputs: Sequence[Path] = (), library: object = None) -> None:
    """Stop (exit 2) before any work when ``-o`` names a folder, a file in a missing one,
    one of the command's inputs or the library."""
    if output is None or str(output) == "-":
        return
    clash = clashing_input(output, inputs, library if isinstance(library, Path) else None)
    if clash is not None:
        what, path = clash
        fail(
            f"-o {output} would overwrite the {what} {path}",
            hint="write the output to another file",
        )
    if output.is_dir():
        fail(f"-o {output} is a folder", hint="name a file, such as -o out.txt")
    if not output.parent.is_dir():
        fail(f"cannot write {output}: the folder {output.parent} does not exist")
