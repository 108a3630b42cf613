"""LaTeX that other tools write (``\\textit{Le Monde}``, ``\\mbox{US}``,
``\\guillemotleft``, ``\\ldots``) -> plain text, through pylatexenc's latex2text.

Our own values are read by ``refs.formats.latex.unescape``, which gives back exactly
what ``escape`` wrote; a value holding a command it does not know is read whole by
pylatexenc instead. A command pylatexenc does not know either is read as the text of
its arguments and named, so nothing is dropped silently."""

from __future__ import annotations

from functools import cache

from pylatexenc.latex2text import (  # type: ignore[import-untyped]
    LatexNodes2Text,
    MacroTextSpec,
    get_default_latex_context_db,
)

from refs.formats.latex import unescape
from refs.patterns import compiled

_COMMAND = compiled(r"\\([A-Za-z]+)")


@cache
def _converter() -> LatexNodes2Text:
    db = get_default_latex_context_db()
    db.set_unknown_macro_spec(MacroTextSpec("", discard=False))  # keep the arguments
    converter: LatexNodes2Text = LatexNodes2Text(
        latex_context=db, math_mode="text", strict_latex_spaces=False
    )
    return converter


def _known(name: str) -> bool:
    return bool(get_default_latex_context_db().get_macro_spec(name) is not None)


def read_latex(value: str) -> tuple[str, list[str]]:
    """Plain text of a field value, and the commands read only as their arguments."""
    text, unknown = unescape(value)
    if not unknown:
        return text, []
    try:
        converted = str(_converter().latex_to_text(value))
    except Exception:  # pylatexenc gives up on some malformed input: keep ours
        return text, unknown
    names = sorted({"\\" + m for m in _COMMAND.findall(value) if not _known(m)} & set(unknown))
    return " ".join(converted.split()) if converted.strip() else text, names
