"""Initials of given names as citeproc-js writes them: a word written as an initial or
an abbreviation ("M.", "Ph.", "ME.") keeps its letters, a full word gives its first
letter (with ``initialize="false"`` it stays whole), lower-case words (particles) stay,
and each initial takes the style's mark (``initialize-with``)."""

from __future__ import annotations

from refs.patterns import compiled

_WORD = compiled(r"([^\s.]+)(\.?)")


def _initials(text: str, mark: str, full_words_too: bool) -> str:
    out = ""
    for word, dot in _WORD.findall(text):
        if word[:1].isupper() and (dot or len(word) == 1):  # an initial as written
            out += word + mark
        elif word[:1].isupper() and full_words_too:
            # "TSerendorjiin" is "Ts.": two capitals open a digraph initial
            two = word[1:2].isupper() and word[2:3].islower()
            out += (word[0] + word[1].lower() if two else word[0]) + mark
        else:  # a name (initialize="false") or a particle: a word of its own
            out += (" " if out and not out.endswith(" ") else "") + word + " "
    return " ".join(out.split())


def initialize(given: str, mark: str, full_words_too: bool = True, hyphen: bool = True) -> str:
    """``given`` with initials; ``full_words_too`` is initialize="true", ``hyphen`` is
    initialize-with-hyphen ("J.-P.")."""
    parts = given.split("-") if hyphen else [given.replace("-", " ")]
    if full_words_too and len(parts) > 1 and parts[0][:1].isupper():
        # "Jae-won" is "J.": a lower-case part after a hyphen gives no initial
        parts = [p for p in parts if p[:1].isupper()]
    return "-".join(_initials(part, mark, full_words_too) for part in parts)
