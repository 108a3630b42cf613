"""`refs export`: references to BibTeX, BibLaTeX, CSL-JSON or RIS."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from refs.cli.app import (
    LibraryOpt,
    PathsArg,
    all_diagnostics,
    app,
    check_output,
    emit_diagnostics,
    exit_code,
    library_path,
    load_articles,
    write_output,
)
from refs.cli.filters import (
    ArticleOpt,
    CitedByOpt,
    OutletOpt,
    SinceOpt,
    TagOpt,
    TypeOpt,
    UntilOpt,
    WithArticlesOpt,
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
    article: ArticleOpt = None,
    outlet: OutletOpt = None,
    types: TypeOpt = None,
    tag: TagOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    cited_by: CitedByOpt = None,
    with_articles: WithArticlesOpt = False,
    library: LibraryOpt = None,
) -> None:
    """Export references as BibTeX, BibLaTeX, CSL-JSON or RIS (the filters of `refs list`).

    Example: refs export seeds --format bibtex -o refs.bib
    """
    from refs.cli.filters import parsed_selection, selection_of, stored_selection
    from refs.formats.registry import get as get_format
    from refs.models import Keyed
    from refs.select import unique_keys

    check_output(output)
    selection = selection_of(article, outlet, types, tag, since, until, cited_by)
    code = 0
    if paths:
        result = load_articles(paths)
        emit_diagnostics(all_diagnostics(result))
        code = exit_code(result)
        cited, renamed = unique_keys(parsed_selection(result, selection))
        refs: list[Keyed] = list(cited)
    else:
        held, extra = stored_selection(library_path(library), selection, with_articles)
        stored, renamed = unique_keys(held)
        refs = [*stored, *extra]
    for change in renamed:
        typer.echo(f"refs: warning: key shared by different references: {change}", err=True)
    if not refs:
        typer.echo("refs: warning: no reference matched", err=True)
    write_output(get_format(fmt.value).export(refs), output)
    raise typer.Exit(code)
