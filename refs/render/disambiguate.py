"""Year-suffix disambiguation (citeproc-py 0.11.1 has none): cites that render alike
are flagged for ``disambiguate="true"`` conditions, re-rendered, and those still alike
get year suffixes a, b, ... in bibliography order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from citeproc import Citation, CitationItem
from citeproc.formatter import plain

from refs.render.state import state_of


def _suffix(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters


def _render(style: Any, citations: Sequence[Any], keys: Sequence[str]) -> dict[str, str]:
    """Each cite rendered alone as plain text (cites that cannot render take no part)."""
    root = style.root
    saved = root.formatter
    root.formatter = plain
    texts: dict[str, str] = {}
    try:
        for citation, key in zip(citations, keys, strict=True):
            try:
                text = str(style.render_citation(citation, [], lambda _cite: None))
            except Exception:
                continue
            texts[key] = text.strip().lower()
    finally:
        root.formatter = saved
    return texts


def _groups(texts: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for key, text in texts.items():
        groups[text].append(key)
    return [group for group in groups.values() if len(group) > 1]


def _alone(bibliography: Any, keys: Sequence[str]) -> list[Any]:
    """One citation per item, with only that item (how the item's cite reads alone)."""
    out = []
    for key in keys:
        citation = Citation([CitationItem(key)])
        citation.bibliography = bibliography
        out.append(citation)
    return out


def disambiguate(style: Any, bibliography: Any, citations: Sequence[Any]) -> None:
    """Run after ``register`` and ``sort`` of every citation (``citations`` name the
    items; each item is compared by its cite alone)."""
    citation_el = style.root.citation
    add_year_suffix = (citation_el.get("disambiguate-add-year-suffix") or "").lower() == "true"
    has_condition = bool(
        style.root.xpath_search(".//cs:if[@disambiguate]|.//cs:else-if[@disambiguate]")
    )
    if not (add_year_suffix or has_condition):
        return
    st = state_of(style.root)
    keys = list(dict.fromkeys(c.key for citation in citations for c in citation.cites))
    keys = [key for key in keys if key in bibliography.source]
    citations = _alone(bibliography, keys)
    texts = _render(style, citations, keys)
    groups = _groups(texts)
    if not groups:
        return
    flagged = {key for group in groups for key in group}
    st.disambiguate.update(flagged)
    if not add_year_suffix:
        return
    # only cites that met a disambiguate condition can render differently now
    again = [(c, k) for c, k in zip(citations, keys, strict=True) if k in st.tested & flagged]
    texts.update(_render(style, [c for c, _ in again], [k for _, k in again]))
    order = {key: n for n, key in enumerate(bibliography.keys)}
    for group in _groups(texts):
        ranked = sorted(set(group), key=lambda k: order.get(k, len(order)))
        for n, key in enumerate(ranked):
            bibliography.source[key].year_suffix = _suffix(n)
