"""Any text in Latin letters, for keys and matching forms: anyascii transliterates
every script (``Известия`` -> ``Izvestiya``); the syllables of scripts written without
spaces (Chinese, Japanese, Korean) are spaced, so that each counts as a word
(``人民日报`` -> ``Ren Min Ri Bao``)."""

from __future__ import annotations

import unicodedata

from anyascii import anyascii


def to_latin(text: str) -> str:
    """ASCII for ``text``; ASCII text comes back as it is."""
    if text.isascii():
        return text
    out: list[str] = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif unicodedata.east_asian_width(ch) in ("W", "F") and ch.isalpha():
            out.append(f" {anyascii(ch)} ")
        else:
            out.append(anyascii(ch))
    return "".join(out)
