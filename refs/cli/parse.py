"""`refs parse`: articles to references (JSON or a table)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from refs.cli.app import (
    ArticlesArg,
    JobsOpt,
    all_diagnostics,
    app,
    emit_diagnostics,
    exit_code,
)
from refs.cli.articles import load_articles, stream_articles
from refs.cli.outputs import write_output, write_streamed

# ---------------------------------------------------------------- refs parse


class ParseFormat(StrEnum):
    json = "json"
    text = "text"  # the human format, as in every command
    table = "table"  # its former name here


@app.command()
def parse(
    paths: ArticlesArg,
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ParseFormat.json
    ),
    jobs: JobsOpt = None,
) -> None:
    """Parse articles and print their references.

    Example: refs parse seeds --format table --jobs 2
    """
    stdin = [str(p) for p in paths] == ["-"]
    if fmt is ParseFormat.json and not stdin:  # streamed: memory does not grow
        with stream_articles(paths, "parse-json", jobs=jobs) as run:
            write_streamed(run, None)
            emit_diagnostics(run.diagnostics())
        raise typer.Exit(run.exit_code)
    from refs.report.json_doc import article_json, dumps
    from refs.report.table import parse_table

    result = load_articles(paths)
    if fmt is ParseFormat.json:
        write_output(dumps({"articles": [article_json(p) for p in result.articles]}), None)
    else:
        write_output(parse_table(result.articles), None)
    emit_diagnostics(all_diagnostics(result))
    raise typer.Exit(exit_code(result))
