"""Quote typography and punctuation-in-quote on finished entries.

Straight quotes in field values become the locale's quotes, outer or inner by nesting
(the style's own quotes count); an apostrophe between letters becomes ’. Where the
locale asks for punctuation-in-quote, a period or comma that follows closing quotes
moves inside them, and "?." / "!." collapse. Markup tags are skipped: the style's
markup is the only markup left, since field text is held in stand-ins (escape.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TAGS = re.compile(r"(<[^>]*>)")
_OPENING_CONTEXT = set(" \t\n([{\u2013\u2014-/\u00a0") | {""}


@dataclass(frozen=True)
class Quotes:
    open: str = "\u201c"
    close: str = "\u201d"
    open_inner: str = "\u2018"
    close_inner: str = "\u2019"
    punctuation_in_quote: bool = True


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def smart_quotes(text: str, q: Quotes) -> str:
    """Straight quotes to typographic ones, nesting-aware, outside markup tags."""
    depth = 0
    out: list[str] = []
    prev = ""
    for segment in _TAGS.split(text):
        if segment.startswith("<") and segment.endswith(">"):
            out.append(segment)
            continue
        chars = list(segment)
        for i, ch in enumerate(chars):
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            if ch in (q.open, q.open_inner) and ch != q.close_inner:
                depth += 1
            elif ch == q.close or (ch == q.close_inner and not (_is_word(prev) and _is_word(nxt))):
                if ch == q.close or depth > 0:
                    depth = max(0, depth - 1)
            elif ch == '"' or (ch == "'" and not _is_word(prev) and nxt and not nxt.isspace()):
                if prev in _OPENING_CONTEXT or prev in (q.open, q.open_inner):
                    ch = q.open if depth % 2 == 0 else q.open_inner
                    depth += 1
                else:
                    depth = max(0, depth - 1)
                    ch = q.close if depth % 2 == 0 else q.close_inner
            elif ch == "'":
                if depth > 0 and not (_is_word(prev) and _is_word(nxt)) and not _is_word(nxt):
                    # closing a single-quoted span opened earlier (or a plural possessive)
                    depth = max(0, depth - 1)
                    ch = q.close if depth % 2 == 0 else q.close_inner
                else:
                    ch = "\u2019"
            out.append(ch)
            prev = ch
    return "".join(out)


def punctuation_in_quote(text: str, q: Quotes) -> str:
    """Move ``.`` and ``,`` that follow closing quotes (and closing tags) inside."""
    closers = re.escape(q.close + q.close_inner)
    pattern = re.compile(rf"((?:[{closers}](?:</[a-z]+>)*)+)([.,])")
    text = pattern.sub(lambda m: m.group(2) + m.group(1), text)
    # "?." and "!." where a moved period meets the title's own mark
    text = re.sub(rf"([?!])\.((?:[{closers}]|</[a-z]+>)*)", r"\1\2", text)
    return re.sub(rf"\.\.((?:[{closers}]|</[a-z]+>)+)", r".\1", text)


def finish(text: str, q: Quotes) -> str:
    text = smart_quotes(text, q)
    if q.punctuation_in_quote:
        return punctuation_in_quote(text, q)
    closers = re.escape(q.close + q.close_inner)
    return re.sub(rf"([?!])((?:[{closers}]|</[a-z]+>)*)\.", r"\1\2", text)
