"""Where a library lives and the connection the library's modules talk to.

A library is a SQLite file (a path) or a PostgreSQL database (a ``postgresql://`` URL).
Both are reached through :class:`Connection`, the part of :class:`sqlite3.Connection`
the library uses; the PostgreSQL one (refs.library.pg_connection) takes the same SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

URL_SCHEMES = ("postgresql://", "postgres://")


class Rows(Protocol):
    """A statement's result: its rows, how many it changed, the id it inserted."""

    @property
    def rowcount(self) -> int: ...

    @property
    def lastrowid(self) -> int | None: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The connection of an open library (SQLite's, or the PostgreSQL wrapper)."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Any = ..., /) -> Rows: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Rows: ...

    def close(self) -> None: ...


class ServerUrl(str):
    """A PostgreSQL library: ``postgresql://USER@HOST:PORT/DATABASE`` (a string, shown as
    given but for a password, which never appears in messages)."""

    __slots__ = ()

    @property
    def shown(self) -> str:
        """The URL as messages name it: a password is left out."""
        scheme, _, rest = self.partition("://")
        user, at, host = rest.rpartition("@")
        if at and ":" in user:
            user = user.split(":", 1)[0] + ":***"
        return f"{scheme}://{user}{at}{host}"


def location(text: str) -> Path | ServerUrl:
    """A library named on the command line or in REFS_LIBRARY: a URL or a file."""
    if text.startswith(URL_SCHEMES):
        return ServerUrl(text)
    return Path(text)
