"""Text views of a library's care: the journal (``refs history``) and the tags, notes and
fields set by hand that ``refs show`` adds. Pure: strings out."""

from __future__ import annotations

from collections.abc import Sequence

from refs.library.article_items import ArticleRow
from refs.library.journal import JournalEntry
from refs.models import Keyed
from refs.report.table import table


def history_text(entries: Sequence[JournalEntry]) -> str:
    """One line per entry, oldest first: ``#id action summary`` (``[undone]`` marked)."""
    if not entries:
        return "(the journal is empty)\n"
    lines = []
    for e in entries:
        mark = "  [undone]" if e.undone else ""
        lines.append(f"#{e.id:<5} {e.action:<9} {e.summary}{mark}")
    return "\n".join(lines) + "\n"


def care_text(tags: Sequence[str], notes: Sequence[str], hand: Sequence[str]) -> str:
    """The lines ``refs show`` adds for tags, fields set by hand and notes."""
    lines = []
    if tags:
        lines.append(f"{'tags:':<20}{', '.join(tags)}")
    if hand:
        lines.append(f"{'set by hand:':<20}{', '.join(h.replace('_', '-') for h in hand)}")
    lines.extend(f"{'note:':<20}{n}" for n in notes)
    return "".join(line + "\n" for line in lines)


def articles_table(rows: Sequence[ArticleRow], items: Sequence[Keyed]) -> str:
    """``refs articles``: key, issue, date, publication, title, file."""
    if not rows:
        return "(the library has no article)\n"
    body = [
        [i.key, r.issue or "?", r.issue_date or "?", r.publication or "?", i.title, r.source]
        for r, i in zip(rows, items, strict=True)
    ]
    return table(["key", "issue", "date", "publication", "title", "file"], body) + "\n"
