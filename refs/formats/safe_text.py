"""What the export formats cannot hold, and saying so. No format writes a control
character (a NUL or an ESC makes the file look binary, or drives a terminal that shows
it); RIS values are one line, so line breaks become spaces there. Exporting stays pure:
``export_notes`` lists the values that were changed, for the CLI to report."""

from __future__ import annotations

from collections.abc import Sequence

from refs.models import Keyed
from refs.patterns import compiled

# Control characters that no text file should hold (tab, line feed and CR are text).
CONTROL = compiled("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What ends a line somewhere: one-line formats write a space for it.
BREAKS = compiled("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_FIELDS = ("title", "outlet", "publisher", "container_title")
_LINE_FORMATS = frozenset({"ris"})
_TEXT_FORMATS = frozenset({"bibtex", "biblatex", "ris"})  # CSL-JSON escapes them all


def without_controls(text: str) -> str:
    return CONTROL.sub("", text)


def one_line(text: str) -> str:
    """A one-line value: line breaks as spaces, control characters dropped."""
    return without_controls(BREAKS.sub(" ", text))


def export_notes(refs: Sequence[Keyed], fmt: str) -> list[str]:
    """One note per reference whose values the format ``fmt`` cannot hold as they are."""
    if fmt not in _TEXT_FORMATS:
        return []
    notes = []
    for ref in refs:
        changed = []
        for name in _FIELDS:
            value = getattr(ref, name, None)
            if not isinstance(value, str):
                continue
            if CONTROL.search(value):
                changed.append(f"{name}: control characters left out")
            elif fmt in _LINE_FORMATS and BREAKS.search(value):
                changed.append(f"{name}: line breaks written as spaces (RIS values are one line)")
        if changed:
            notes.append(f"{ref.key}: " + "; ".join(changed))
    return notes
