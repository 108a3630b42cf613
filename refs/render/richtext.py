"""CSL rich text in field values: ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>``,
``<span style="font-variant:small-caps;">`` and ``<span class="nocase">``, properly
paired, are markup; everything else is text (escape.py). Before rendering, each paired
tag becomes a private-use marker (a nocase span stays a span for citeproc-py, which
keeps its content's case); after rendering, markers become the output format's markup.
In HTML, italics inside italics flip to normal (and bold inside bold), as citeproc-js
prints them."""

from __future__ import annotations

import re

from refs.patterns import compiled

_TAG = compiled(r"<(/?)(i|b|sup|sub|sc|span)((?:\s+[a-z-]+\s*=\s*\"[^\"<>]*\")*)\s*>", re.I)
_SMALL_CAPS = compiled(r'^\s*style\s*=\s*"\s*font-variant\s*:\s*small-caps\s*;?\s*"$', re.I)
_NOCASE_ATTR = compiled(r'^\s*class\s*=\s*"\s*nocase\s*"$', re.I)

KINDS = ("i", "b", "sup", "sub", "sc")
MARK = {kind: (chr(0xE020 + 2 * n), chr(0xE021 + 2 * n)) for n, kind in enumerate(KINDS)}
_MARKERS = {mark: (kind, n == 1) for kind, pair in MARK.items() for n, mark in enumerate(pair)}
NOCASE_OPEN, NOCASE_CLOSE = '<span class="nocase">', "</span>"
_HTML_OPEN = {
    "i": "<i>",
    "b": "<b>",
    "sup": "<sup>",
    "sub": "<sub>",
    "sc": '<span style="font-variant:small-caps;">',
}
_HTML_CLOSE = {"i": "</i>", "b": "</b>", "sup": "</sup>", "sub": "</sub>", "sc": "</span>"}
_MARKDOWN = {"i": "*", "b": "**"}
# a marker as the tag it came from, for fields printed as plain text (cs:number)
TAG_TEXT = {
    mark: (f"</{kind}>" if closing else f"<{kind}>") for mark, (kind, closing) in _MARKERS.items()
}


def _kind(match: re.Match[str]) -> str | None:
    name, attrs = match.group(2).lower(), match.group(3).strip()
    if name != "span":
        return None if attrs else name
    if match.group(1):
        return "span"
    if _SMALL_CAPS.match(attrs):
        return "sc"
    return "nocase" if _NOCASE_ATTR.match(attrs) else None


def split(text: str, nocase: bool) -> list[tuple[str, bool]]:
    """``text`` as (piece, is_markup) pieces: paired tags as markers (a nocase span as
    itself when ``nocase``, else dropped), the rest as text."""
    tags = [(m, _kind(m)) for m in _TAG.finditer(text)]
    paired: dict[int, str] = {}  # match start -> replacement
    stack: list[tuple[re.Match[str], str]] = []
    for match, kind in tags:
        if kind is None:
            continue
        if not match.group(1):
            stack.append((match, kind))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            opener, opened = stack[depth]
            if opened == kind or (kind == "span" and opened in ("sc", "nocase")):
                del stack[depth:]
                if opened == "nocase":
                    inside = any(o == "nocase" for _, o in stack)
                    keep = nocase and not inside
                    paired[opener.start()] = NOCASE_OPEN if keep else ""
                    paired[match.start()] = NOCASE_CLOSE if keep else ""
                else:
                    paired[opener.start()] = MARK[opened][0]
                    paired[match.start()] = MARK[opened][1]
                break
    pieces: list[tuple[str, bool]] = []
    end = 0
    for match, _ in tags:
        if match.start() in paired:
            pieces.append((text[end : match.start()], False))
            pieces.append((paired[match.start()], True))
            end = match.end()
    pieces.append((text[end:], False))
    return [(p, markup) for p, markup in pieces if p]


def _flip_flop(text: str) -> str:
    """Nested ``<i>`` (``<b>``) print as normal style (weight), as citeproc-js does."""
    out: list[str] = []
    stacks: dict[str, list[bool]] = {"i": [], "b": []}  # True: opened as a flip
    normal = {"i": '<span style="font-style:normal;">', "b": '<span style="font-weight:normal;">'}
    for piece in re.split(r"(</?[ib]>)", text):
        tag = re.fullmatch(r"<(/?)([ib])>", piece)
        if not tag:
            out.append(piece)
            continue
        kind, stack = tag.group(2), stacks[tag.group(2)]
        if not tag.group(1):
            flip = sum(1 for _ in stack) % 2 == 1
            stack.append(flip)
            out.append(normal[kind] if flip else piece)
        elif stack:
            out.append("</span>" if stack.pop() else piece)
        else:
            out.append(piece)
    return "".join(out)


def release_markup(text: str, fmt: str) -> str:
    """Markers to the format's markup (HTML tags, markdown marks, nothing in text)."""
    if not any(c in _MARKERS for c in text):
        return text
    out = []
    for c in text:
        found = _MARKERS.get(c)
        if found is None:
            out.append(c)
        elif fmt == "html":
            kind, closing = found
            out.append(_HTML_CLOSE[kind] if closing else _HTML_OPEN[kind])
        elif fmt == "markdown":
            out.append(_MARKDOWN.get(found[0], ""))
    joined = "".join(out)
    return _flip_flop(joined) if fmt == "html" else joined
