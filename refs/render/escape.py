"""Field values are text. Before rendering, every character that an output format
treats specially is swapped for a private-use stand-in; after rendering the stand-ins
become that format's escaped form. Markup made by the style is real markup, anything
from the data is text: ``<script>`` in a title comes out as ``&lt;script&gt;``."""

from __future__ import annotations

import unicodedata
from typing import Any

from refs.patterns import compiled
from refs.render.richtext import TAG_TEXT, release_markup, split

SPECIALS = "&<>\\`*_[]~^#|"
_TO_STAND_IN = {ord(c): chr(0xE000 + n) for n, c in enumerate(SPECIALS)}
_FROM_STAND_IN = {chr(0xE000 + n): c for n, c in enumerate(SPECIALS)}
# straight quotes of field text: typography.py turns these (and only these) into the
# locale's quotes, so the quotes a style writes itself stay as the style wrote them
FIELD_QUOTE, FIELD_APOSTROPHE = "\ue010", "\ue011"
_TO_STAND_IN.update({ord('"'): FIELD_QUOTE, ord("'"): FIELD_APOSTROPHE})
_FROM_STAND_IN.update({FIELD_QUOTE: '"', FIELD_APOSTROPHE: "'"})
# quotes of a cite's prefix and suffix are printed as given (no typography moves them)
_VERBATIM = {ord(c): chr(0xE012 + n) for n, c in enumerate("‘’“”")}
_FROM_STAND_IN.update({chr(0xE012 + n): c for n, c in enumerate("‘’“”")})
_PRIVATE = compiled("[\ue000-\ue0ff]")
_CONTROL = compiled("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BREAKS = compiled("\\s*[\t\n\r\x85\u2028\u2029]\\s*")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _superscripts() -> dict[int, str]:
    """Superscript characters (``ª``, ``²``, ``ʳ``) as HTML superscripts, as citeproc-js
    writes them."""
    # and four modifier letters citeproc-js's table holds without a <super> mapping
    out = {
        ord(c): f"<sup>{s}</sup>" for c, s in zip("\u02c0\u02c1\u06e5\u06e6", "ʔʕوي", strict=True)
    }
    for code in range(0x80, 0x3200):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) >= 2 and parts[0] == "<super>":
            out[code] = "<sup>" + "".join(chr(int(p, 16)) for p in parts[1:]) + "</sup>"
    return out


_SUPERSCRIPTS = _superscripts()


def protect(text: str, nocase: bool = False) -> str:
    """Field text with its special characters replaced by stand-ins and its rich-text
    markup by markers (richtext.py); stand-ins and control characters already in the
    text are dropped, line breaks become spaces (an entry is one line of text, one markdown
    paragraph). ``nocase`` keeps nocase spans for citeproc-py's string parser."""
    text = _CONTROL.sub("", _PRIVATE.sub("\ufffd", _BREAKS.sub(" ", text)))
    if "<" not in text:
        return text.translate(_TO_STAND_IN)
    return "".join(
        piece if markup else piece.translate(_TO_STAND_IN) for piece, markup in split(text, nocase)
    )


def protect_affix(text: str) -> str:
    """A cite's prefix or suffix: rich text as in fields, its quotes kept as written."""
    return protect(text).translate(_VERBATIM)


def protect_item(value: Any, nocase: bool = False) -> Any:
    """``protect`` applied to every string in a CSL-JSON value (ids and types excepted
    by the caller)."""
    if isinstance(value, str):
        return protect(value, nocase)
    if isinstance(value, list):
        return [protect_item(v, nocase) for v in value]
    if isinstance(value, dict):
        return {k: protect_item(v, nocase) for k, v in value.items()}
    return value


def unmark(text: str) -> str:
    """Rich-text markers back to (protected) tag text: a field that is no rich text."""
    if not any(c in TAG_TEXT for c in text):
        return text
    return "".join(TAG_TEXT[c].translate(_TO_STAND_IN) if c in TAG_TEXT else c for c in text)


def release(text: str, fmt: str) -> str:
    """Stand-ins back to text in the output format's escaped form, markers to markup."""
    text = release_markup(text, fmt)
    if fmt == "html":
        return "".join(
            _HTML.get(_FROM_STAND_IN[c], _FROM_STAND_IN[c]) if c in _FROM_STAND_IN else c
            for c in text
        ).translate(_SUPERSCRIPTS)
    if fmt == "markdown":
        return "".join("\\" + _FROM_STAND_IN[c] if c in _FROM_STAND_IN else c for c in text)
    return "".join(_FROM_STAND_IN.get(c, c) for c in text)


def plain(text: str) -> str:
    """Stand-ins back to their characters (for keys and comparisons)."""
    return "".join(_FROM_STAND_IN.get(c, c) for c in text)


_MD_LINE_START = compiled(r"^(\s*)([#>+\-]|\d+[.)])(?=\s)")


def markdown_line(text: str) -> str:
    """A rendered markdown line that cannot turn into a heading, quote or list by
    accident of its first characters."""
    return _MD_LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)
