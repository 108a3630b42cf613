"""`refs export`: references to BibTeX, BibLaTeX, CSL-JSON or RIS."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from refs.cli.app import (
    LibraryOpt,
    OutputOpt,
    PathsOrKeysArg,
    app,
    findings_code,
    library_path,
    note,
    stops,
)
from refs.cli.articles import gathered, split_keys
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
from refs.cli.outputs import check_output, write_output

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
    output: OutputOpt = None,
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

    Examples: refs export seeds --format bibtex -o refs.bib;
    refs export ap2000kim reuters2000talks -f csljson -o cited.json
    """
    from refs.cli.filters import selection_of
    from refs.formats.registry import get as get_format
    from refs.models import CSL_VARIABLES

    paths, keys = split_keys(paths)
    check_output(output, paths, library_path(library))
    extension_hint(fmt.value, output)
    selection = selection_of(article, outlet, types, tag, since, until, cited_by)
    with stops():
        got = gathered(paths, library, selection, keys, with_articles)
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
