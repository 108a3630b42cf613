"""What the commands share that needs no typer: messages on stderr (diagnostics, notes,
failures), the library a command works on, and the entry point's guard, so that a run
that never reaches typer (``refs.cli.quick``) says things the same way."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from refs.errors import RefsError

if TYPE_CHECKING:  # the models load only in the commands that use them
    from refs.diagnostics import Diagnostic
    from refs.library.connection import ServerUrl

# How much goes to stderr: -1 errors only (--quiet), 0 every diagnostic, 1 also progress
# notes (--verbose).
VERBOSITY = {"level": 0}


def echo(message: str, nl: bool = True) -> None:
    """A line on stderr, flushed (as ``typer.echo(..., err=True)``)."""
    sys.stderr.write(message + "\n" if nl else message)
    sys.stderr.flush()


def emit_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    quiet = VERBOSITY["level"] < 0
    for d in diagnostics:
        if not quiet or d.severity == "error":
            echo(d.format())


def note(message: str) -> None:
    """A summary line on stderr (left out with --quiet)."""
    if VERBOSITY["level"] >= 0:
        echo(message, nl=not message.endswith("\n"))


def detail(message: str) -> None:
    """A progress note on stderr, shown with --verbose only."""
    if VERBOSITY["level"] > 0:
        echo(f"refs: {message}")


def fail(message: str, code: int = 2, hint: str | None = None) -> NoReturn:
    echo(f"refs: error: {message}")
    if hint:
        echo(f"refs: hint: {hint}")
    raise SystemExit(code)


def library_path(option: str | Path | None) -> Path | ServerUrl:
    """The library: --library, else REFS_LIBRARY, else refs.db here (a file, or a
    PostgreSQL database named by its URL)."""
    from refs.library.connection import location

    if option is not None:
        return location(str(option))
    env = os.environ.get("REFS_LIBRARY")
    return location(env) if env else Path("refs.db")


def guarded(run: Callable[[], None]) -> None:
    """Run a command the way the entry point does: a problem of the core (RefsError) or a
    damaged library is a message and an exit code, never a traceback."""
    from refs.library import lock

    lock.notice = echo
    try:
        run()
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint)
    except KeyboardInterrupt:
        echo("refs: interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        origin = type(exc).__module__.split(".")[0]
        if origin not in ("sqlite3", "psycopg"):  # damage the checks at opening cannot see
            raise
        if origin == "psycopg":  # the server failed us (gone, out of space, a bug of ours)
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            fail(f"the library's server said: {first}")
        fail(f"the library cannot be read ({exc}); see: refs doctor")
