"""The library: opening, migrations, transactions; its queries are in
refs.library.reads and its writes in refs.library.writes (mixins of :class:`Library`).

A library is a SQLite file or, named by a ``postgresql://`` URL, a PostgreSQL database
(refs.library.pg_store opens it; the same statements run on both). On SQLite: WAL
mode; the schema version lives in ``PRAGMA user_version`` and grows by the
``MIGRATIONS`` list; a library newer than this refs is refused. Every command runs in
one transaction (:meth:`Library.transaction`), so an interrupted command leaves the
library as it was. Each citation keeps the variant it was cited as; a record's fields
are the merge of its citations' variants (refs.dedupe.merge), so merges lose nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from refs.errors import LibraryError
from refs.library.access import read_only_uri, refuse_unwritable_folder, writable
from refs.library.backup import backup, default_backup_path
from refs.library.catalog import dump
from refs.library.connection import Connection, ServerUrl
from refs.library.guard import refuse_damaged, refuse_empty_file, text_of
from refs.library.lock import begin_immediate
from refs.library.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
)
from refs.library.seal import is_sealed, seal
from refs.library.writes import Writes

if TYPE_CHECKING:
    from refs.library.pg_connection import PgConnection


class Library(Writes):
    """An open library file. Use as a context manager; write inside ``transaction()``.

    ``readonly`` opens an existing file as it is: no migration, no pragma that writes,
    and SQLite refuses every write (``schema_version()`` tells what the file holds)."""

    db: Connection
    _reseal = False  # seal the file on close (see refs.library.seal)

    def __init__(
        self, path: Path | ServerUrl, *, create: bool = True, readonly: bool = False
    ) -> None:
        self.path = path
        self.server = isinstance(path, ServerUrl)
        if isinstance(path, ServerUrl):
            self._open_server(path, create, readonly)
            return
        if (readonly or not create) and not path.exists():
            raise LibraryError(f"no library at {path}", hint="add articles first: refs add PATH...")
        if path.exists() and path.is_dir():
            raise LibraryError(f"library path {path} is a folder")
        if not path.exists() and not path.parent.is_dir():
            raise LibraryError(
                f"cannot create the library {path}: the folder {path.parent} does not exist"
            )
        if not path.exists():
            refuse_unwritable_folder(path)
            self._create(path)
        refuse_empty_file(path)
        try:
            self._open(path, readonly, False)
        except BaseException:
            if hasattr(self, "db"):
                self.db.close()
            raise

    def _open_server(self, url: ServerUrl, create: bool, readonly: bool) -> None:
        from refs.library import pg_store

        self.db = pg = pg_store.connect(url, readonly)
        try:
            version = pg_store.check_version(pg, url, create and not readonly)
            if version < SCHEMA_VERSION and not readonly:
                pg_store.migrate(pg, url)
        except BaseException:
            pg.close()
            raise

    def _create(self, path: Path) -> None:
        """Make a new library beside ``path`` and link it into place whole, so that
        commands starting at once on a new library never see a half-made file; the
        first one to link wins, the others use its library. Nothing half-made stays
        behind (a full disk)."""
        new = path.with_name(f".{path.name}.new-{os.getpid()}")
        try:
            self._open(new, False, True, shown=path)
            self.db.close()
            try:
                os.link(new, path)
            except FileExistsError:
                pass  # another command made it first
            except OSError:  # a file system without hard links
                if not path.exists():
                    os.replace(new, path)
        finally:
            if hasattr(self, "db"):
                self.db.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{new}{suffix}").unlink(missing_ok=True)

    def _open(self, file: Path, readonly: bool, created: bool, shown: Path | None = None) -> None:
        path = shown or file
        try:
            readonly = readonly or not (created or writable(path))
            if readonly:
                db = sqlite3.connect(read_only_uri(file), uri=True, isolation_level=None)
            else:
                db = sqlite3.connect(str(file), isolation_level=None)
            self.db = db
            db.text_factory = text_of
            self.db.execute("PRAGMA busy_timeout = 5000")
            version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise LibraryError(
                    f"{path} has schema version {version}; this refs knows up to {SCHEMA_VERSION}",
                    hint="upgrade refs to use this library",
                )
            if version == 0 and self._has_tables():
                raise LibraryError(
                    f"{path} is an SQLite database of another program, not a refs library; "
                    "name a new file or a refs library with --library"
                )
            quick = not created and not is_sealed(file)
            refuse_damaged(db, path, version, quick=quick)
            self._reseal = quick
            if readonly:
                self.db.execute("PRAGMA query_only = ON")
                return
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA cache_size = -65536")  # 64 MB: big libraries stay fast
            self.db.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                self._migrate()
        except sqlite3.DatabaseError as exc:
            if created:  # a new file: nothing to read, so the disk said no
                raise LibraryError(
                    f"cannot create the library {path}: {exc} (is the disk full?)"
                ) from None
            raise LibraryError(f"{path} is not a readable refs library: {exc}") from None

    def _has_tables(self) -> bool:
        """Does the file hold any table? (A refs library of version 0 holds none.)"""
        return self.db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None

    def _migrate(self) -> None:
        version = self.schema_version()
        assert isinstance(self.db, sqlite3.Connection) and isinstance(self.path, Path)
        if version >= 1:  # a library with data: a verified copy first
            backup(self.db, default_backup_path(self.path, version))
        with self.transaction():
            version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
            for statements in MIGRATIONS[version:]:
                for step in statements:
                    if isinstance(step, str):
                        self.db.execute(step)
                    else:
                        step(self.db)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()
        if self._reseal and isinstance(self.path, Path):
            seal(self.path)  # checked or written by us: no need to check it next time

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: all or nothing. SQLite failures (a busy or full disk, a
        library another process holds) become LibraryError after the rollback; so do
        PostgreSQL's (the server gone, a constraint)."""
        errors = self._begin()
        try:
            yield
            if self.server:
                from refs.library.search import refresh

                refresh(self)  # readers of a server may not write the index themselves
            self.db.execute("COMMIT")
            self._reseal = not self.server
        except errors as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            shown = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise LibraryError(f"{self.shown}: {shown}; nothing was changed") from None
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def _begin(self) -> tuple[type[Exception], ...]:
        """Start a writing transaction; the errors of its database."""
        if isinstance(self.path, ServerUrl):
            import psycopg

            from refs.library import pg_store

            pg_store.begin(cast("PgConnection", self.db), self.path)
            return (psycopg.Error,)
        begin_immediate(self.db, self.path)
        return (sqlite3.Error,)

    @property
    def shown(self) -> str:
        """The library as messages name it (a URL without its password)."""
        return self.path.shown if isinstance(self.path, ServerUrl) else str(self.path)

    def schema_version(self) -> int:
        if self.server:
            from refs.library.pg_store import schema_version

            return schema_version(cast("PgConnection", self.db))
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def gather_statistics(self) -> None:
        """After a bulk load (``refs copy``): the planner's statistics of every table of a
        PostgreSQL library, gathered now rather than when autovacuum gets to them (till
        then a big library's reads are planned as over empty tables). SQLite plans this
        schema's queries well without them: nothing there."""
        if self.server:
            from refs.library.pg_store import analyze

            analyze(cast("PgConnection", self.db))

    def dump(self) -> list[str]:
        """Every row of every table as text lines, the same in either database (tests
        of all-or-nothing writes, ``refs copy``)."""
        return dump(self.db, self.server)
