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
    check_articles,
    check_output,
    emit_diagnostics,
    exit_code,
    fail,
    library_path,
    load_articles,
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
    from refs.models import CSL_VARIABLES, Keyed
    from refs.select import Selection, empty_range, parse_bound, select, unique_keys

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
            held = lib.references()
        check_articles(selection.articles, [c.article for r in held for c in r.citations])
        stored, renamed = unique_keys(select(held, selection))
        refs = list(stored)
    for change in renamed:
        typer.echo(f"refs: warning: key shared by different references: {change}", err=True)
    if not refs:
        typer.echo("refs: warning: no reference matched", err=True)
    chosen = get_format(fmt.value)
    write_output(chosen.export(refs), output)
    for ref in sorted(refs, key=lambda r: r.key):
        lost = chosen.uncarried(ref)
        if lost:
            shown = ", ".join(CSL_VARIABLES.get(n, n) for n in lost)
            typer.echo(
                f"refs: warning: {ref.key}: {chosen.name} has no place for {shown}", err=True
            )
    raise typer.Exit(code)
