"""Output formatters in the shape citeproc-py expects (``preformat`` plus one wrapper
per font feature), and how a format joins a second-field-aligned entry."""

from __future__ import annotations

import html

from refs.render.escape import markdown_line


def _tag(tag: str, attrs: str = "") -> type[str]:
    class Wrapped(str):
        def __new__(cls, text: object) -> Wrapped:
            return super().__new__(cls, f"<{tag}{attrs}>{text}</{tag}>")

    return Wrapped


def _wrap(mark: str) -> type[str]:
    class Wrapped(str):
        def __new__(cls, text: object) -> Wrapped:
            body = str(text)
            return super().__new__(cls, f"{mark}{body}{mark}" if body else body)

    return Wrapped


class Text:
    name = "text"
    Italic = Oblique = Bold = Light = Underline = Superscript = Subscript = SmallCaps = str

    @staticmethod
    def preformat(text: object) -> str:
        return str(text)

    @staticmethod
    def second_field(left: str, right: str) -> str:
        return f"{left} {right}"

    @staticmethod
    def entry(text: str) -> str:
        return text


class Html:
    name = "html"
    Italic = Oblique = _tag("i")
    Bold = _tag("b")
    Light = Underline = str
    Superscript = _tag("sup")
    Subscript = _tag("sub")
    SmallCaps = _tag("span", ' style="font-variant:small-caps;"')

    @staticmethod
    def preformat(text: object) -> str:
        return html.escape(str(text), quote=False)

    @staticmethod
    def second_field(left: str, right: str) -> str:
        return (
            f'<div class="csl-left-margin">{left}</div><div class="csl-right-inline">{right}</div>'
        )

    @staticmethod
    def entry(text: str) -> str:
        return f'<div class="csl-entry">{text}</div>'

    @staticmethod
    def display(kind: str, text: object) -> str:
        return f'<div class="csl-{html.escape(kind)}">{text}</div>'


_MD_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_[]<>~^#|&"})


class Markdown:
    name = "markdown"
    Italic = Oblique = _wrap("*")
    Bold = _wrap("**")
    Light = Underline = Superscript = Subscript = SmallCaps = str

    @staticmethod
    def preformat(text: object) -> str:
        return str(text).translate(_MD_SPECIALS)

    @staticmethod
    def second_field(left: str, right: str) -> str:
        return f"{left} {right}"

    @staticmethod
    def entry(text: str) -> str:
        return markdown_line(text)


FORMATS: dict[str, type] = {"text": Text, "html": Html, "markdown": Markdown}
