"""Offsets in a text -> 1-based line numbers: the one line index of the parser and the
claims (built once per text, a bisection per lookup)."""

from __future__ import annotations

from bisect import bisect_right

from refs.models import Span
from refs.models.trusted import trusted


class LineIndex:
    """Offsets -> 1-based line numbers."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def line(self, offset: int) -> int:
        return bisect_right(self._starts, offset)

    def span(self, start: int, end: int) -> Span:
        return trusted(Span, {"start": start, "end": end, "line": self.line(start)})
