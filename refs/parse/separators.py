"""Source-list text -> the bounds of its entries: split on ``;`` outside brackets and HTML
entities, and again where a ``;`` between two entries is missing."""

from __future__ import annotations

from html import unescape
from html.entities import html5

from refs.outlets import is_known
from refs.patterns import compiled

# An HTML entity whose ";" must not split the list ("&amp;", "&#8217;", "&#x2019;").
_NUMERIC_ENTITY_RE = compiled(r"#\d{1,7}|#[xX][0-9a-fA-F]{1,6}")
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# "outlet, date" followed by the start of a next entry (see ``missing_separators``).
_JOIN_RE = compiled(
    rf",[ \t]*(?P<outlet>[^,;\n]+?),\s*(?:{_MONTH_WORD}\s*\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD})(?:,?\s*(?:19|20)\d\d)?"
    r"(?P<sep>[ \t]*\r?\n\s*|[ \t]*[.,]\s+|(?=[A-Z]))"
)


def split_entries(text: str) -> list[tuple[int, int]]:
    """[start, end) of each entry of a list text, split on ``;`` outside brackets."""
    bounds: list[tuple[int, int]] = []
    nested = "(" in text or "[" in text
    entities = "&" in text
    depth = 0
    start = cursor = 0
    for piece in text.split(";"):
        end = cursor + len(piece)
        if nested:
            depth += piece.count("(") + piece.count("[") - piece.count(")") - piece.count("]")
            depth = max(depth, 0)
        if entities and _ends_in_entity(piece):
            cursor = end + 1
            continue
        if depth == 0:
            bounds.append((start, end))
            start = end + 1
        cursor = end + 1
    if start <= len(text) and (not bounds or bounds[-1][1] != len(text)):
        bounds.append((start, len(text)))
    return bounds


def _ends_in_entity(piece: str) -> bool:
    """True when ``piece`` ends in ``&amp``/``&#8217`` (the ``;`` after it closes an entity)."""
    amp = piece.rfind("&")
    if amp < 0:
        return False
    name = piece[amp + 1 :]
    if name[:1] == "#":
        return _NUMERIC_ENTITY_RE.fullmatch(name) is not None
    return name + ";" in html5


def decode_entities(text: str) -> str:
    """HTML entities left in the page (``&amp;``, ``&#8217;``) decoded; other text as is."""
    return unescape(text) if "&" in text else text


def missing_separators(entry: str) -> list[int]:
    """Offsets in ``entry`` where a next entry starts with no ``;`` before it: after
    ``outlet, date`` and a line break, a glued capital (``May 5B story``), or -- when the
    outlet is a registered one -- a ``,`` or ``.`` (``..., Reuters, May 5, B story, ...``)."""
    if entry.count(",") < 4:  # two entries hold at least four commas
        return []
    starts: list[int] = []
    for match in _JOIN_RE.finditer(entry):
        rest = match.end()
        if rest >= len(entry) or "," not in entry[rest:]:
            break
        sep = match.group("sep")
        if "\n" in sep or not sep or is_known(match.group("outlet")):
            starts.append(rest)
    return starts
