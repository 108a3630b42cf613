"""The library commands: `refs add`, `list`, `show`, `dedupe`, `merge`, `distinct`, `import`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refs.cli.app import (
    PROGRESS_MIN_FILES,
    ArticlesArg,
    LibraryOpt,
    all_diagnostics,
    app,
    emit_diagnostics,
    exit_code,
    fail,
    library_path,
    load_articles,
    note,
    stops,
    write_output,
)
from refs.cli.autoexport import changes
from refs.cli.filters import (
    ArticleOpt,
    CitedByOpt,
    OutletOpt,
    SinceOpt,
    TagOpt,
    TypeOpt,
    UntilOpt,
)
from refs.errors import RefsError, UsageError

if TYPE_CHECKING:
    from refs.library.ingest import IngestReport
    from refs.library.store import Library
    from refs.pipeline import ParsedArticle


class SummaryFormat(StrEnum):  # refs add, refs import
    text = "text"
    json = "json"


# ---------------------------------------------------------------- the library: add, list, show


class ListFormat(StrEnum):
    text = "text"  # the human format, as in every command
    table = "table"  # its former name here
    json = "json"


class RecordFormat(StrEnum):  # refs show, refs dedupe
    text = "text"
    json = "json"


@app.command()
def add(
    paths: ArticlesArg,
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="text: a line on stderr; json: stdout.")
    ] = SummaryFormat.text,
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
    library: LibraryOpt = None,
) -> None:
    """Add articles to the library; the same article again changes nothing, a corrected
    one (same publication, issue and title, another text) replaces it with --replace.

    Example: refs add seeds --library refs.db
    """
    from refs.diagnostics import has_errors
    from refs.library.add_files import add_files
    from refs.library.journal import recording
    from refs.library.store import Library
    from refs.reader import discover

    if issue is not None:
        from refs.parse.given_issue import check_issue

        with stops():
            check_issue(issue)  # before any file is read or found known
    if [str(p) for p in paths] == ["-"]:
        _add_stdin(paths, fmt, replace, issue, library)
    files, found = discover(paths)
    emit_diagnostics(found)
    path = library_path(library)
    existed = path.exists()
    corrected = _Corrections(replace)
    try:
        with (
            Library(path) as lib,
            changes(lib),
            recording(lib, "add") as rec,
            _progress(len(files)) as tick,
        ):
            outcome = add_files(
                lib, files, emit_diagnostics, tick, prepare=corrected.prepare, issue=issue
            )
            if not outcome.readable:  # nothing is kept: the transaction rolls back
                raise UsageError("no readable article in " + ", ".join(map(str, paths)))
            rec.summary = f"added {', '.join(str(p) for p in paths)}"
            rec.keys = set(outcome.report.new_keys)
    except UsageError as exc:
        if not existed:  # the library this command created holds nothing
            for leftover in (path, *(path.with_name(path.name + x) for x in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
        fail(exc.message)
    summarise(outcome.report, fmt)
    missing = any(d.code == "R001" for d in found)
    failed = outcome.errors or has_errors(found) or corrected.held
    raise typer.Exit(2 if missing else 1 if failed else 0)


class _Corrections:
    """What `refs add` does with an article that corrects one in the library: replace it
    (--replace), or hold it back and say how (exit 1)."""

    def __init__(self, replace: bool) -> None:
        self.replace = replace
        self.held = False

    def prepare(self, lib: Library, articles: list[ParsedArticle]) -> list[ParsedArticle]:
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


def _add_stdin(
    paths: list[Path], fmt: SummaryFormat, replace: bool, issue: str | None, library: Path | None
) -> None:
    """``refs add -``: one article read from standard input."""
    from refs.library.ingest import add_articles
    from refs.library.journal import recording
    from refs.library.store import Library

    result = load_articles(paths, issue)
    emit_diagnostics(all_diagnostics(result))
    corrected = _Corrections(replace)
    with Library(library_path(library)) as lib, changes(lib), recording(lib, "add") as rec:
        report = add_articles(lib, corrected.prepare(lib, list(result.articles)))
        rec.summary = f"added {', '.join(str(p) for p in paths)}"
        rec.keys = set(report.new_keys)
    summarise(report, fmt)
    raise typer.Exit(max(exit_code(result), 1 if corrected.held else 0))


@contextmanager
def _progress(files: int) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar for many files on a terminal (never in pipes)."""
    if files < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield None
        return
    with typer.progressbar(length=files, label="reading", file=sys.stderr) as bar:
        yield lambda _file: bar.update(1)


def combined(reports: list[IngestReport]) -> IngestReport:
    """One report for several files: counts added up, new keys in order."""
    from refs.library.ingest import IngestReport

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


@app.command("list")
def list_references(
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
    article: ArticleOpt = None,
    outlet: OutletOpt = None,
    types: TypeOpt = None,
    tag: TagOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    cited_by: CitedByOpt = None,
    library: LibraryOpt = None,
) -> None:
    """List the references in the library: canonical outlet, articles citing each.

    Example: refs list --outlet AP --since 2000-10 --tag korea
    """
    from refs.cli.filters import library_selection, selection_of
    from refs.library.store import Library
    from refs.report.library_views import references_json, references_table

    selection = selection_of(article, outlet, types, tag, since, until, cited_by)
    with Library(library_path(library), create=False) as lib:
        refs = library_selection(lib, lib.references(), selection)
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
    from refs.library.decisions import live_key
    from refs.library.edits import care_of
    from refs.library.store import Library
    from refs.report.care_views import care_text
    from refs.report.json_doc import dumps, library_reference_json
    from refs.report.library_views import reference_text

    with Library(library_path(library), create=False) as lib:
        try:
            ref = lib.reference(live_key(lib, key))
        except RefsError as exc:
            fail(exc.message, exc.exit_code, exc.hint)
        aliases = lib.aliases(ref.key) if ref else []
        care = care_of(lib, ref.key) if ref else ([], [], [])
    if ref is None:
        fail(f"no reference with key {key!r}", hint="see the keys with: refs list")
    if fmt is RecordFormat.json:
        doc = library_reference_json(ref)
        doc.update(zip(("tags", "notes", "set_by_hand"), care, strict=True))
        write_output(dumps(doc), None)
    else:
        write_output(reference_text(ref, aliases) + care_text(*care), None)


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
    from refs.library.decisions import apply_auto, clustered_keys, library_duplicates
    from refs.library.store import Library
    from refs.report.library_views import dedupe_json, dedupe_text

    with Library(library_path(library), create=False) as lib:
        if apply:  # only --apply writes: listing works while another process writes
            from refs.library.journal import recording

            with changes(lib), recording(lib, "dedupe") as rec:
                result = library_duplicates(lib)
                refs = {r.key: r for r in lib.references(clustered_keys(result))}
                merged = apply_auto(lib, result)
                rec.summary = "merged " + ", ".join(f"{d} into {k}" for k, d in merged)
                rec.keys = {k for pair in merged for k in pair}
        else:
            result = library_duplicates(lib)
            refs = {r.key: r for r in lib.references(clustered_keys(result))}
            merged = []
    json_out = fmt is RecordFormat.json
    write_output(dedupe_json(result, refs) if json_out else dedupe_text(result, refs), None)
    for kept, dropped in merged:
        typer.echo(f"refs: merged {dropped} into {kept}", err=True)


@app.command()
def merge(
    keep: Annotated[str, typer.Argument(help="The key that stays.")],
    drop: Annotated[str, typer.Argument(help="The key merged into it (still resolves).")],
    keep_fields: Annotated[
        list[str] | None,
        typer.Option("--keep", help="FIELD=A or FIELD=B: whose value of FIELD stays."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Merge even different outlets or one source list.")
    ] = False,
    library: LibraryOpt = None,
) -> None:
    """Merge two references (A B): every citation is kept, the most complete fields win
    unless --keep chooses; `refs undo` takes it back.

    Example: refs merge ap2000gore ap2000gorea --keep title=B
    """
    from refs.cli.curation import reported
    from refs.library.journal import recording
    from refs.library.merging import careful_merge, choices
    from refs.library.store import Library

    with reported():
        chosen = choices(keep_fields or [])
    with (
        reported(),
        Library(library_path(library), create=False) as lib,
        changes(lib),
        recording(lib, "merge") as rec,
    ):
        kept, dropped = careful_merge(lib, keep, drop, chosen, force=force)
        rec.summary = f"merged {dropped} into {kept}"
        rec.keys = {kept, dropped}
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
    from refs.cli.curation import reported
    from refs.library.decisions import mark_distinct
    from refs.library.journal import recording
    from refs.library.store import Library

    with (
        reported(),
        Library(library_path(library), create=False) as lib,
        changes(lib),
        recording(lib, "distinct") as rec,
    ):
        a, b = mark_distinct(lib, first, second)
        rec.summary = f"{a} and {b} kept apart"
        rec.keys = {a, b}
    typer.echo(f"refs: {a} and {b} are kept apart", err=True)


@app.command("import")
def import_file(
    files: Annotated[
        list[Path],
        typer.Argument(help="BibTeX, CSL-JSON or RIS files; - reads stdin.", metavar="FILE"),
    ],
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="text: a line on stderr; json: stdout.")
    ] = SummaryFormat.text,
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
