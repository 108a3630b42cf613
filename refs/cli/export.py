"""`refs export`: references to BibTeX, BibLaTeX, CSL-JSON or RIS."""

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
    fail,
    findings_code,
    library_path,
    load_articles,
    note,
    split_keys,
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
    paths: PathsOrKeysArg = None,
    fmt: Annotated[
        ExportFormatName, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormatName.bibtex,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (atomically).")
    ] = None,
    article: Annotated[
        list[str] | None,
        typer.Option(
            "--article",
            metavar="ARTICLE",
            help="Only references cited by this article (path or name).",
        ),
    ] = None,
    outlet: Annotated[
        list[str] | None,
        typer.Option("--outlet", metavar="OUTLET", help="Only references from this outlet."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="DATE", help="Only references dated on/after YYYY[-MM[-DD]]."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", metavar="DATE", help="Only references dated on/before YYYY[-MM[-DD]]."
        ),
    ] = None,
    library: LibraryOpt = None,
) -> None:
    """Export references as BibTeX, BibLaTeX, CSL-JSON or RIS.

    Examples: refs export seeds --format bibtex -o refs.bib;
    refs export ap2000kim reuters2000talks -f csljson -o cited.json
    """
    from refs.formats.registry import get as get_format
    from refs.gather import gather
    from refs.models import CSL_VARIABLES
    from refs.select import Selection, empty_range, parse_bound

    paths, keys = split_keys(paths)
    check_output(output, paths, library_path(library))
    extension_hint(fmt.value, output)
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
        got = gather(paths, library_path(library), load_articles, selection, keys=keys)
    emit_diagnostics(got.diagnostics)
    if not got.references:
        typer.echo("refs: warning: no reference matched", err=True)
    from refs.formats.safe_text import export_notes

    for warned in export_notes(got.references, fmt.value):
        typer.echo(f"refs: warning: {warned}", err=True)
    chosen = get_format(fmt.value)
    write_output(chosen.export(got.references), output)
    for ref in sorted(got.references, key=lambda r: r.key):
        lost = chosen.uncarried(ref)
        if lost:
            shown = ", ".join(CSL_VARIABLES.get(n, n) for n in lost)
            typer.echo(
                f"refs: warning: {ref.key}: {chosen.name} has no place for {shown}", err=True
            )
    raise typer.Exit(findings_code(got.diagnostics, got.missing_path))


# What the programs that read each format expect the file to be called.
USUAL_EXTENSIONS = {
    "bibtex": (".bib",),
    "biblatex": (".bib",),
    "csljson": (".json",),
    "ris": (".ris",),
}


def extension_hint(fmt: str, output: Path | None) -> None:
    """A hint when ``-o`` has an extension the format's readers do not expect
    (pandoc cannot tell what ``lib.csljson`` is; it wants ``.json``)."""
    if output is None or str(output) == "-":
        return
    usual = USUAL_EXTENSIONS[fmt]
    if output.suffix.lower() not in usual:
        note(
            f"refs: hint: {fmt} files are usually named *{usual[0]}; pandoc, Zotero and "
            f"citation.js tell the format by it (-o {output.with_suffix(usual[0]).name})"
        )
