"""Sort keys compared as citeproc-js compares them: case, accents and punctuation
ignored (spaces count), digit runs compared as numbers (``localeCompare`` with
sensitivity "base", ignorePunctuation and numeric). A leading "a", "an" or "the" counts,
as it does for citeproc-js."""

from __future__ import annotations

import unicodedata

from refs.patterns import compiled

_QUOTES = compiled("[\"'“”‘’«»\ue000-\ue0ff]")
_DIGITS = compiled(r"(\d+)")

Key = tuple[tuple[int, int | str], ...]


def collation_key(text: str) -> Key | None:
    """A comparable key for ``text``; None when nothing is left (sorts last)."""
    text = _QUOTES.sub("", text).strip()
    text = unicodedata.normalize("NFKD", text.lower())
    parts: list[tuple[int, int | str]] = []
    for n, piece in enumerate(_DIGITS.split(text)):
        if n % 2:
            parts.append((0, int(piece)))
            continue
        letters = "".join(
            c for c in piece if (c.isalnum() or c.isspace()) and not unicodedata.combining(c)
        )
        if letters:
            if parts and parts[-1][0] == 1:
                parts[-1] = (1, str(parts[-1][1]) + letters)
            else:
                parts.append((1, letters))
    return tuple(parts) or None
