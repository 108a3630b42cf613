"""`refs search`: full-text search of the library, with the filters of `refs list`."""

from __future__ import annotations

from typing import Annotated

import typer

from refs.cli.app import LibraryOpt, app, library_path
from refs.cli.curation import reported
from refs.cli.filters import (
    ArticleOpt,
    CitedByOpt,
    OutletOpt,
    SinceOpt,
    TagOpt,
    TypeOpt,
    UntilOpt,
)
from refs.cli.library import ListFormat
from refs.cli.outputs import write_output


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (each as a word start).")],
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
    limit: Annotated[int, typer.Option("--limit", help="At most this many (0: all).")] = 50,
    article: ArticleOpt = None,
    outlet: OutletOpt = None,
    types: TypeOpt = None,
    tag: TagOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    cited_by: CitedByOpt = None,
    library: LibraryOpt = None,
) -> None:
    """Find references by title, outlet (any alias), names, notes and tags, best first.

    Example: refs search "gore korea" --outlet AP
    """
    from refs.cli.filters import library_selection, selection_of
    from refs.library.search import refresh
    from refs.library.search import search as find
    from refs.library.store import Library
    from refs.report.library_views import references_json, references_table

    selection = selection_of(article, outlet, types, tag, since, until, cited_by)
    with reported(), Library(library_path(library), create=False) as lib:
        if not lib.server:  # a server's writers keep its index fresh (a reader may not)
            with lib.transaction():
                refresh(lib)
        keys = find(lib, query, limit if selection.empty and limit else None)
        rank = {k: n for n, k in enumerate(keys)}
        found = library_selection(lib, lib.references(rank), selection, check=False)
    found.sort(key=lambda r: rank[r.key])
    if limit:
        found = found[:limit]
    if not found:
        typer.echo(f"refs: nothing found for {query!r}", err=True)
        raise typer.Exit(1)
    write_output(
        references_json(found) if fmt is ListFormat.json else references_table(found), None
    )
