"""Forms of text that every stage shares.

Latin letters, for keys and matching forms (``ascii_fold``; ``loose`` folds only spacing
and case): anyascii transliterates
every script (``Известия`` -> ``Izvestiya``); the syllables of scripts written without
spaces (Chinese, Japanese, Korean) are spaced, so that each counts as a word
(``人民日报`` -> ``Ren Min Ri Bao``).

Visible text, for a terminal or a one-line-per-item stream: control characters (C0, DEL,
C1), line and paragraph separators and lone surrogates shown as escapes (``\\n``,
``\\x1b``), so no value can move the cursor, colour the screen, end a line or fail to
encode."""

from __future__ import annotations

import re
import unicodedata

from refs.patterns import compiled


def to_latin(text: str) -> str:
    """ASCII for ``text``; ASCII text comes back as it is."""
    if text.isascii():
        return text
    from anyascii import anyascii  # (a twentieth of ``refs check``'s start-up, for ASCII)

    out: list[str] = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif unicodedata.east_asian_width(ch) in ("W", "F") and ch.isalpha():
            out.append(f" {anyascii(ch)} ")
        else:
            out.append(anyascii(ch))
    return "".join(out)


def ascii_fold(text: str) -> str:
    """Lowercase ASCII, non-Latin scripts transliterated (``Сделка`` -> ``sdelka``)."""
    return to_latin(text).lower()


def loose(text: str | None) -> str:
    """Spacing and case folded: the form two texts share that differ only in those."""
    return " ".join((text or "").split()).casefold()


_UNSAFE = compiled("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def visible(text: str, keep_tabs: bool = False) -> str:
    """``text`` with every unsafe character escaped (tabs kept when ``keep_tabs``)."""
    if keep_tabs:
        return _UNSAFE.sub(lambda m: m.group(0) if m.group(0) == "\t" else _escape(m), text)
    return _UNSAFE.sub(_escape, text)


_LONE_SURROGATE = compiled("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with lone surrogates (a file name that is not UTF-8, a JSON ``\\ud800``)
    replaced by U+FFFD, so that it can be written as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", text)
