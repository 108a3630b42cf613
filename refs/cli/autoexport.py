"""`refs autoexport add|list|remove`: exports kept current. Every command that changes
the library rewrites the registered files (atomically) after its transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from refs.cli.app import LibraryOpt, app, detail, fail, library_path
from refs.cli.export import ExportFormatName, extension_hint
from refs.cli.outputs import write_output

if TYPE_CHECKING:
    from refs.library.autoexports import AutoExport
    from refs.library.store import Library

autoexport_app = typer.Typer(
    help="Exports that every change of the library rewrites.", no_args_is_help=True
)
app.add_typer(autoexport_app, name="autoexport")


class ListingFormat(StrEnum):
    text = "text"
    json = "json"


def export_text(lib: Library, export: AutoExport) -> str:
    """The file's content: the chosen references in the format, sorted by key."""
    from refs.formats.registry import export as export_as
    from refs.select import select, unique_keys

    chosen, _ = unique_keys(select(lib.references(), export.selection))
    return export_as(export.format, chosen)


def rewrite(lib: Library) -> None:
    """Rewrite every registered export from the library as it now is; a file that cannot
    be written is reported and the others are still written."""
    from refs.formats.atomic import write_text_atomic
    from refs.library.autoexports import registered

    for export in registered(lib):
        try:
            write_text_atomic(Path(export.path), export_text(lib, export))
            detail(f"autoexport: rewrote {export.path}")
        except OSError as exc:
            typer.echo(f"refs: warning: autoexport {export.path}: {exc.strerror or exc}", err=True)


@contextmanager
def changes(lib: Library) -> Iterator[None]:
    """A transaction that changes the library; once committed, the registered exports
    are rewritten."""
    with lib.transaction():
        yield
    rewrite(lib)


@autoexport_app.command("add")
def add(
    file: Annotated[Path, typer.Argument(help="The file to keep current.", metavar="FILE")],
    fmt: Annotated[ExportFormatName, typer.Option("--format", "-f", help="Export format.")] = (
        ExportFormatName.bibtex
    ),
    article: Annotated[
        list[str] | None,
        typer.Option("--article", metavar="ARTICLE", help="Only references cited by it."),
    ] = None,
    outlet: Annotated[
        list[str] | None, typer.Option("--outlet", metavar="OUTLET", help="Only this outlet.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="DATE", help="Only on/after YYYY[-MM[-DD]].")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="DATE", help="Only on/before YYYY[-MM[-DD]].")
    ] = None,
    library: LibraryOpt = None,
) -> None:
    """Register FILE as an export of the library and write it now.

    Example: refs autoexport add paper/refs.bib --format biblatex --since 2000
    """
    from refs.cli.filters import selection_of
    from refs.cli.outputs import check_output
    from refs.library.autoexports import AutoExport, register
    from refs.library.store import Library

    check_output(file)
    extension_hint(fmt.value, file)
    selection = selection_of(article, outlet, since=since, until=until)
    export = AutoExport(str(file.resolve()), fmt.value, selection)
    with Library(library_path(library), create=False) as lib:
        with lib.transaction():
            new = register(lib, export)
        from refs.formats.atomic import write_text_atomic

        write_text_atomic(Path(export.path), export_text(lib, export))
    verb = "registered" if new else "updated"
    typer.echo(f"refs: {verb} {export.path} ({fmt.value}); written", err=True)


@autoexport_app.command("list")
def list_exports(
    fmt: Annotated[ListingFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListingFormat.text
    ),
    library: LibraryOpt = None,
) -> None:
    """List the registered exports.

    Example: refs autoexport list --format json
    """
    import json

    from refs.library.autoexports import registered
    from refs.library.store import Library
    from refs.report.json_doc import dumps

    with Library(library_path(library), create=False) as lib:
        exports = registered(lib)
    if fmt is ListingFormat.json:
        doc = [
            {"path": e.path, "format": e.format, "filters": json.loads(e.filters_json())}
            for e in exports
        ]
        write_output(dumps(doc), None)
        return
    lines = []
    for e in exports:
        filters = json.loads(e.filters_json())
        shown = " ".join(
            f"--{name.rstrip('s')} {v}"
            for name, values in sorted(filters.items())
            for v in (values if isinstance(values, list) else [values])
            if v
        )
        lines.append(f"{e.path}  {e.format}{'  ' + shown if shown else ''}\n")
    write_output("".join(lines), None)


@autoexport_app.command("remove")
def remove(
    file: Annotated[Path, typer.Argument(help="A registered file.", metavar="FILE")],
    library: LibraryOpt = None,
) -> None:
    """Stop keeping FILE current (the file itself stays).

    Example: refs autoexport remove paper/refs.bib
    """
    from refs.library.autoexports import unregister
    from refs.library.store import Library

    with Library(library_path(library), create=False) as lib, lib.transaction():
        found = unregister(lib, str(file.resolve()))
    if not found:
        fail(f"{file} is not a registered export", hint="`refs autoexport list` shows them")
    typer.echo(f"refs: {file.resolve()} no longer kept current", err=True)
