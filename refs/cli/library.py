"""The library's references and their duplicates: `refs list`, `show`, `dedupe`,
`merge`, `distinct`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from refs.cli.app import LibraryOpt, app, fail, library_path
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
from refs.cli.outputs import write_output
from refs.errors import RefsError


class ListFormat(StrEnum):
    text = "text"  # the human format, as in every command
    table = "table"  # its former name here
    json = "json"


class RecordFormat(StrEnum):  # refs show, refs dedupe
    text = "text"
    json = "json"


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
        bool,
        typer.Option("--force", help="Merge even different outlets, authors or one source list."),
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
