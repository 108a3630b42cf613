"""BibTeX value syntax that bibtexparser leaves to us: concatenations (``a # {b}``),
values braced whole (a corporate author), and blank entry keys (``@Article{,``)."""

from __future__ import annotations

from refs.patterns import compiled

_BLANK = compiled(r"(@\s*[A-Za-z]+\s*[{(])(\s*,)")
BLANK_KEY = "refs-blank-key-"
_MACRO = compiled(r"[A-Za-z][\w:.+-]*")


def name_blank_keys(text: str) -> str:
    """``@Article{,`` (JabRef, Citavi) -> a placeholder key per entry, so that
    bibtexparser does not take the second blank key for a duplicate of the first."""
    count = iter(range(1, 1 << 62))
    return _BLANK.sub(lambda m: f"{m.group(1)}{BLANK_KEY}{next(count)}{m.group(2)}", text)


def split_concatenation(raw: str) -> list[str] | None:
    """``a # {b} # "c"`` -> ``["a", "{b}", '"c"']``; None where it is not that shape."""
    parts: list[str] = []
    depth, quoted, start = 0, False, 0
    for i, ch in enumerate(raw):
        if ch == "{" and not quoted:
            depth += 1
        elif ch == "}" and not quoted:
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            parts.append(raw[start:i].strip())
            start = i + 1
    parts.append(raw[start:].strip())
    ok = all(_MACRO.fullmatch(p) or p.isdigit() or _enclosed(p) for p in parts)
    return parts if ok and depth == 0 and not quoted else None


def braced_whole(raw: str) -> bool:
    """True where the opening brace of ``raw`` closes at its very end."""
    depth = 0
    for i, ch in enumerate(raw):
        depth += (ch == "{") - (ch == "}")
        if depth == 0:
            return i == len(raw) - 1
    return False


def _enclosed(part: str) -> bool:
    return len(part) >= 2 and (part[0], part[-1]) in (("{", "}"), ('"', '"'))
