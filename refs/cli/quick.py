"""``refs check PATH...`` and ``refs parse PATH...`` without typer: the forms an editor
or a script runs (article paths, ``--format``, ``--jobs N``) are read here and streamed
as the typer commands stream them, with the same output, messages and exit code; any
other form (another option, a value typer would refuse, no PATH) is left to typer
(``None``). Typer loads pydantic (for its own parameter types): these forms load
neither."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from refs.cli.plain import emit_diagnostics, guarded

if TYPE_CHECKING:
    from refs.pipeline.stream import Format

# per command: its formats that stream, and its default format
_FORMATS: dict[str, tuple[dict[str, Format], str]] = {
    "check": ({"text": "check-text", "json": "check-json"}, "text"),
    "parse": ({"json": "parse-json"}, "json"),
}
_VALUED = {"--format": "format", "-f": "format", "--jobs": "jobs", "-j": "jobs"}


def quick_args(args: list[str]) -> tuple[list[Path], Format, int | None] | None:
    """(paths, format, jobs) of ``check PATH...`` or ``parse PATH...`` arguments of the
    quick form, else None."""
    if not args or args[0] not in _FORMATS or "_REFS_COMPLETE" in os.environ:
        return None
    formats, default = _FORMATS[args[0]]
    paths: list[Path] = []
    values: dict[str, str] = {}
    rest = iter(args[1:])
    for arg in rest:
        if arg in _VALUED:
            values[_VALUED[arg]] = next(rest, "")
        elif arg.startswith("-"):  # another option, `-`, `--`: typer's
            return None
        else:
            paths.append(Path(arg))
    fmt = formats.get(values.get("format", default))
    jobs = values.get("jobs", "1")
    if not paths or fmt is None or not (jobs.isascii() and jobs.isdigit() and int(jobs) >= 1):
        return None
    return paths, fmt, int(jobs) if "jobs" in values else None


def quick_run(argv: list[str]) -> bool:
    """Run ``argv`` (``sys.argv``) here when it is ``refs check`` or ``refs parse`` of
    the quick form (exits with its code), else False."""
    asked = quick_args(argv[1:])
    if asked is None:
        return False
    guarded(lambda: _stream(*asked))
    return True  # pragma: no cover - _stream always exits


def _stream(paths: list[Path], fmt: Format, jobs: int | None) -> None:
    from refs.cli.articles import stream_articles
    from refs.cli.outputs import write_streamed

    with stream_articles(paths, fmt, (), jobs) as run:
        write_streamed(run, None)
        emit_diagnostics(run.diagnostics())
    raise SystemExit(run.exit_code)
