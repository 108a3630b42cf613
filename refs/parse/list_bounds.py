"""Where the source list is on a page: its ``Reports:``/``Report:`` label (``Source:`` /
``Sources:`` on pages without one), and where it ends (footer, ``|``, a blank line after a
finished entry)."""

from __future__ import annotations

import re

from refs.patterns import compiled

_LABEL_RE = compiled(r"(?:Reports?|Sources?)\s*:", re.IGNORECASE)
_LABEL_BEFORE = frozenset(" \t\n\r.!?\"'”’)]…:;")
BLANK_LINE_RE = compiled(r"\n[ \t\r\f\v]*\n")
_FOOTER = r"©|\([cC]\)\s*(?:19|20)\d\d|Copyright\s+(?:©|\([cC]\)|(?:19|20)\d\d)|Return to top"
FOOTER_RE = compiled(_FOOTER)
_LIST_END_RE = compiled(_FOOTER + r"|\|")
_LABEL_WORDS = ("Report", "REPORT", "report")
_SOURCE_WORDS = ("Source", "SOURCE", "source")


def _rfind_any(text: str, words: tuple[str, ...], end: int) -> int:
    return max(text.rfind(word, 0, end) for word in words)


def find_label(text: str) -> re.Match[str] | None:
    """The ``Reports:``/``Report:`` label that starts the list: the last one (at a line
    start, after a space, or glued to the end of the previous sentence), unless that one
    sits mid-sentence (``UN Report: Iraq complies``) after an earlier label of the same
    paragraph that starts a line or follows a sentence end: then that earlier one. A page
    without such a label may give its list as ``Source:`` or ``Sources:``."""
    for label_words in (_LABEL_WORDS, _SOURCE_WORDS):
        found = _label_of(text, label_words)
        if found is not None:
            return found
    return None


def _label_of(text: str, label_words: tuple[str, ...]) -> re.Match[str] | None:
    last = _last_label(text, len(text), label_words)
    if last is None or not _mid_sentence(text, last.start()):
        return last
    found = last
    for _ in range(8):
        earlier = _last_label(text, found.start(), label_words)
        if earlier is None or BLANK_LINE_RE.search(text, earlier.end(), last.start()):
            break
        if not _mid_sentence(text, earlier.start()):
            return earlier
        found = earlier
    return last


def _mid_sentence(text: str, pos: int) -> bool:
    """A label after a space that follows a word (``UN Report:``), not a sentence end."""
    if pos == 0 or text[pos - 1] not in " \t\u00a0":
        return False
    before = pos - 1
    while before > 0 and text[before - 1] in " \t\u00a0":
        before -= 1
    return before > 0 and text[before - 1].isalnum()


def _last_label(text: str, end: int, label_words: tuple[str, ...]) -> re.Match[str] | None:
    """The last label made of ``label_words`` that can start a list, before ``end``."""
    pos = end
    while True:
        pos = _rfind_any(text, label_words, pos)
        if pos < 0:
            return None
        match = _LABEL_RE.match(text, pos)
        if match and text[pos].islower() and _mid_sentence(text, pos):
            match = None  # "Press reports: the test ..." is a sentence, not a list
        if match and (pos == 0 or text[pos - 1] in _LABEL_BEFORE):
            return match
        if match and text[pos].isupper() and (text[pos - 1].islower() or text[pos - 1].isdigit()):
            return match  # glued to a sentence that lost its final punctuation ("May 5Reports:")
        if pos == 0:
            return None


def find_list_end(text: str, start: int) -> int:
    """Where the source list ends: a copyright line, a ``|``, a blank line, or the end. A
    blank line inside an unfinished list (after ``;`` or ``,``, or before a lower-case
    word or a number) does not end it."""
    while start < len(text) and text[start].isspace():
        start += 1
    marker = _LIST_END_RE.search(text, start)
    end = marker.start() if marker else len(text)
    pos = start
    while True:
        blank = BLANK_LINE_RE.search(text, pos, end)
        if blank is None:
            return end
        last = blank.start()
        while last > start and text[last - 1].isspace():
            last -= 1
        after = blank.end()
        while after < end and text[after].isspace():
            after += 1
        unfinished = last > start and text[last - 1] in ";,"
        if after < end and (unfinished or text[after].islower() or text[after].isdigit()):
            pos = blank.end()
            continue
        return blank.start()


def footer_start(text: str) -> int:
    """Where the page footer (copyright, navigation back) starts, else the end."""
    marker = FOOTER_RE.search(text)
    return marker.start() if marker else len(text)
