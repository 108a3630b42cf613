"""Text view of the journal (``refs history``). Pure: strings out."""

from __future__ import annotations

from collections.abc import Sequence

from refs.library.journal import JournalEntry


def history_text(entries: Sequence[JournalEntry]) -> str:
    """One line per entry, oldest first: ``#id action summary`` (``[undone]`` marked)."""
    if not entries:
        return "(the journal is empty)\n"
    lines = []
    for e in entries:
        mark = "  [undone]" if e.undone else ""
        lines.append(f"#{e.id:<5} {e.action:<9} {e.summary}{mark}")
    return "\n".join(lines) + "\n"
