"""`refs parse`: articles to references (JSON or a table)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from refs.cli.app import (
    all_diagnostics,
    app,
    emit_diagnostics,
    exit_code,
    load_articles,
    write_output,
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
) -> None:
    """Parse articles and print their references.

    Example: refs parse seeds --format table
    """
    from refs.report.json_doc import article_json, dumps
    from refs.report.table import parse_table

    result = load_articles(paths)
    diagnostics = all_diagnostics(result)
    if fmt is ParseFormat.json:
        document = {"articles": [article_json(p) for p in result.articles]}
        write_output(dumps(document), None)
    else:
        write_output(parse_table(result.articles), None)
    emit_diagnostics(diagnostics)
    raise typer.Exit(exit_code(result))
