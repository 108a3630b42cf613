"""`refs check`: claims, their sources and coverage."""

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
from refs.diagnostics import Diagnostic, has_errors
from refs.errors import RefsError
from refs.pipeline import ParsedArticle, ParseResult
from refs.report.json_doc import dumps

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
    from refs.check.coverage import overall
    from refs.check.stored import check_parsed
    from refs.report.check_html import check_html
    from refs.report.check_json import check_json
    from refs.report.check_text import check_text
    from refs.select import article_named

    check_output(output, paths or [], library_path(library))
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
    from refs.check.stored import chosen, library_articles
    from refs.library.store import Library
    from refs.library.texts import stored_articles

    path = library_path(option)
    try:
        with Library(path, readonly=True) as lib:
            stored = stored_articles(lib)
    except RefsError as exc:
        hint = exc.hint or (None if path.exists() else "refs check PATH... checks article files")
        fail(exc.message, exc.exit_code, hint)
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
