"""Errors for "cannot continue" situations (bad usage, unreadable library)."""

from __future__ import annotations


class RefsError(Exception):
    """Base class: the CLI prints the message and exits with ``exit_code``."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(RefsError):
    exit_code = 2


class InputError(RefsError):
    """Input that cannot be read at all."""

    exit_code = 2


class LibraryError(RefsError):
    """The library file is unusable (newer schema, corrupt)."""

    exit_code = 2
