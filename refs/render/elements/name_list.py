"""A cs:name's list of names as citeproc-js prints it: et-al abbreviation (also for
subsequent cites, ``et-al-use-first="0"``, ``et-al-use-last``, a disambiguation that
shows every name), the delimiters before "and" and "et al." (``after-inverted-name``),
name-part formatting per part (particles keep their own), suffixes (``comma-suffix``,
``"given": "John, Jr."``), particles that end in an apostrophe or hyphen, initials."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc.string import join

from refs.render.escape import FIELD_APOSTROPHE

Option = Callable[[str], Any]
# a particle ending so is written against the next word
_JOINED = ("'", "\u2019", "-", FIELD_APOSTROPHE)


def _particle(particle: str, word: Any) -> Any:
    return particle + word if particle.endswith(_JOINED) else particle + " " + word


class _Parts:
    """The cs:name-part formatting (text case and font, per part) and affixes."""

    def __init__(self, name_el: Any) -> None:
        self.given = self.family = None
        for part in name_el.findall("cs:name-part", name_el.nsmap):
            if part.get("name") == "given":
                self.given = part
            elif part.get("name") == "family":
                self.family = part

    @staticmethod
    def styled(part: Any, text: Any) -> Any:
        return text if part is None or not text else part.format(part.case(text))

    @staticmethod
    def wrapped(part: Any, text: Any) -> Any:
        return text if part is None else part.wrap(text)


def _split_suffix(given: str | None, suffix: str | None, comma: bool) -> tuple[Any, Any, bool]:
    """``"John, Jr."`` is given "John" and suffix "Jr."; ``"John,! Jr."`` with a comma."""
    if given and "," in given and not suffix:
        head, _, tail = given.partition(",")
        comma = tail.startswith("!")
        given, suffix = head.strip(), tail.lstrip("!").strip() or None
    return given, suffix, comma


def one_name(name_el: Any, name: Any, inverted: bool, get: Option, context: Any) -> Any:
    """One name in the element's form; ``inverted`` for name-as-sort-order."""
    parts = _Parts(name_el)
    given, family, dp, ndp, suffix = name.parts()
    if "literal" in name:
        return parts.wrapped(parts.family, parts.styled(parts.family, family))
    given, suffix, comma = _split_suffix(given, suffix, bool(name.get("comma-suffix")))
    if given and family and get("initialize-with") is not None:
        given = name_el.initialize(given, get("initialize-with"), context)
    fam = parts.styled(parts.family, family) if family else None
    if ndp and fam is not None:
        sorted_with_family = not inverted or get("demote-non-dropping-particle") != (
            "display-and-sort"
        )
        if get("form") == "short" or sorted_with_family:
            fam = _particle(parts.styled(parts.family, ndp), fam)
            ndp = None
    if get("form") == "short":
        return parts.wrapped(parts.family, fam) if fam is not None else given
    giv = parts.styled(parts.given, given) if given else None
    if not inverted:
        if dp and fam is not None:
            fam = _particle(parts.styled(parts.given, dp), fam)
        if suffix and fam is not None:
            fam = fam + (", " if comma else " ") + suffix
        words = [w for w in (parts.wrapped(parts.given, giv) if giv else None, fam) if w]
        words = words if fam is None else [*words[:-1], parts.wrapped(parts.family, fam)]
        if len(words) == 2 and str(words[0])[-1:].isspace():  # a given suffix of "&#160;"
            return join(words, "")
        return join(words, " ") if words else None
    for particle in (dp, ndp):
        if particle:
            styled = parts.styled(parts.given if particle is dp else parts.family, particle)
            giv = styled if giv is None else join([giv, styled], " ")
    order = [
        parts.wrapped(parts.family, fam) if fam is not None else None,
        parts.wrapped(parts.given, giv) if giv is not None else None,
        suffix,
    ]
    return join([p for p in order if p], get("sort-separator"))


def _shown(count: int, get: Option, subsequent: bool, override: int | None) -> int:
    """How many names print before "et al." (``count``: all of them)."""
    minimum: int = get("et-al-min")
    first: int = get("et-al-use-first")
    if subsequent and get("et-al-subsequent-min"):
        minimum, first = get("et-al-subsequent-min"), get("et-al-subsequent-use-first")
    if override is not None:
        first = override
    if minimum and count >= minimum and first < count:
        return first
    return count


def _precedes(rule: str, many: bool, inverted: bool) -> bool:
    """A delimiter-precedes-et-al / -last rule (``many``: enough names for contextual)."""
    return rule == "always" or (
        (rule == "contextual" and many) or (rule == "after-inverted-name" and inverted)
    )


def name_list(
    name_el: Any,
    names: list[Any],
    get: Option,
    context: Any,
    subsequent: bool = False,
    override: int | None = None,
) -> Any:
    """The names joined with the element's delimiters and "and", or "et al."; the count
    of names printed for ``form="count"``."""
    shown = _shown(len(names), get, subsequent, override)
    truncated = shown < len(names)
    if get("form") == "count":
        return shown
    order = get("name-as-sort-order")
    long = get("form") != "short"

    def inverted(n: int) -> bool:
        person = "literal" not in names[n] and bool(names[n].get("given"))
        return long and person and (order == "all" or (order == "first" and n == 0))

    texts = [one_name(name_el, name, inverted(n), get, context) for n, name in enumerate(names)]
    texts = [t for t in texts if t]
    delimiter = get("delimiter")
    head = texts[:shown]
    if not head:
        return None
    if truncated:
        if get("et-al-use-last") and len(names) >= shown + 2:
            return join([*head, "\u2026 " + str(texts[-1])], delimiter)
        et_al = name_el.et_al()
        text = join(head, delimiter)
        if not et_al:
            return text
        last = len(head) - 1
        before = _precedes(get("delimiter-precedes-et-al"), len(head) >= 2, inverted(last))
        return join([text, et_al], delimiter if before else " ")
    and_ = get("and")
    if and_ is None or len(head) < 2:
        return join(head, delimiter)
    term = name_el.get_single_term("and") if and_ == "text" else name_el.preformat("&")
    before = _precedes(get("delimiter-precedes-last"), len(head) >= 3, inverted(len(head) - 2))
    text = join(head[:-1], delimiter)
    return join([text, join([term, head[-1]], " ")], delimiter if before else " ")
