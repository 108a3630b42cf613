"""citeproc-py's bibliography with its registered keys indexed: citeproc-py keeps them
in a list and asks ``key in keys`` on every registration and every cite (``is_bad``),
which makes a render of n items take time in n squared."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, SupportsIndex

from citeproc import CitationStylesBibliography


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
