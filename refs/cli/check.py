"""`refs check`: claims, their sources and coverage."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refs.cli.app import (
    JobsOpt,
    LibraryOpt,
    PathsArg,
    app,
    check_output,
    emit_diagnostics,
    fail,
    findings_code,
    library_path,
    load_articles,
    stops,
    stream_articles,
    write_output,
    write_streamed,
)

if TYPE_CHECKING:
    from refs.check.coverage import Checked
    from refs.pipeline import ParsedArticle
    from refs.stream import Format

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
    jobs: JobsOpt = None,
) -> None:
    """Check that every claim is backed by a listed source and every source backs one.

    Without PATHs it checks every article of the library (read-only), with library keys.

    Example: refs check seeds --format html -o coverage.html --min-coverage 0.5
    """
    from refs.check.coverage import overall
    from refs.gather import gather
    from refs.pipeline import check as check_stage
    from refs.select import Selection

    check_output(output)
    if paths and fmt is not CheckFormat.html:  # streamed: memory does not grow
        mode: Format = "check-json" if fmt is CheckFormat.json else "check-text"
        with stream_articles(paths, mode, article or (), jobs) as run:
            write_streamed(run, output)
            emit_diagnostics(run.diagnostics())
        raise typer.Exit(_coverage_code(run.exit_code, run.ratio, min_coverage))
    selection = Selection(articles=tuple(article or ()))
    with stops():
        got = gather(paths or [], library_path(library), load_articles, selection, texts=True)
    if not got.articles:
        emit_diagnostics(got.diagnostics)
        if paths:
            fail("no article matched --article " + ", ".join(article or []))
        fail(
            f"no article of {library_path(library)} has its text: they were added before refs "
            "kept article text",
            hint="add them again (keys and citations stay as they are): refs add PATH...",
        )
    pairs = [(p, check_stage(p)) for p in got.articles]
    write_output(_report(pairs, fmt), output)
    emit_diagnostics(got.diagnostics)
    code = findings_code(got.diagnostics, got.missing_path)
    raise typer.Exit(_coverage_code(code, overall([c for _, c in pairs]), min_coverage))


def _coverage_code(code: int, ratio: float, min_coverage: float) -> int:
    """1 when the coverage is below --min-coverage (said on stderr), else ``code``."""
    if code == 0 and ratio < min_coverage:
        typer.echo(
            f"refs: coverage {ratio:.1%} is below --min-coverage {min_coverage:.1%}", err=True
        )
        return 1
    return code


def _report(pairs: list[tuple[ParsedArticle, Checked]], fmt: CheckFormat) -> str:
    if fmt is CheckFormat.json:
        from refs.report.check_json import check_json
        from refs.report.json_doc import dumps

        return dumps(check_json(pairs))
    if fmt is CheckFormat.html:
        from refs.report.check_html import check_html

        return check_html(pairs)
    from refs.report.check_text import check_text

    return check_text(pairs)
