"""Caring for the library: `refs edit`, `tag`, `untag`, `note`, `remove`, `history`, `undo`.
Every change goes into the journal (refs.library.journal) and can be undone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from refs.cli.app import LibraryOpt, app, fail, library_path
from refs.cli.outputs import write_output
from refs.errors import RefsError

if TYPE_CHECKING:
    from refs.library.store import Library


@contextmanager
def reported() -> Iterator[None]:
    """A RefsError (a bad key, a refused change) becomes its message and exit code."""
    try:
        yield
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint)


def _open(library: str | None) -> Library:
    from refs.library.store import Library

    return Library(library_path(library), create=False)


@app.command()
def edit(
    key: Annotated[str, typer.Argument(help="The reference's key.")],
    sets: Annotated[
        list[str] | None,
        typer.Option("--set", help="FIELD=VALUE (any field; dates as 2001-03-01). Repeatable."),
    ] = None,
    unsets: Annotated[
        list[str] | None, typer.Option("--unset", help="A field to clear. Repeatable.")
    ] = None,
    resets: Annotated[
        list[str] | None,
        typer.Option("--reset", help="A field to give back to the merge of its citations."),
    ] = None,
    library: LibraryOpt = None,
) -> None:
    """Set fields of a reference by hand; later merges and re-adds keep them.

    Example: refs edit yonhap2000kim --set issued=2001-03-01
    """
    from refs.library.edits import assignments
    from refs.library.edits import edit as edit_fields
    from refs.library.journal import recording

    if not (sets or unsets or resets):
        fail("nothing to change", hint="give --set FIELD=VALUE, --unset FIELD or --reset FIELD")
    with reported():
        values = assignments(sets or [])
    with reported(), _open(library) as lib, lib.transaction(), recording(lib, "edit") as rec:
        live = edit_fields(lib, key, values, unsets or [], resets or [])
        names = sorted({*values, *(unsets or []), *(resets or [])})
        rec.summary = f"edited {live}: " + ", ".join(n.replace("_", "-") for n in names)
        rec.keys = {live}
    typer.echo(f"refs: {rec.summary}", err=True)


@app.command()
def tag(
    key: Annotated[str, typer.Argument(help="The reference's key.")],
    tags: Annotated[list[str], typer.Argument(help="One or more tags.")],
    library: LibraryOpt = None,
) -> None:
    """Tag a reference.

    Example: refs tag reuters2000putin russia missiles
    """
    _tag(key, tags, library, remove=False)


@app.command()
def untag(
    key: Annotated[str, typer.Argument(help="The reference's key.")],
    tags: Annotated[list[str], typer.Argument(help="One or more tags.")],
    library: LibraryOpt = None,
) -> None:
    """Take tags off a reference.

    Example: refs untag reuters2000putin missiles
    """
    _tag(key, tags, library, remove=True)


def _tag(key: str, tags: list[str], library: str | None, *, remove: bool) -> None:
    from refs.library.edits import tag as tag_reference
    from refs.library.journal import recording

    action = "untag" if remove else "tag"
    with reported(), _open(library) as lib, lib.transaction(), recording(lib, action) as rec:
        live = tag_reference(lib, key, tags, remove=remove)
        rec.summary = f"{action}ged {live}: {', '.join(tags)}"
        rec.keys = {live}
    typer.echo(f"refs: {rec.summary}", err=True)


@app.command()
def note(
    key: Annotated[str, typer.Argument(help="The reference's key.")],
    text: Annotated[str, typer.Argument(help="The note.")],
    library: LibraryOpt = None,
) -> None:
    """Add a note to a reference (`refs show` lists them; `refs search` finds them).

    Example: refs note ap2000gore "AP ran a corrected version the next day"
    """
    from refs.library.edits import note as add_note
    from refs.library.journal import recording

    with reported(), _open(library) as lib, lib.transaction(), recording(lib, "note") as rec:
        live = add_note(lib, key, text)
        rec.summary = f"noted {live}: {text.strip()}"
        rec.keys = {live}
    typer.echo(f"refs: {rec.summary}", err=True)


@app.command()
def remove(
    key: Annotated[str | None, typer.Argument(help="The key of the reference to remove.")] = None,
    article: Annotated[
        str | None,
        typer.Option("--article", help="Remove an article (its path as added, or its id)."),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", help="Remove even when more goes than was named.")
    ] = False,
    library: LibraryOpt = None,
) -> None:
    """Remove a reference with its citations, or an article with its citations and the
    references it leaves without any (imported or edited ones stay).

    Example: refs remove --article seeds/000_ef633acc338f5415.txt --yes
    """
    from refs.library.journal import recording
    from refs.library.removal import plan_article, plan_reference
    from refs.library.removal import remove as carry_out

    if (key is None) == (article is None):
        fail("name one reference KEY or one --article")
    with reported(), _open(library) as lib, lib.transaction(), recording(lib, "remove") as rec:
        plan = plan_reference(lib, key) if key is not None else plan_article(lib, article or "")
        what = _plan_text(plan)
        if plan.more_than_named and not yes:
            fail(f"this would remove {what}", hint="run it again with --yes to remove them")
        carry_out(lib, plan)
        rec.summary = f"removed {what}"
        rec.keys = {*plan.keys, *plan.merged}
    typer.echo(f"refs: {rec.summary}", err=True)
    if plan.kept:
        typer.echo(f"refs: kept (edited by hand): {', '.join(plan.kept)}", err=True)


def _plan_text(plan: object) -> str:
    from refs.library.removal import Plan

    assert isinstance(plan, Plan)
    bits = []
    if plan.articles:
        bits.append(f"article {plan.articles[0][:12]}")
    if plan.keys:
        bits.append(f"{len(plan.keys)} reference(s) ({', '.join(plan.keys)})")
    if plan.merged:
        bits.append(f"with the merged keys {', '.join(plan.merged)}")
    bits.append(f"{plan.citations} citation(s)")
    return ", ".join(bits)


@app.command()
def history(
    key: Annotated[str | None, typer.Argument(help="Only the entries about this key.")] = None,
    library: LibraryOpt = None,
) -> None:
    """Show the journal: every add, merge, distinct, edit, remove, tag and note.

    Example: refs history ap2000gore
    """
    from refs.library.decisions import live_key
    from refs.library.journal import history as journal
    from refs.report.care_views import history_text

    with reported(), _open(library) as lib:
        keys = None
        if key is not None:
            live = live_key(lib, key)
            keys = {live, key.strip().lower(), *lib.aliases(live)}
        entries = journal(lib, keys)
    write_output(history_text(entries), None)


@app.command()
def undo(
    entry: Annotated[
        int | None, typer.Argument(help="A journal entry (refs history); default: the last.")
    ] = None,
    library: LibraryOpt = None,
) -> None:
    """Undo a journal entry: the library goes back to what it was before it (an unmerge
    gives the merged-away key back with its own citations and fields).

    Example: refs undo 12
    """
    from refs.library.journal import undo as undo_entry

    with reported(), _open(library) as lib, lib.transaction():
        done = undo_entry(lib, entry)
    typer.echo(f"refs: undid #{done.id}: {done.summary}", err=True)


@app.command()
def articles(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, json, or an export format.")
    ] = "table",
    library: LibraryOpt = None,
) -> None:
    """List the digest articles of the library as citable items (article-magazine);
    `refs export --articles` and `refs render --articles` take them too.

    Example: refs articles --format csljson
    """
    from refs.formats.registry import get as get_format
    from refs.library.article_items import article_items, article_rows

    with reported(), _open(library) as lib:
        rows = article_rows(lib)
    items = article_items(rows)
    if fmt == "table":
        from refs.report.care_views import articles_table

        write_output(articles_table(rows, items), None)
    elif fmt == "json":
        from refs.report.json_doc import dumps, fields_json

        write_output(dumps([{"key": i.key, **fields_json(i)} for i in items]), None)
    else:
        try:
            exporter = get_format(fmt)
        except KeyError:
            fail(f"unknown format {fmt!r}", hint="table, json, bibtex, biblatex, csljson or ris")
        write_output(exporter.export(items), None)
