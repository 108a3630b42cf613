"""The typer application and what every command shares: locating the library, printing
diagnostics, failing with a message, writing output. The `refs.cli` package is the only
place that prints, reads argv or exits."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refs import __version__
from refs.cli.help_format import RefsGroup
from refs.cli.plain import VERBOSITY as VERBOSITY
from refs.cli.plain import detail as detail
from refs.cli.plain import emit_diagnostics as emit_diagnostics
from refs.cli.plain import fail as fail
from refs.cli.plain import guarded
from refs.cli.plain import library_path as library_path
from refs.cli.plain import note as note
from refs.errors import RefsError

if TYPE_CHECKING:  # the models load only in the commands that use them
    from refs.diagnostics import Diagnostic
    from refs.pipeline import ParseResult

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
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
]


JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes (default: the cores available)."),
]


LibraryOpt = Annotated[
    str | None,
    typer.Option(
        "--library",
        help="Library file, or postgresql://USER@HOST:PORT/DB (else $REFS_LIBRARY, "
        "else ./refs.db).",
        metavar="PATH|URL",
    ),
]


def library_file(option: str | None, command: str) -> Path:
    """The library of a command that works on SQLite files only (backup, doctor)."""
    path = library_path(option)
    if not isinstance(path, Path):
        fail(
            f"refs {command} works on a SQLite library file, not on {path.shown}",
            hint="a PostgreSQL library is backed up and checked with the server's tools "
            "(pg_dump), or copied into a file with: refs copy URL FILE",
        )
    return path


def exit_code(result: ParseResult) -> int:
    """2 when a named path is missing, 1 for error findings, else 0."""
    missing = any(d.code == "R001" for d in result.diagnostics)
    return findings_code(all_diagnostics(result), missing)


def all_diagnostics(result: ParseResult) -> list[Diagnostic]:
    out = list(result.diagnostics)
    for parsed in result.articles:
        out.extend(parsed.diagnostics)
    return out


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
    guarded(lambda: app(prog_name="refs"))  # also under `python -m refs`
