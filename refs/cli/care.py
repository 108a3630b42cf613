"""The library's care: `refs doctor` (is it sound, and what to do) and `refs backup`
(a verified copy)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from refs.cli.app import LibraryOpt, app, fail, library_file, library_path, stops


@app.command()
def doctor(library: LibraryOpt = None) -> None:
    """Check the library: SQLite's integrity check and refs' own invariants; says how to
    recover. Exit 0 when sound, 1 with findings, 2 when there is no such file.

    Example: refs doctor --library refs.db
    """
    from refs.library.doctor import diagnose

    path = library_file(library, "doctor")
    if not path.exists():
        fail(f"no library at {path}", hint="name one with --library")
    findings = diagnose(path)
    for finding in findings:
        typer.echo(f"{path}: {finding.problem}", err=True)
        typer.echo(f"  what to do: {finding.advice}", err=True)
    if findings:
        raise typer.Exit(1)
    typer.echo(f"{path}: ok (integrity check and invariants hold)", err=True)


@app.command()
def backup(
    file: Annotated[
        Path | None, typer.Argument(help="The copy to write (default: LIBRARY.bak).")
    ] = None,
    library: LibraryOpt = None,
) -> None:
    """Make a verified copy of the library (SQLite's backup API; safe while others write).

    Example: refs backup refs-2000.db --library refs.db
    """
    from refs.library.backup import backup as make_backup
    from refs.library.backup import default_backup_path
    from refs.library.store import Library

    path = library_file(library, "backup")
    target = file or default_backup_path(path)
    if target.exists() and target.samefile(path):
        fail(f"{target} is the library itself", hint="name another file")
    if target.is_dir():
        fail(f"{target} is a folder", hint="name a file, such as refs.db.bak")
    if not (target.parent if str(target.parent) else Path(".")).is_dir():
        fail(f"cannot write {target}: the folder {target.parent} does not exist")
    with Library(path, create=False) as lib:
        size = make_backup(lib.db, target)  # type: ignore[arg-type]  # a file: SQLite
    typer.echo(f"refs: backed up {path} to {target} ({size} bytes, verified)", err=True)


@app.command()
def split(
    key: Annotated[str, typer.Argument(help="A key that was merged into another reference.")],
    library: LibraryOpt = None,
) -> None:
    """Undo a merge (automatic or not): KEY becomes its own reference again with the
    citations it brought, and the two are kept apart from then on.

    Example: refs split ap2000gorea
    """
    from refs.cli.autoexport import changes
    from refs.cli.curation import reported
    from refs.library.journal import recording
    from refs.library.store import Library
    from refs.library.unmerge import split as split_record

    with (
        reported(),
        Library(library_path(library), create=False) as lib,
        changes(lib),
        recording(lib, "split") as rec,
    ):
        kept, dropped, moved = split_record(lib, key)
        rec.summary = f"split {dropped} from {kept}"
        rec.keys = {kept, dropped}
    typer.echo(
        f"refs: {dropped} is its own reference again ({moved} citation(s)); "
        f"it and {kept} are kept apart",
        err=True,
    )


@app.command()
def copy(
    source: Annotated[str, typer.Argument(help="The library to copy: a file or a URL.")],
    target: Annotated[
        str, typer.Argument(help="A new library file, or an empty PostgreSQL database (URL).")
    ],
) -> None:
    """Copy a whole library, between SQLite files and PostgreSQL databases either way,
    losing nothing (journal, decisions, tags, notes, fields set by hand).

    Example: refs copy refs.db postgresql://editor@db.example.org:5432/refs
    """
    from refs.library.copying import copy_library
    from refs.library.store import Library

    with (
        stops(),
        Library(library_path(source), create=False) as src,
        Library(library_path(target)) as dst,
    ):
        counts = copy_library(src, dst)
    total = sum(counts.values())
    typer.echo(f"refs: copied {src.shown} to {dst.shown} ({total} rows)", err=True)
