"""An archive page in HTML (``.htm``, ``.html``) -> the text of its text-only page, read
with lxml.html, so that the rest of the parser sees the same text either way.

Block elements (paragraphs, headings, table rows, list items, divisions) end a
paragraph (a blank line); ``<br>`` ends a line, two of them a paragraph; the cells of a
row are joined by `` | `` as the text pages join navigation links; entities are decoded
and runs of white space (``&nbsp;`` too) become one space, as a browser shows them.
Scripts, styles, the head and images give no text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from refs.patterns import compiled

if TYPE_CHECKING:  # lxml loads only when an HTML page is read
    from lxml import html as lhtml

HTML_SUFFIXES = frozenset({".htm", ".html", ".xhtml"})
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 table tbody thead tfoot tr ul ol li dl dt dd blockquote "
    "center section article header footer nav main aside address pre form hr body".split()
)
_CELLS = frozenset({"td", "th"})
_SKIP = frozenset({"script", "style", "head", "noscript", "template", "iframe", "object"})
_SPACE = compiled(r"[ \t\r\n\f\v\u00a0\u200b]+")
_BARS = compiled(r"\|(?:\s*\|)+")
_LOOKS_HTML = compiled(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)

BREAK = "\x00"  # a line break inside a paragraph, kept apart from collapsed spaces
PARA = "\x01"  # a paragraph break


def looks_like_html(text: str) -> bool:
    """True for a page that opens as an HTML document."""
    return bool(_LOOKS_HTML.match(text[:2048]))


def _walk(el: lhtml.HtmlElement, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower()
    if tag in _SKIP:
        return
    if tag in _BLOCKS:
        out.append(PARA)
    elif tag in _CELLS and out and out[-1] != PARA:
        out.append(" | ")
    if tag == "br":
        out.append(BREAK)
    if el.text and tag not in _SKIP:
        out.append(el.text)
    for child in el:
        _walk(child, out)
        if child.tail:
            out.append(child.tail)
    if tag in _BLOCKS:
        out.append(PARA)


def _lines(flat: str) -> str:
    """Collapse white space, then turn the break marks into lines and blank lines."""
    flat = _SPACE.sub(" ", flat)
    flat = re.sub(rf" *{BREAK} *{BREAK}[ {BREAK}]*", PARA, flat)  # <br><br>: a paragraph
    paragraphs = []
    for para in flat.split(PARA):
        lines = [line.strip() for line in para.split(BREAK)]
        lines = [_BARS.sub("|", line) for line in lines]  # empty cells and "|" cells
        lines = [line.strip(" |") if line.strip(" |") else "" for line in lines]
        text = "\n".join(line for line in lines if line and line != "|")
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs) + "\n"


def page_text(markup: str) -> str:
    """The text of an HTML page, laid out as the archive's text-only pages are."""
    if not markup.strip():
        return ""
    from lxml import etree
    from lxml import html as lhtml

    try:
        doc = lhtml.document_fromstring(markup)
    except etree.ParserError:  # "Document is empty": only a comment, an end tag, ...
        return ""
    body = doc.find("body")
    out: list[str] = []
    _walk(body if body is not None else doc, out)
    return _lines("".join(out))
