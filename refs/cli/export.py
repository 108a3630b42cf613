"""`refs export`: references to BibTeX, BibLaTeX, CSL-JSON or RIS."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from refs.cli.app import (
    LibraryOpt,
    PathsArg,
    app,
    check_output,
    emit_diagnostics,
    fail,
    findings_code,
    library_path,
    load_articles,
    stops,
    write_output,
)

# ---------------------------------------------------------------- refs export


class ExportFormatName(StrEnum):
    bibtex = "bibtex"
    biblatex = "biblatex"
    csljson = "csljson"
    ris = "ris"


@app.command()
def export(
    paths: PathsArg = None,
    fmt: Annotated[
        ExportFormatName, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormatName.bibtex,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
    article: Annotated[
        list[str] | None,
        typer.Option("--article", help="Only references cited by this article (path or name)."),
    ] = None,
    outlet: Annotated[
        list[str] | None, typer.Option("--outlet", help="Only references from this outlet.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only references dated on/after YYYY[-MM[-DD]].")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only references dated on/before YYYY[-MM[-DD]].")
    ] = None,
    library: LibraryOpt = None,
) -> None:
    """Export references as BibTeX, BibLaTeX, CSL-JSON or RIS.

    Example: refs export seeds --format bibtex -o refs.bib
    """
    from refs.formats.registry import get as get_format
    from refs.gather import gather
    from refs.select import Selection, empty_range, parse_bound

    check_output(output)
    bounds = {}
    for name, text in (("--since", since), ("--until", until)):
        if text is not None:
            bound = parse_bound(text)
            if bound is None:
                fail(f"{name} {text!r} is not a date", hint="use YYYY, YYYY-MM or YYYY-MM-DD")
            bounds[name] = bound
    if empty_range(bounds.get("--since"), bounds.get("--until")):
        fail(f"--since {since} is after --until {until}")
    selection = Selection(
        articles=tuple(article or ()),
        outlets=tuple(outlet or ()),
        since=bounds.get("--since"),
        until=bounds.get("--until"),
    )
    with stops():
        got = gather(paths or [], library_path(library), load_articles, selection)
    emit_diagnostics(got.diagnostics)
    if not got.references:
        typer.echo("refs: warning: no reference matched", err=True)
    write_output(get_format(fmt.value).export(got.references), output)
    raise typer.Exit(findings_code(got.diagnostics, got.missing_path))
