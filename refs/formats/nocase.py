"""Title words that CSL processors case differently, marked so that each keeps them.

Title case keeps the words of CSL 1.0.2's longer stop-word list in lower case ("Arms
Control after the Summit"), as ``refs render`` and citeproc-js do; processors that
follow CSL 1.0.1's shorter list, pandoc's citeproc among them, capitalise the words
that list lacks ("After"). The CSL-JSON and BibLaTeX exports protect the case of such a
word wherever title case keeps it in lower case (``<span class="nocase">``, braces),
which changes nothing for a processor of CSL 1.0.2; the CSL-JSON reader takes the
marks it would write off again, so a title reads back as it was."""

from __future__ import annotations

from refs.patterns import compiled
from refs.render.casing import STOP_WORDS, title_case

# The stop words of CSL 1.0.1 (its specification's list).
CSL_101_STOP_WORDS = frozenset(
    "a an and as at but by down for from in into nor of on onto or over so the till to up "
    "via with yet".split()
)
_WORD = compiled(r"[^\W_]+")
_NOCASE = '<span class="nocase">{}</span>'
_MARKED = compiled(r'<span class="nocase">([^\W_]+)</span>')


def lowered_words(title: str) -> list[tuple[int, int]]:
    """Where ``title`` holds a word that title case keeps in lower case and that CSL 1.0.1
    processors would capitalise: (start, end) of each."""
    cased = title_case(title)
    if len(cased) != len(title):  # a capital of another length: no positions to compare
        return []
    spans = []
    for match in _WORD.finditer(title):
        word = match.group()
        start, end = match.span()
        if word not in STOP_WORDS or word in CSL_101_STOP_WORDS or cased[start:end] != word:
            continue
        if title[start - 1 : start] != ">" and title[end : end + 1] != "<":  # not in markup
            spans.append((start, end))
    return spans


def mark(title: str) -> str:
    """``title`` with those words in nocase spans (CSL-JSON rich text)."""
    out, pos = [], 0
    for start, end in lowered_words(title):
        out += [title[pos:start], _NOCASE.format(title[start:end])]
        pos = end
    return "".join(out) + title[pos:]


def unmark(title: str) -> str:
    """A title as ``mark`` wrote it, without its marks; any other title as it is."""
    bare = _MARKED.sub(r"\1", title)
    return bare if bare != title and mark(bare) == title else title
