"""The articles a command is given: PATHs (or ``-``) read and parsed at once or
streamed, with a progress bar for many files on a terminal, and KEYs given instead of
PATHs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from refs.cli.plain import detail, emit_diagnostics, fail, library_path
from refs.errors import RefsError

if TYPE_CHECKING:  # the models load only in the commands that use them
    from refs.pipeline import ParseResult
    from refs.pipeline.gather import Gathered
    from refs.pipeline.stream import Format, Streamed
    from refs.select import Selection

PROGRESS_MIN_FILES = 20  # a progress bar for this many files or more, on a terminal only


@contextmanager
def progress(files: int) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar on stderr for many files on a terminal (never in pipes): the
    callback to tick once a file, or None."""
    if files < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield None
        return
    import typer

    with typer.progressbar(length=files, label="reading", file=sys.stderr) as bar:
        yield lambda _file: bar.update(1)


def load_articles(paths: list[Path], issue: str | None = None) -> ParseResult:
    """Parse the given paths, print file-level diagnostics, exit 2 when nothing is readable.
    Many files on a terminal show a progress bar on stderr (never in pipes). ``issue``:
    the issue of pages without an issue line."""
    if [str(p) for p in paths] == ["-"]:
        from refs.pipeline import parse_stdin

        return parse_stdin(sys.stdin.buffer.read())
    from refs.pipeline import parse_files
    from refs.reader import discover

    files, found = discover(paths)
    detail(f"reading {len(files)} article file(s)")
    try:
        with progress(len(files)) as tick:
            result = parse_files(files, found, tick, issue)
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint)
    if not result.articles:
        emit_diagnostics(result.diagnostics)
        fail("no readable article in " + ", ".join(str(p) for p in paths))
    return result


def gathered(
    paths: list[Path],
    library: str | None,
    selection: Selection,
    keys: list[str],
    with_articles: bool,
) -> Gathered:
    """The references of these article PATHs, or of the library when none is given
    (``gather``), with their diagnostics printed."""
    from refs.pipeline.gather import gather

    got = gather(
        paths,
        library_path(library),
        load_articles,
        selection,
        keys=keys,
        with_articles=with_articles,
    )
    emit_diagnostics(got.diagnostics)
    return got


def split_keys(args: list[Path] | None) -> tuple[list[Path], list[str]]:
    """PATHs and KEYs given together: an argument that is no file or folder and has the
    shape of a key (``ap2000kim``) names a library reference."""
    from refs.keys import is_valid_key

    paths: list[Path] = []
    keys: list[str] = []
    for arg in args or []:
        if not arg.exists() and is_valid_key(str(arg).lower()):
            keys.append(str(arg).lower())
        else:
            paths.append(arg)
    if paths and keys:
        fail("give PATHs or library KEYs, not both", hint=f"no such file: {keys[0]}")
    return paths, keys


def stream_articles(
    paths: list[Path], fmt: Format, names: Sequence[str] = (), jobs: int | None = None
) -> Streamed:
    """The first pass of a streamed run over the given paths (``refs.pipeline.stream``), with the
    progress bar of ``load_articles``; exit 2 when nothing is readable."""
    from refs.pipeline.stream import stream_articles as first_pass
    from refs.pipeline.workers import default_jobs
    from refs.reader import article_names
    from refs.select import unmatched_articles

    files, found = article_names(paths)  # compact: 10^6 files are names, not Paths
    detail(f"reading {len(files)} article file(s)")
    for name in unmatched_articles(names, files):
        fail(f"no article matched --article {name}", hint="give a path, file name or stem")
    with progress(len(files)) as tick:
        run = first_pass(files, found, fmt, names=names, jobs=jobs or default_jobs(), on_file=tick)
    if not run.articles:
        emit_diagnostics(run.diagnostics())
        run.close()
        fail("no readable article in " + ", ".join(str(p) for p in paths))
    return run
