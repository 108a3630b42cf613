"""Archive pages in HTML made from a text page, in the two layouts the archive has: the
graphics pages (navigation tables, a logo, ``<p>`` paragraphs wrapped in the source,
``<font>``, a bold label, entities) and the text-only pages (``<br>`` lines, ``<br><br>``
between paragraphs)."""

from __future__ import annotations

import html
import textwrap

_ENTITIES = {"’": "&rsquo;", "“": "&ldquo;", "”": "&rdquo;", "©": "&copy;", "–": "&#8211;"}


def _escape(text: str) -> str:
    out = html.escape(text, quote=False)
    for ch, entity in _ENTITIES.items():
        out = out.replace(ch, entity)
    return out


def _blocks(text: str) -> list[str]:
    return [b for b in text.split("\n\n") if b.strip()]


def graphics_page(text: str) -> str:
    """The graphics layout: the first block (navigation) as tables, the rest as
    paragraphs, the source list label in bold."""
    blocks = _blocks(text)
    nav = blocks[0].splitlines()
    cells = "".join(
        f'<td><a href="#{i}">{_escape(c.strip())}</a></td>' for i, c in enumerate(nav[0].split("|"))
    )
    side = "".join(
        f'<tr><td><a href="#s{i}">{_escape(line)}</a></td></tr>' for i, line in enumerate(nav[1:])
    )
    body = []
    for block in blocks[1:]:
        wrapped = "\n".join(textwrap.wrap(_escape(block), 72)) or _escape(block)
        if block.startswith("Reports:"):
            wrapped = wrapped.replace("Reports:", "<b>Reports:</b>", 1)
        body.append(f'<p><font face="Arial" size="2">{wrapped}</font></p>')
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html><head>\n'
        "<title>Disarmament Diplomacy</title>\n<style>p { margin: 0 }</style>\n"
        '<script>var x = "Reports: not this";</script>\n</head>\n<body bgcolor="#FFFFFF">\n'
        f'<table width="100%"><tr><td><img src="logo.gif" alt="Acronym"></td>{cells}</tr></table>\n'
        f'<table align="left" width="120">{side}</table>\n' + "\n".join(body) + "\n</body></html>\n"
    )


def text_only_page(text: str) -> str:
    """The text-only layout: lines ended by ``<br>``, paragraphs by ``<br><br>``."""
    blocks = [
        "<br>\n".join(_escape(line).replace("  ", " &nbsp;") for line in b.splitlines())
        for b in _blocks(text)
    ]
    return "<html><body>\n" + "\n<br><br>\n".join(blocks) + "\n</body></html>\n"
