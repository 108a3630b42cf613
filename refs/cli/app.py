"""The typer application and what every command shares: locating the library, printing
diagnostics, failing with a message, writing output. The `refs.cli` package is the only
place that prints, reads argv or exits."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from refs import __version__
from refs.cli.help_format import RefsGroup
from refs.errors import RefsError

if TYPE_CHECKING:  # the models (pydantic) load only in the commands that use them
    from refs.diagnostics import Diagnostic
    from refs.pipeline import ParseResult
    from refs.pipeline.stream import Format, Streamed

app = typer.Typer(
    name="refs",
    cls=RefsGroup,
    help="Citation and bibliography manager for news digests.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click output: no boxes in errors or help
)

# ---------------------------------------------------------------- shared helpers

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Article files or folders of them; none: use the library.", metavar="PATH"),
]
PathsOrKeysArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Article files or folders of them, or library keys; none: the whole library.",
        metavar="PATH|KEY",
    ),
]
ArticlesArg = Annotated[
    list[Path],
    typer.Argument(help="Article files (.txt, .htm) or folders of them.", metavar="PATH"),
]
# How much goes to stderr: -1 errors only (--quiet), 0 every diagnostic, 1 also progress
# notes (--verbose).
VERBOSITY = {"level": 0}
LibraryOpt = Annotated[
    Path | None,
    typer.Option("--library", help="Library file (else $REFS_LIBRARY, else ./refs.db)."),
]


def library_path(option: Path | None) -> Path:
    """The library file: --library, else REFS_LIBRARY, else refs.db here."""
    if option is not None:
        return option
    env = os.environ.get("REFS_LIBRARY")
    return Path(env) if env else Path("refs.db")


def emit_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    quiet = VERBOSITY["level"] < 0
    for d in diagnostics:
        if not quiet or d.severity == "error":
            typer.echo(d.format(), err=True)


def note(message: str) -> None:
    """A summary line on stderr (left out with --quiet)."""
    if VERBOSITY["level"] >= 0:
        typer.echo(message, err=True, nl=not message.endswith("\n"))


def detail(message: str) -> None:
    """A progress note on stderr, shown with --verbose only."""
    if VERBOSITY["level"] > 0:
        typer.echo(f"refs: {message}", err=True)


def fail(message: str, code: int = 2, hint: str | None = None) -> NoReturn:
    typer.echo(f"refs: error: {message}", err=True)
    if hint:
        typer.echo(f"refs: hint: {hint}", err=True)
    raise typer.Exit(code)


PROGRESS_MIN_FILES = 20  # a progress bar for this many files or more, on a terminal only


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
        if len(files) >= PROGRESS_MIN_FILES and sys.stderr.isatty():
            with typer.progressbar(length=len(files), label="reading", file=sys.stderr) as bar:
                result = parse_files(files, found, lambda _file: bar.update(1), issue)
        else:
            result = parse_files(files, found, issue=issue)
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint)
    if not result.articles:
        emit_diagnostics(result.diagnostics)
        fail("no readable article in " + ", ".join(str(p) for p in paths))
    return result


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


JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes (default: the cores available)."),
]


def stream_articles(
    paths: list[Path], fmt: Format, names: Sequence[str] = (), jobs: int | None = None
) -> Streamed:
    """The first pass of a streamed run over the given paths (``refs.pipeline.stream``), with the
    progress bar of ``load_articles``; exit 2 when nothing is readable."""
    from refs.pipeline.stream import default_jobs
    from refs.pipeline.stream import stream_articles as first_pass
    from refs.reader import discover
    from refs.select import unmatched_articles

    files, found = discover(paths)
    detail(f"reading {len(files)} article file(s)")
    for name in unmatched_articles(names, [str(f) for f in files]):
        fail(f"no article matched --article {name}", hint="give a path, file name or stem")
    workers = jobs or default_jobs()
    if len(files) >= PROGRESS_MIN_FILES and sys.stderr.isatty():
        with typer.progressbar(length=len(files), label="reading", file=sys.stderr) as bar:
            run = first_pass(
                files, found, fmt, names=names, jobs=workers, on_file=lambda _file: bar.update(1)
            )
    else:
        run = first_pass(files, found, fmt, names=names, jobs=workers)
    if not run.articles:
        emit_diagnostics(run.diagnostics())
        run.close()
        fail("no readable article in " + ", ".join(str(p) for p in paths))
    return run


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


def exit_code(result: ParseResult) -> int:
    """2 when a named path is missing, 1 for error findings, else 0."""
    missing = any(d.code == "R001" for d in result.diagnostics)
    return findings_code(all_diagnostics(result), missing)


def all_diagnostics(result: ParseResult) -> list[Diagnostic]:
    out = list(result.diagnostics)
    for parsed in result.articles:
        out.extend(parsed.diagnostics)
    return out


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


def check_output(
    output: Path | None, inputs: Sequence[Path] = (), library: Path | None = None
) -> None:
    """Stop (exit 2) before any work when ``-o`` names a folder, a file in a missing one,
    one of the command's inputs or the library."""
    if output is None or str(output) == "-":
        return
    from refs.cli.outputs import clashing_input

    clash = clashing_input(output, inputs, library)
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


@contextmanager
def stops() -> Iterator[None]:
    """A problem the core raises (RefsError) stops the command: message, hint, exit code."""
    try:
        yield
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint)


def findings_code(diagnostics: Sequence[Diagnostic], missing_path: bool = False) -> int:
    """2 when a named path is missing, 1 for error findings, else 0."""
    from refs.diagnostics import has_errors

    if missing_path:
        return 2
    return 1 if has_errors(list(diagnostics)) else 0


def check_articles(names: tuple[str, ...], articles: list[str]) -> None:
    """Stop (exit 2) when an ``--article`` names none of ``articles``."""
    from refs.select import unmatched_articles

    for name in unmatched_articles(names, articles):
        fail(f"no article matched --article {name}", hint="give a path, file name or stem")


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"refs {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=version_callback, is_eager=True, help="Show version."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Only errors on stderr (no warnings or summaries)."),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also say what is being done, on stderr.")
    ] = False,
) -> None:
    """Citation and bibliography manager for news digests."""
    VERBOSITY["level"] = -1 if quiet else 1 if verbose else 0


# ---------------------------------------------------------------- entry point


def main() -> None:
    from refs.library import lock

    lock.notice = lambda message: typer.echo(message, err=True)
    try:
        app(prog_name="refs")  # also under `python -m refs`
    except RefsError as exc:
        typer.echo(f"refs: error: {exc.message}", err=True)
        if exc.hint:
            typer.echo(f"refs: hint: {exc.hint}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("refs: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        if type(exc).__module__ != "sqlite3":  # damage the checks at opening cannot see
            raise
        typer.echo(f"refs: error: the library cannot be read ({exc}); see: refs doctor", err=True)
        sys.exit(2)
