"""The library commands: `refs add`, `list`, `show`, `dedupe`, `merge`, `distinct`, `import`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from refs.cli.app import (
    LibraryOpt,
    all_diagnostics,
    app,
    emit_diagnostics,
    exit_code,
    fail,
    library_path,
    load_articles,
    write_output,
)
from refs.cli.filters import (
    ArticleOpt,
    CitedByOpt,
    OutletOpt,
    SinceOpt,
    TagOpt,
    TypeOpt,
    UntilOpt,
)
from refs.diagnostics import has_errors
from refs.errors import RefsError
from refs.report.json_doc import dumps

# ---------------------------------------------------------------- the library: add, list, show


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class RecordFormat(StrEnum):  # refs show, refs dedupe
    text = "text"
    json = "json"


@app.command()
def add(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of them.")],
    replace: Annotated[
        bool,
        typer.Option("--replace", help="A corrected article replaces the one it corrects."),
    ] = False,
    issue: Annotated[
        str | None,
        typer.Option("--issue", help="The issue of pages without an issue line ('No. 52, ...')."),
    ] = None,
    library: LibraryOpt = None,
) -> None:
    """Add articles to the library; the same article again changes nothing, a corrected
    one (same publication, issue and title, another text) replaces it with --replace.

    Example: refs add seeds --library refs.db
    """
    from refs.library.corrections import corrections, replace_old
    from refs.library.ingest import add_articles
    from refs.library.journal import recording
    from refs.library.store import Library
    from refs.report.library_views import ingest_summary

    result = load_articles(paths, issue)
    emit_diagnostics(all_diagnostics(result))
    code = exit_code(result)
    with Library(library_path(library)) as lib, lib.transaction(), recording(lib, "add") as rec:
        found = corrections(lib, result.articles)
        articles = result.articles
        if found and replace:
            gone = replace_old(lib, found)
            for c in found:
                typer.echo(f"refs: {c.source} replaces {', '.join(c.old_sources)}", err=True)
            if gone:
                typer.echo(f"refs: references gone with the old text: {', '.join(gone)}", err=True)
        elif found:
            held = {c.source for c in found}
            articles = [p for p in articles if p.article.source not in held]
            for c in found:
                typer.echo(
                    f"refs: {c.source} corrects {', '.join(c.old_sources)} (same publication, "
                    "issue and title, another text): not added; add it with --replace to "
                    "replace the old one",
                    err=True,
                )
            code = max(code, 1)
        report = add_articles(lib, articles)
        rec.summary = f"added {', '.join(str(p) for p in paths)}"
        rec.keys = set(report.new_keys)
    typer.echo(ingest_summary(report), err=True, nl=False)
    raise typer.Exit(code)


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
    from refs.report.json_doc import library_reference_json
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
    from refs.library.decisions import apply_auto, library_duplicates
    from refs.library.store import Library
    from refs.report.library_views import dedupe_json, dedupe_text

    with Library(library_path(library), create=False) as lib:
        if apply:  # only --apply writes: listing works while another process writes
            from refs.library.journal import recording

            with lib.transaction(), recording(lib, "dedupe") as rec:
                result = library_duplicates(lib)
                refs = {r.key: r for r in lib.references()}
                merged = apply_auto(lib, result)
                rec.summary = "merged " + ", ".join(f"{d} into {k}" for k, d in merged)
                rec.keys = {k for pair in merged for k in pair}
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
    from refs.cli.care import reported
    from refs.library.journal import recording
    from refs.library.merging import careful_merge, choices
    from refs.library.store import Library

    with reported():
        chosen = choices(keep_fields or [])
    with (
        reported(),
        Library(library_path(library), create=False) as lib,
        lib.transaction(),
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
    from refs.cli.care import reported
    from refs.library.decisions import mark_distinct
    from refs.library.journal import recording
    from refs.library.store import Library

    with (
        reported(),
        Library(library_path(library), create=False) as lib,
        lib.transaction(),
        recording(lib, "distinct") as rec,
    ):
        a, b = mark_distinct(lib, first, second)
        rec.summary = f"{a} and {b} kept apart"
        rec.keys = {a, b}
    typer.echo(f"refs: {a} and {b} are kept apart", err=True)


@app.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(help="A BibTeX, CSL-JSON or RIS file.")],
    library: LibraryOpt = None,
) -> None:
    """Import references from a BibTeX, CSL-JSON or RIS file, deduplicated against the library.

    Example: refs import library.bib
    """
    from refs.formats.detect import read_import
    from refs.library.import_files import import_source
    from refs.library.ingest import import_references
    from refs.library.store import Library
    from refs.report.library_views import ingest_summary

    result = read_import(file)
    emit_diagnostics(result.diagnostics)
    if not result.references and has_errors(list(result.diagnostics)):
        fail(f"nothing could be imported from {file}")
    from refs.library.journal import recording

    with Library(library_path(library)) as lib, lib.transaction(), recording(lib, "import") as rec:
        # the path as given; the same file imported from another folder is known
        report = import_references(lib, result.references, import_source(lib, file))
        rec.summary = f"imported {file}"
        rec.keys = set(report.new_keys)
    typer.echo(ingest_summary(report), err=True, nl=False)
    raise typer.Exit(1 if has_errors(list(result.diagnostics)) else 0)
