"""Aligned plain-text tables for a terminal. Widths are display widths (wcwidth): a
CJK character takes two columns, a combining mark none."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from refs.patterns import compiled
from refs.text import visible

if TYPE_CHECKING:  # (a table of library references needs no parser)
    from refs.pipeline import ParsedArticle

# Characters one column wide in every wcwidth table: printable ASCII, printable Latin-1
# and the general punctuation a table shows (dashes, quotes, the ellipsis of a cut cell).
# Text made only of them is measured by its length, so wcwidth (some 10-70 ms to import)
# is loaded only for other text; tests check each of them against wcwidth.
ONE_COLUMN = compiled("[\x20-\x7e\xa0-\xff\u2010-\u2027\u2030-\u205e]*")


def width(text: str) -> int:
    """Columns that ``text`` takes on a terminal (a control character counts as one)."""
    if ONE_COLUMN.fullmatch(text):
        return len(text)
    from wcwidth import wcswidth

    columns = wcswidth(text)
    return columns if columns >= 0 else len(text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell; the last column is never padded or cut.
    Control characters and line breaks in cells are shown as escapes (``\\x1b``, ``\\n``)."""
    headers = [visible(h) for h in headers]
    rows = [[visible(c) for c in row] for row in rows]
    widths = [width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row[:-1]):
            widths[i] = max(widths[i], width(cell))

    def line(cells: Sequence[str]) -> str:
        padded = [pad(c, widths[i]) for i, c in enumerate(cells[:-1])]
        return "  ".join([*padded, cells[-1]]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def parse_table(parsed: Sequence[ParsedArticle]) -> str:
    """Per article: a heading line, then one row per reference."""
    blocks: list[str] = []
    for item in parsed:
        art = item.article
        head = visible(art.source)
        details = [
            x
            for x in (
                art.publication,
                f"issue {art.issue}" if art.issue else None,
                art.issue_date_iso(),
            )
            if x
        ]
        if details:
            head += " — " + visible(", ".join(details))
        if art.title:
            head += f"\n{visible(art.title)}"
        rows = [
            [
                str(r.index + 1),
                r.key,
                r.issued.iso() if r.issued else "?",
                r.type,
                r.outlet or "?",
                r.title,
            ]
            for r in item.references
        ]
        body = (
            table(["#", "key", "issued", "type", "outlet", "title"], rows)
            if rows
            else "(no references)"
        )
        blocks.append(f"{head}\n\n{body}\n")
    return "\n".join(blocks)
