"""`refs export`: references to BibTeX, BibLaTeX, CSL-JSON or RIS."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refs.cli.app import (
    LibraryOpt,
    PathsArg,
    all_diagnostics,
    app,
    check_articles,
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
)

if TYPE_CHECKING:
    from refs.library.store import Library
    from refs.models import Keyed

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
    with_articles: Annotated[
        bool, typer.Option("--articles", help="Also the digest articles, as citable items.")
    ] = False,
    library: LibraryOpt = None,
) -> None:
    """Export references as BibTeX, BibLaTeX, CSL-JSON or RIS (the filters of `refs list`).

    Example: refs export seeds --format bibtex -o refs.bib
    """
    from refs.cli.filters import library_selection, selection_of
    from refs.formats.registry import get as get_format
    from refs.select import select, unique_keys

    check_output(output)
    selection = selection_of(article, outlet, types, tag, since, until, cited_by)
    code = 0
    if paths:
        result = load_articles(paths)
        emit_diagnostics(all_diagnostics(result))
        code = exit_code(result)
        every = [r for p in result.articles for r in p.references]
        check_articles(selection.articles, [p.article.source for p in result.articles])
        cited, renamed = unique_keys(select(every, selection))
        refs: list[Keyed] = list(cited)
    else:
        from refs.library.store import Library

        with Library(library_path(library), create=False) as lib:
            held = library_selection(lib, lib.references(), selection)
            extra = _article_items(lib) if with_articles else []
        stored, renamed = unique_keys(held)
        refs = [*stored, *extra]
    for change in renamed:
        typer.echo(f"refs: warning: key shared by different references: {change}", err=True)
    if not refs:
        typer.echo("refs: warning: no reference matched", err=True)
    write_output(get_format(fmt.value).export(refs), output)
    raise typer.Exit(code)


def _article_items(lib: Library) -> list[Keyed]:
    """The library's digest articles as citable items (``--articles``)."""
    from refs.library.article_items import article_items, article_rows

    return article_items(article_rows(lib))
