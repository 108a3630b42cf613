"""Bringing references into the library: `refs add` (articles) and `refs import`
(BibTeX, CSL-JSON and RIS files)."""

from __future__ import annotations

import sys
from dataclasses import fields
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refs.cli.app import (
    ArticlesArg,
    JobsOpt,
    LibraryOpt,
    app,
    emit_diagnostics,
    exit_code,
    fail,
    library_path,
    note,
    stops,
)
from refs.cli.articles import load_articles, progress
from refs.cli.autoexport import changes
from refs.cli.outputs import write_output
from refs.errors import UsageError
from refs.patterns import compiled

if TYPE_CHECKING:
    from refs.library.add_files import AddOutcome
    from refs.library.connection import ServerUrl
    from refs.library.placing import IngestReport
    from refs.library.ready import ReadyArticle
    from refs.library.store import Library


_URL = compiled(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")


class SummaryFormat(StrEnum):  # refs add, refs import
    text = "text"
    json = "json"


SummaryOpt = Annotated[
    SummaryFormat, typer.Option("--format", "-f", help="text: a line on stderr; json: stdout.")
]


@app.command()
def add(
    paths: ArticlesArg,
    fmt: SummaryOpt = SummaryFormat.text,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="A corrected article replaces the one it corrects."),
    ] = False,
    issue: Annotated[
        str | None,
        typer.Option(
            "--issue",
            metavar="ISSUE",
            help="The issue of pages without an issue line ('No. 52, ...').",
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option("--url", metavar="URL", help="The URL of the article (one file)."),
    ] = None,
    jobs: JobsOpt = None,
    library: LibraryOpt = None,
) -> None:
    """Add articles to the library; the same article again changes nothing, a corrected
    one (same publication, issue and title, another text) replaces it with --replace.
    --url gives the article its URL (a URL line of the page's header is taken too).

    Example: refs add seeds --library refs.db --jobs 2
    """
    from refs.diagnostics import has_errors
    from refs.reader import article_names

    if issue is not None:
        from refs.parse.given_issue import check_issue

        with stops():
            check_issue(issue)  # before any file is read or found known
    if url is not None and not _URL.fullmatch(url):
        fail(f"--url {url!r} is not a URL", hint="give it whole: https://...")
    if [str(p) for p in paths] == ["-"]:
        _add_stdin(paths, fmt, replace, issue, library, url)
    files, found = article_names(paths)  # compact: 10^6 files are names, not Paths
    emit_diagnostics(found)
    if url is not None and len(files) != 1:
        fail(f"--url gives one article its URL; {len(files)} files were found")
    corrected = _Corrections(replace)
    outcome = _add_found(paths, files, library_path(library), corrected, issue, url, jobs)
    summarise(outcome.report, fmt)
    missing = any(d.code == "R001" for d in found)
    failed = outcome.errors or has_errors(found) or corrected.held
    raise typer.Exit(2 if missing else 1 if failed else 0)


def _add_found(
    paths: list[Path],
    files: list[str],
    path: Path | ServerUrl,
    corrected: _Corrections,
    issue: str | None,
    url: str | None = None,
    jobs: int | None = None,
) -> AddOutcome:
    """Add the article ``files`` found under ``paths`` in one journaled transaction; a
    library this command created is removed again when nothing could be added."""
    from refs.library.add_files import add_files
    from refs.library.journal import recording
    from refs.library.store import Library
    from refs.pipeline.workers import default_jobs

    existed = not isinstance(path, Path) or path.exists()
    try:
        with (
            Library(path) as lib,
            changes(lib),
            recording(lib, "add") as rec,
            progress(len(files)) as tick,
        ):
            outcome = add_files(
                lib,
                files,
                emit_diagnostics,
                tick,
                prepare=corrected.prepare,
                issue=issue,
                jobs=jobs or default_jobs(),
                ahead=not corrected.replace,  # a replacement may forget a file read ahead
            )
            if not outcome.readable:  # nothing is kept: the transaction rolls back
                raise UsageError("no readable article in " + ", ".join(map(str, paths)))
            if url is not None:
                _give_url(lib, Path(files[0]), url)
            rec.summary = f"added {', '.join(str(p) for p in paths)}"
            rec.keys = set(outcome.report.new_keys)
    except UsageError as exc:
        if not existed and isinstance(path, Path):  # a library made here holds nothing
            for leftover in (path, *(path.with_name(path.name + x) for x in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        fail(exc.message)
    return outcome


class _Corrections:
    """What `refs add` does with an article that corrects one in the library: replace it
    (--replace), or hold it back and say how (exit 1)."""

    def __init__(self, replace: bool) -> None:
        self.replace = replace
        self.held = False

    def prepare(self, lib: Library, articles: list[ReadyArticle]) -> list[ReadyArticle]:
        from refs.library.corrections import corrections, replace_old

        found = corrections(lib, articles)
        if found and self.replace:
            gone = replace_old(lib, found)
            for c in found:
                note(f"refs: {c.source} replaces {', '.join(c.old_sources)}\n")
            if gone:
                note(f"refs: references gone with the old text: {', '.join(gone)}\n")
        elif found:
            self.held = True
            held = {c.source for c in found}
            articles = [p for p in articles if p.article.source not in held]
            for c in found:
                note(
                    f"refs: {c.source} corrects {', '.join(c.old_sources)} (same publication, "
                    "issue and title, another text): not added; add it with --replace to "
                    "replace the old one\n"
                )
        return articles


def _give_url(lib: Library, file: Path, url: str) -> None:
    from refs.library.article_items import set_url
    from refs.library.ingest import resolved

    set_url(lib, resolved(file), url)


def _add_stdin(
    paths: list[Path],
    fmt: SummaryFormat,
    replace: bool,
    issue: str | None,
    library: str | None,
    url: str | None,
) -> None:
    """``refs add -``: one article read from standard input."""
    from refs.library.ingest import add_articles, keyed_guesses
    from refs.library.journal import recording
    from refs.library.ready import ready
    from refs.library.store import Library

    result = load_articles(paths, issue)
    articles = [ready(pa) for pa in result.articles]
    corrected = _Corrections(replace)
    with Library(library_path(library)) as lib, changes(lib), recording(lib, "add") as rec:
        ids: dict[str, str] = {}
        report = add_articles(lib, corrected.prepare(lib, articles), ids=ids)
        shown = keyed_guesses(lib, articles, ids)
        emit_diagnostics([*result.diagnostics, *(d for a in shown for d in a.diagnostics)])
        for pa in result.articles:
            if url is not None:
                _give_url(lib, Path(pa.article.source), url)
        rec.summary = f"added {', '.join(str(p) for p in paths)}"
        rec.keys = set(report.new_keys)
    summarise(report, fmt)
    raise typer.Exit(max(exit_code(result), 1 if corrected.held else 0))


def combined(reports: list[IngestReport]) -> IngestReport:
    """One report for several files: counts added up, new keys in order."""
    from refs.library.placing import IngestReport

    total = IngestReport()
    for report in reports:
        for f in fields(IngestReport):
            mine, theirs = getattr(total, f.name), getattr(report, f.name)
            setattr(total, f.name, mine + theirs)
    return total


def summarise(report: IngestReport, fmt: SummaryFormat) -> None:
    from refs.report.library_views import ingest_json, ingest_summary

    if fmt is SummaryFormat.json:
        write_output(ingest_json(report), None)
    else:
        note(ingest_summary(report))


@app.command("import")
def import_file(
    files: Annotated[
        list[Path],
        typer.Argument(help="BibTeX, CSL-JSON or RIS files; - reads stdin.", metavar="FILE"),
    ],
    fmt: SummaryOpt = SummaryFormat.text,
    library: LibraryOpt = None,
) -> None:
    """Import references from BibTeX, CSL-JSON or RIS files, deduplicated against the library.

    Example: refs import zotero.bib jabref.bib library.json
    """
    from refs.diagnostics import has_errors
    from refs.formats.detect import read_import, read_import_bytes
    from refs.library.import_files import import_source
    from refs.library.ingest import import_references
    from refs.library.journal import recording
    from refs.library.store import Library
    from refs.pipeline.collector import paused

    results = []
    for file in files:
        if str(file) == "-":
            with paused():  # bulk work over many small objects
                result = read_import_bytes(sys.stdin.buffer.read(), "<stdin>")
            source = "<stdin>"
        else:
            with paused():
                result = read_import(file)
            source = str(file)
        emit_diagnostics(result.diagnostics)
        if not result.references and has_errors(list(result.diagnostics)):
            fail(f"nothing could be imported from {file}")
        results.append((result, source))
    reports = []
    with (
        Library(library_path(library)) as lib,
        changes(lib),
        recording(lib, "import") as rec,
        paused(),
    ):
        for (result, source), file in zip(results, files, strict=True):
            # the path as given; the same file imported from another folder is known
            named = source if str(file) == "-" else import_source(lib, file)
            reports.append(import_references(lib, result.references, named))
        rec.summary = "imported " + ", ".join(str(f) for f in files)
        rec.keys = {k for r in reports for k in r.new_keys}
    summarise(combined(reports), fmt)
    found = [d for result, _ in results for d in result.diagnostics]
    raise typer.Exit(1 if has_errors(found) else 0)
