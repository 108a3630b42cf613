"""`refs parse`: articles to references (JSON or a table)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from refs.cli.app import (
    JobsOpt,
    all_diagnostics,
    app,
    emit_diagnostics,
    exit_code,
    load_articles,
    stream_articles,
    write_output,
    write_streamed,
)

# ---------------------------------------------------------------- refs parse


class ParseFormat(StrEnum):
    json = "json"
    table = "table"


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of them.")],
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ParseFormat.json
    ),
    jobs: JobsOpt = None,
) -> None:
    """Parse articles and print their references.

    Example: refs parse seeds --format table --jobs 2
    """
    if fmt is ParseFormat.json:  # streamed: memory does not grow with the articles
        with stream_articles(paths, "parse-json", jobs=jobs) as run:
            write_streamed(run, None)
            emit_diagnostics(run.diagnostics())
        raise typer.Exit(run.exit_code)
    from refs.report.table import parse_table

    result = load_articles(paths)
    write_output(parse_table(result.articles), None)
    emit_diagnostics(all_diagnostics(result))
    raise typer.Exit(exit_code(result))
