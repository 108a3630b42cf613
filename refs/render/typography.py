"""Quote typography and punctuation-in-quote on finished entries.

Straight quotes in field values become the locale's quotes, outer or inner by nesting
(the style's own quotes count); an apostrophe between letters becomes ’. Where the
locale asks for punctuation-in-quote, a period or comma that follows closing quotes
moves inside them, and "?." / "!." collapse. Markup tags are skipped: the style's
markup is the only markup left, since field text is held in stand-ins (escape.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from refs.patterns import compiled
from refs.render.escape import FIELD_APOSTROPHE, FIELD_QUOTE

_TAGS = compiled(r"(<[^>]*>)")
_OPENING_CONTEXT = set(" \t\n([{\u2013\u2014-/\u00a0") | {""}


APOSTROPHE = "\u2019"
_APOS_MARK = "\ue0ff"  # an apostrophe while punctuation-in-quote runs: never a closer


@dataclass(frozen=True)
class Quotes:
    open: str = "\u201c"
    close: str = "\u201d"
    open_inner: str = "\u2018"
    close_inner: str = "\u2019"
    punctuation_in_quote: bool = True


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _closes_later(chars: list[str], start: int) -> bool:
    """Is there a straight single quote after ``start`` that can close a quoted span
    (after a non-space, before a non-letter)?"""
    for i in range(start + 1, len(chars)):
        if chars[i] == FIELD_APOSTROPHE and not chars[i - 1].isspace():
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            if not _is_word(nxt):
                return True
    return False


def smart_quotes(text: str, q: Quotes) -> str:
    """Straight quotes of field text (their stand-ins) to typographic ones,
    nesting-aware, outside markup tags.

    A quote opens after a space or opening punctuation and before a letter; a single
    quote opens only when a closing one follows. Any other single quote is an
    apostrophe (’), as in damaged text ("didn' know")."""
    quoting = _Quoting(q)
    out: list[str] = []
    prev = ""
    for segment in _TAGS.split(text):
        if segment.startswith("<") and segment.endswith(">"):
            out.append(segment)
            if not segment.startswith("</"):
                prev = ""  # text right after an opening tag starts afresh
            continue
        chars = list(segment)
        for i, ch in enumerate(chars):
            ch = quoting.char(chars, i, prev, out[-1] if out else "")
            out.append(ch)
            prev = ch
    return "".join(out)


class _Quoting:
    """The quotes open at a point of the text: "style" (the locale's quotes), '"' or "'"
    (from the data), innermost last."""

    def __init__(self, q: Quotes) -> None:
        self.q = q
        self.stack: list[str] = []

    def opener(self) -> str:
        return self.q.open if len(self.stack) % 2 == 0 else self.q.open_inner

    def closer(self) -> str:
        return self.q.close if len(self.stack) % 2 == 0 else self.q.close_inner

    def pop(self, kind: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i] == kind:
                del self.stack[i:]
                return

    def char(self, chars: list[str], i: int, prev: str, last: str) -> str:
        """What ``chars[i]`` becomes, after ``prev`` (``last``: the output so far ends
        with it)."""
        q, ch = self.q, chars[i]
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        opening = prev in _OPENING_CONTEXT or prev in (q.open, q.open_inner)
        if ch in (q.open, q.open_inner):
            self.stack.append("style")
        elif ch == q.close or (ch == q.close_inner and not _is_word(nxt)):
            if "style" in self.stack:
                self.pop("style")
        elif ch == FIELD_QUOTE:
            if opening and nxt and not nxt.isspace():
                ch = self.opener()
                self.stack.append('"')
            elif '"' in self.stack:
                self.pop('"')
                ch = self.closer()
            else:
                ch = q.close
        elif ch == FIELD_APOSTROPHE:
            ch = self.apostrophe(chars, i, prev, nxt, opening, last)
        return ch

    def apostrophe(
        self, chars: list[str], i: int, prev: str, nxt: str, opening: bool, last: str
    ) -> str:
        if _is_word(prev) and _is_word(nxt):
            return _APOS_MARK
        if opening and _is_word(nxt) and _closes_later(chars, i):
            ch = self.opener()
            self.stack.append("'")
            return ch
        if "'" in self.stack and not _is_word(nxt):
            self.pop("'")
            return self.closer()
        # two quotes in a row (damaged text) come out apart, as in citeproc-js
        return " " + _APOS_MARK if prev == _APOS_MARK and last == _APOS_MARK else _APOS_MARK


def punctuation_in_quote(text: str, q: Quotes) -> str:
    """Move ``.`` and ``,`` that follow closing quotes (and closing tags) inside."""
    closers = re.escape(q.close + q.close_inner)
    pattern = re.compile(rf"((?:[{closers}](?:</[a-z]+>)*)+)([.,])")
    text = pattern.sub(lambda m: m.group(2) + m.group(1), text)
    # "?." and "!." where a moved period meets the title's own mark
    text = re.sub(rf"([?!])\.((?:[{closers}]|</[a-z]+>)*)", r"\1\2", text)
    return re.sub(rf"\.\.((?:[{closers}]|</[a-z]+>)+)", r".\1", text)


_PERIOD_AFTER_TAGS = compiled(r"(?<!\.)(\.(?:</(?:b|i|span|sup|sub)>)+)\.")


def finish(text: str, q: Quotes) -> str:
    text = smart_quotes(text, q)
    if q.punctuation_in_quote:
        text = punctuation_in_quote(text, q)
    else:
        closers = re.escape(q.close + q.close_inner)
        text = re.sub(rf"([?!])((?:[{closers}]|</[a-z]+>)*)\.", r"\1\2", text)
    # a period after a period that ends formatted text ("<b>Doe Co.</b>.")
    text = _PERIOD_AFTER_TAGS.sub(r"\1", text)
    return text.replace(_APOS_MARK, APOSTROPHE)
