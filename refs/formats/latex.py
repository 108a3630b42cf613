"""Plain text <-> LaTeX text for BibTeX/BibLaTeX field values.

``escape`` turns any text into a value that (a) holds no raw brace except balanced
ones of its own, so no field or entry can be closed or opened from inside a value,
(b) holds no backslash except the commands it writes, no control character and no ``@``
outside braces, so no LaTeX command
(``\\input``, ``\\write18``) survives, and (c) is read back by ``unescape`` as the
very same text. Literal braces become ``\\textbraceleft{}``/``\\textbraceright{}``
rather than ``\\{``/``\\}`` because BibTeX counts escaped braces too.

``unescape`` also reads the usual forms that other tools write (``\\&``, ``{\\'e}``,
``\\"o``), so imported values come back as plain text.
"""

from __future__ import annotations

import re
import unicodedata

from refs.formats.nocase import lowered_words
from refs.formats.safe_text import without_controls
from refs.patterns import compiled

# Each special character and the LaTeX that prints it; every command ends in ``{}``
# so that a following letter cannot extend its name.
_ESCAPES: dict[str, str] = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "@": "{@}",  # an @ at the start of a line opens an entry for some readers
}
_SPECIALS = compiled("[" + re.escape("".join(_ESCAPES)) + "]")

# Named commands read back by ``unescape`` (ours and common ones from other tools).
_NAMED: dict[str, str] = {
    "textbackslash": "\\",
    "textbraceleft": "{",
    "textbraceright": "}",
    "textasciitilde": "~",
    "textasciicircum": "^",
    "textunderscore": "_",
    "textdollar": "$",
    "textpercent": "%",
    "textampersand": "&",
    "textendash": "\u2013",
    "textemdash": "\u2014",
    "textquoteleft": "\u2018",
    "textquoteright": "\u2019",
    "textquotedblleft": "\u201c",
    "textquotedblright": "\u201d",
    "ss": "\u00df",
    "o": "\u00f8",
    "O": "\u00d8",
    "ae": "\u00e6",
    "AE": "\u00c6",
    "oe": "\u0153",
    "OE": "\u0152",
    "aa": "\u00e5",
    "AA": "\u00c5",
    "l": "\u0142",
    "L": "\u0141",
    "i": "\u0131",
}
# Accent commands and the combining mark each stands for.
_ACCENTS: dict[str, str] = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
}
_SYMBOL_ESCAPES = set("&%$#_{}\\ ")
# A word that holds a capital letter; runs of them separated by up to three of
# `` .'-`` are protected together: ``{National Press Club}``, ``{N. Korea}``.
_WORD = compiled(r"[^\W_]+")
_JOIN = compiled(r"[ .'-]{1,3}")


def _protect_words(text: str, at_start: bool, lowered: set[int]) -> str:
    """Wrap runs of capitalised words in braces so that styles keep their case. The
    first word of a value keeps no braces when only its first letter is a capital
    (BibTeX keeps the first letter of a title as it is). The words that start at
    ``lowered`` are braced too (refs.formats.nocase)."""
    runs: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if not any(ch.isupper() for ch in word):
            if match.start() not in lowered:
                continue
        elif at_start and match.start() == 0 and not any(ch.isupper() for ch in word[1:]):
            continue
        if runs and _JOIN.fullmatch(text[runs[-1][1] : match.start()]):
            runs[-1] = (runs[-1][0], match.end())
        else:
            runs.append((match.start(), match.end()))
    out: list[str] = []
    pos = 0
    for start, end in runs:
        out.append(text[pos:start] + "{" + text[start:end] + "}")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def escape(text: str, *, protect_case: bool = False) -> str:
    """Any text as a safe LaTeX field value (see the module docstring). With
    ``protect_case`` capitalised words are braced (for titles), and so are the words
    that processors case differently (refs.formats.nocase). Control characters are left
    out (refs.formats.safe_text says so)."""
    text = without_controls(text)
    if not protect_case:
        return _SPECIALS.sub(lambda m: _ESCAPES[m.group()], text)
    lowered = {start for start, _ in lowered_words(text)}
    pieces = _SPECIALS.split(text)
    specials = _SPECIALS.findall(text)
    out: list[str] = []
    offset = 0
    for i, piece in enumerate(pieces):
        starts = {start - offset for start in lowered}
        out.append(_protect_words(piece, i == 0, starts))
        offset += len(piece) + 1  # each special is one character
        if i < len(specials):
            out.append(_ESCAPES[specials[i]])
    return "".join(out)


def unescape(value: str) -> tuple[str, list[str]]:
    """LaTeX field value -> plain text, and the unknown commands kept as written."""
    out: list[str] = []
    unknown: list[str] = []
    i = 0
    n = len(value)
    while i < n:
        ch = value[i]
        if ch in "{}":
            i += 1
            continue
        if ch != "\\" or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        nxt = value[i + 1]
        if nxt.isascii() and nxt.isalpha():
            j = i + 1
            while j < n and value[j].isascii() and value[j].isalpha():
                j += 1
            name = value[i + 1 : j]
            if name in _ACCENTS and len(name) == 1:
                text, j = _accent(name, value, j)
                if text is not None:
                    out.append(text)
                    i = j
                    continue
            if name in _NAMED:
                out.append(_NAMED[name])
                i = _skip_terminator(value, j)
                continue
            unknown.append("\\" + name)
            out.append(value[i:j])
            i = j
            continue
        if nxt in _ACCENTS:
            text, j = _accent(nxt, value, i + 2)
            if text is not None:
                out.append(text)
                i = j
                continue
        if nxt in _SYMBOL_ESCAPES:
            out.append(nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out), unknown


def _skip_terminator(value: str, j: int) -> int:
    """Skip ``{}`` or one space that ends a named command."""
    if value.startswith("{}", j):
        return j + 2
    if j < len(value) and value[j] == " ":
        return j + 1
    return j


def _accent(name: str, value: str, j: int) -> tuple[str | None, int]:
    """An accent command's argument (``\\'e``, ``\\'{e}``, ``\\c c``) as one character."""
    n = len(value)
    if j < n and value[j] == "{":
        end = value.find("}", j)
        if end < 0 or end - j > 3:
            return None, j
        base = value[j + 1 : end].replace("\\i", "i").replace("\\j", "j")
        j = end + 1
    else:
        if name.isalpha():
            if j >= n or value[j] != " ":
                return None, j
            j += 1
        if j >= n or not value[j].isalpha():
            return None, j
        base = value[j]
        j += 1
    if len(base) != 1:
        return None, j
    return unicodedata.normalize("NFC", base + _ACCENTS[name]), j
