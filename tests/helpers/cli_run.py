"""Running the typer app in-process for CLI tests."""

from __future__ import annotations

from typer.testing import CliRunner

from refs.cli import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``refs ARGS``; a user's mistake never shows a traceback."""
    result = runner.invoke(app, list(args), env=env)
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stdout, result.stderr
