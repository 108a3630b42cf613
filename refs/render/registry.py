"""citeproc-py's bibliography with its registered keys indexed, and its citation item
with its reference looked up once. citeproc-py keeps the keys in a list and asks
``key in keys`` on every registration and every cite (``is_bad``), which makes a render
of n items take time in n squared."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Any, SupportsIndex

from citeproc import CitationItem, CitationStylesBibliography

from refs.render.positions import FIRST, Position


class IndexedKeys(list[str]):
    """A list of distinct keys whose membership test and ``index`` take constant time."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        super().__init__(keys)
        self._at = {key: n for n, key in reversed(list(enumerate(self)))}

    def append(self, key: str) -> None:
        self._at.setdefault(key, len(self))
        super().append(key)

    def __contains__(self, key: object) -> bool:
        return key in self._at

    def index(self, key: str, *args: SupportsIndex) -> int:
        if args:
            return super().index(key, *args)
        try:
            return self._at[key]
        except KeyError:
            raise ValueError(f"{key!r} is not in list") from None


class Bibliography(CitationStylesBibliography):  # type: ignore[misc]
    """``keys`` stays an :class:`IndexedKeys` whatever citeproc-py assigns to it."""

    @property
    def keys(self) -> IndexedKeys:
        found: IndexedKeys = self.__dict__["_keys"]
        return found

    @keys.setter
    def keys(self, value: Any) -> None:
        self.__dict__["_keys"] = value if isinstance(value, IndexedKeys) else IndexedKeys(value)


class Cite(CitationItem):  # type: ignore[misc]
    """A citation item that looks its reference up once (citeproc-py walks
    citation -> bibliography -> source on every variable access)."""

    @cached_property
    def reference(self) -> Any:
        return self.bibliography.source[self.key]

    @property
    def position(self) -> Position:
        found: Position = self.__dict__.get("_position", FIRST)
        return found
