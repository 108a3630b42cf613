"""Cite positions (first, subsequent, ibid, ibid-with-locator, near-note) and the
first-reference-note-number, from the citations in document order and their notes.

As citeproc-js reads them: citations in notes (note number > 0) and citations in the
text (note 0) are two streams; a cite is ibid when it follows a cite of the same item in
its citation, or opens a citation whose predecessor in its stream holds that one item
alone. The predecessor of a citation in a new note is the whole previous note (its
citations together), in the same note the citation before it. A cite without a locator
after one with a locator is not ibid; a cite with another locator is ibid-with-locator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Position:
    first: bool = True
    ibid: bool = False  # also true for ibid-with-locator
    with_locator: bool = False
    near_note: bool = False
    first_note: int = 0  # the note of the item's first cite (0: none or in the text)

    def test(self, name: str) -> bool:
        """The cs:if ``position`` test ``name``."""
        if name == "first":
            return self.first
        if name == "subsequent":
            return not self.first
        if name == "ibid":
            return self.ibid
        if name == "ibid-with-locator":
            return self.with_locator
        return name == "near-note" and self.near_note


FIRST = Position()

_Cite = tuple[str, str | None]  # (item key, locator)


def _ibid(cite: _Cite, preceding: Sequence[_Cite]) -> tuple[bool, bool]:
    """(ibid, ibid-with-locator) after ``preceding`` (one cite, or a citation alone)."""
    if len(preceding) != 1 or preceding[0][0] != cite[0]:
        return False, False
    before = preceding[0][1]
    if cite[1] is None:
        return before is None, False
    return True, cite[1] != before


def positions(
    citations: Sequence[Sequence[_Cite]], notes: Sequence[int], near_note_distance: int = 5
) -> list[list[Position]]:
    """A position per cite of each citation; ``notes`` gives each citation's note."""
    first_note: dict[str, int] = {}
    last_note: dict[str, int] = {}
    # per stream: (note of the last citation, that citation, the whole of its note)
    last: dict[bool, tuple[int, list[_Cite], list[_Cite]]] = {}
    out: list[list[Position]] = []
    for cites, note in zip(citations, notes, strict=True):
        in_note = note > 0
        before = last.get(in_note)
        if before is None:
            preceding: list[_Cite] = []
        elif in_note and before[0] != note:
            preceding = before[2]
        else:
            preceding = before[1]
        row = []
        for n, cite in enumerate(cites):
            key = cite[0]
            ibid, with_locator = _ibid(cite, [cites[n - 1]] if n else preceding)
            seen = key in first_note
            near = (
                seen
                and in_note
                and last_note[key] > 0
                and note - last_note[key] <= near_note_distance
            )
            row.append(Position(not seen, ibid, with_locator, near, first_note.get(key, 0)))
            first_note.setdefault(key, note)
            last_note[key] = note
        out.append(row)
        whole = list(cites)
        if before is not None and in_note and before[0] == note:
            whole = before[2] + whole
        last[in_note] = (note, list(cites), whole)
    return out
