"""Names as citeproc-js prints them where scripts and languages differ: Chinese, Japanese
and Korean names without a space between family and given name, and in a Japanese or
Chinese item, the romanesque names family first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from refs.patterns import compiled

_CJK = compiled(r"^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+$")


def _cjk(name: Any) -> bool:
    family, given = name.get("family") or "", name.get("given") or ""
    return bool(family and given and _CJK.match(family) and _CJK.match(given))


# the letters citeproc-js counts as "romanesque" (Latin, Greek, Cyrillic, Hebrew, Arabic, Thai)
_ROMANESQUE = compiled(
    "[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f"
    "\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff]"
)


def native_order(item: Any) -> bool:
    """citeproc-js prints the romanesque names of a Japanese or Chinese item family name
    first and without the sort separator ("Müller Hans")."""
    return str(item.reference.get("language") or "")[:2] in ("ja", "zh")


Initial = Callable[[str], str] | None


def _as_citeproc_js(name: Any, short: bool, native: bool, initial: Initial) -> Any:
    """A name as citeproc-js prints it: Chinese, Japanese and Korean names with family and
    given without a space and never initialised (the family alone in the short form);
    in a Japanese or Chinese item, other names family first (given initialised by
    ``initial``)."""
    if _cjk(name):
        return type(name)(family=name["family"] if short else name["family"] + name["given"])
    family = name.get("family") or ""
    if native and not short and "literal" not in name and _ROMANESQUE.search(family):
        given = name.get("given")
        if given and initial is not None:
            given = initial(given)
        parts = (name.get("non-dropping-particle"), family, given)
        return type(name)(family=" ".join(p for p in parts if p))
    return name


def with_cjk(
    item: Any, roles: list[str], short: bool, render: Callable[[], Any], initial: Initial = None
) -> Any:
    """``render()`` with the names of ``roles`` as citeproc-js prints them."""
    native = native_order(item)
    saved = {r: item.reference.get(r) for r in roles}
    changed = [r for r, names in saved.items() if names and (native or any(_cjk(n) for n in names))]
    for role in changed:
        item.reference[role] = [_as_citeproc_js(n, short, native, initial) for n in saved[role]]
    try:
        return render()
    finally:
        for role in changed:
            item.reference[role] = saved[role]
