"""`refs check`: claims, their sources and coverage."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refs.cli.app import (
    JobsOpt,
    LibraryOpt,
    OutputOpt,
    PathsArg,
    app,
    check_articles,
    emit_diagnostics,
    fail,
    findings_code,
    library_path,
    stops,
)
from refs.cli.articles import load_articles, stream_articles
from refs.cli.filters import CitedByOpt, OutletOpt, SinceOpt, TagOpt, TypeOpt, UntilOpt
from refs.cli.outputs import check_output, write_output, write_streamed

if TYPE_CHECKING:
    from refs.check.coverage import Checked
    from refs.diagnostics import Diagnostic
    from refs.pipeline import ParsedArticle
    from refs.pipeline.stream import Format
    from refs.select import Selection

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
    output: OutputOpt = None,
    article: Annotated[
        list[str] | None,
        typer.Option(
            "--article", metavar="ARTICLE", help="Only this article (path, file name or stem)."
        ),
    ] = None,
    confirmed: Annotated[
        bool,
        typer.Option(
            "--confirmed", help="--min-coverage counts only claims with a confirmed link."
        ),
    ] = False,
    outlet: OutletOpt = None,
    types: TypeOpt = None,
    tag: TagOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    cited_by: CitedByOpt = None,
    library: LibraryOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """Check that every claim is backed by a listed source and every source backs one.

    Without PATHs it checks every article of the library (read-only), with library keys
    and the editor's review (refs link): each link is confirmed, rejected or suggested.
    The filters pick articles: those of a --cited-by issue that cite a reference of the
    --outlet, --type, --tag (library only) and dates asked; coverage is over them.

    Example: refs check seeds --format html -o coverage.html --min-coverage 0.5
    """
    from refs.check.coverage import overall
    from refs.cli.filters import selection_of

    check_output(output, paths or [], library_path(library))
    selection = selection_of((), outlet, types, tag, since, until, cited_by)
    if paths and tag:
        fail("--tag picks library references", hint="check the library: refs check --tag TAG")
    if paths and fmt is not CheckFormat.html and not confirmed and selection.empty:
        mode: Format = "check-json" if fmt is CheckFormat.json else "check-text"
        with stream_articles(paths, mode, article or (), jobs) as run:
            write_streamed(run, output)
            emit_diagnostics(run.diagnostics())
        raise typer.Exit(_coverage_code(run.exit_code, run.ratio, min_coverage, confirmed))
    pairs, diagnostics, code = _checked(paths, library, article or [], selection)
    write_output(_report(pairs, fmt), output)
    emit_diagnostics(diagnostics)
    ratio = overall([c for _, c in pairs], confirmed)
    raise typer.Exit(_coverage_code(code, ratio, min_coverage, confirmed))


def _checked(
    paths: list[Path] | None, library: str | None, article: list[str], filters: Selection
) -> tuple[list[tuple[ParsedArticle, Checked]], list[Diagnostic], int]:
    """The articles of ``paths``, or of the library, checked; diagnostics; exit code."""
    if paths:
        return _checked_paths(paths, library, article, filters)
    pairs, diagnostics = library_for_check(library, article, filters)
    return pairs, diagnostics, findings_code(diagnostics, False)


def _checked_paths(
    paths: list[Path], library: str | None, article: list[str], filters: Selection
) -> tuple[list[tuple[ParsedArticle, Checked]], list[Diagnostic], int]:
    """The articles of ``paths`` (those ``--article`` names, passing ``filters``) with
    their checks, the diagnostics and the exit code so far."""
    from refs.pipeline import check as check_stage
    from refs.pipeline.gather import gather
    from refs.select import Selection, article_selected

    selection = Selection(articles=tuple(article))
    with stops():
        got = gather(paths, library_path(library), load_articles, selection, texts=True)
    picked = [p for p in got.articles if article_selected(p.article.issue, p.references, filters)]
    if not picked:
        emit_diagnostics(got.diagnostics)
        fail(
            "no article matched "
            + ("--article " + ", ".join(article) if article else "the filters")
        )
    pairs = [(p, check_stage(p)) for p in picked]
    return pairs, list(got.diagnostics), findings_code(got.diagnostics, got.missing_path)


def _coverage_code(code: int, ratio: float, min_coverage: float, confirmed: bool) -> int:
    """1 when the coverage is below --min-coverage (said on stderr), else ``code``."""
    if code == 0 and ratio < min_coverage:
        which = "confirmed coverage" if confirmed else "coverage"
        typer.echo(
            f"refs: {which} {ratio:.1%} is below --min-coverage {min_coverage:.1%}", err=True
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


def library_for_check(
    option: str | None, names: list[str], filters: Selection | None = None
) -> tuple[list[tuple[ParsedArticle, Checked]], list[Diagnostic]]:
    """The library's articles (read-only; those ``names`` names that pass ``filters``)
    parsed from their kept text, with library keys, checked and reviewed; exits 2 when
    there is no library, no article, or no article with its text."""
    from refs.check.reviewed import reviewed
    from refs.check.stored import chosen, library_articles
    from refs.errors import RefsError
    from refs.library.store import Library
    from refs.library.texts import selected_articles, stored_articles

    path = library_path(option)
    try:
        with Library(path, readonly=True) as lib:
            stored = stored_articles(lib)
            picked = chosen(stored, names)
            if filters is not None and not filters.empty:
                picked = selected_articles(lib, picked, filters)
            targets = reviewed(lib, picked)
    except RefsError as exc:
        absent = isinstance(path, Path) and not path.exists()
        hint = exc.hint or ("refs check PATH... checks article files" if absent else None)
        fail(exc.message, exc.exit_code, hint)
    if not stored:
        fail(f"the library {path} has no articles", hint="add articles first: refs add PATH...")
    added = [s.source for s in stored] + [s.text_source for s in stored if s.text_source]
    check_articles(tuple(names), added)
    if not picked:
        asked = "--article " + ", ".join(names) if names else "the filters"
        fail(f"no article of {path} matched {asked}")
    _, diagnostics = library_articles([s for s in picked if s.text is None])
    parsed = [t.parsed for t in targets]
    diagnostics += [d for p in parsed for d in p.diagnostics]
    if not parsed:
        emit_diagnostics(diagnostics)
        fail(
            f"no article of {path} has its text: they were added before refs kept article text",
            hint="add them again (keys and citations stay as they are): refs add PATH...",
        )
    return [(t.parsed, t.checked) for t in targets], diagnostics
