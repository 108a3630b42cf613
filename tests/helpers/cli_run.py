"""Running the typer app in-process for CLI tests."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout

from typer.testing import CliRunner

from refs.cli import main
from refs.cli.commands import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``refs ARGS``; a user's mistake never shows a traceback."""
    result = runner.invoke(app, list(args), env=env)
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stdout, result.stderr


def run_main(*args: str) -> tuple[int, str, str]:
    """``refs ARGS`` through the real entry point (its error handling included)."""
    out, err = io.StringIO(), io.StringIO()
    argv, sys.argv = sys.argv, ["refs", *args]
    code: object = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.argv = argv
    return (code if isinstance(code, int) else 1 if code else 0), out.getvalue(), err.getvalue()
