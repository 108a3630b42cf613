"""Regular expressions compiled at their first use, not at import.

Python compiles a pattern in Python code: refs's hundred-odd module-level patterns took
about 20 ms of every start-up, though a command uses some of them (``refs check`` of an
article, two thirds) and ``refs --help`` none. A pattern made by :func:`compiled` is
compiled when one of its methods or attributes is first asked for; from then on they
are the compiled pattern's own, so a call costs what it costs on a compiled pattern."""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

# what a compiled pattern offers that refs asks for (after the first use, read directly)
_OFFERED = (
    "match",
    "fullmatch",
    "search",
    "sub",
    "subn",
    "split",
    "finditer",
    "findall",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _Later:
    def __init__(self, source: str | bytes, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        """Called only for what is not yet set: the first use compiles."""
        pattern = re.compile(self._source, self._flags)
        for offered in _OFFERED:
            self.__dict__[offered] = getattr(pattern, offered)
        return getattr(pattern, name)

    def __repr__(self) -> str:
        return f"compiled({self._source!r}, {self._flags})"


def compiled(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(source, flags)``, done at the first use."""
    return cast("re.Pattern[AnyStr]", _Later(source, flags))
