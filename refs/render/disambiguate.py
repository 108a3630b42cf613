"""Disambiguation of cites (citeproc-py 0.11.1 has none), in the spec's order: given
names by the style's givenname-disambiguation-rule (all-names, primary-name and their
-with-initials forms name people apart across all cites; by-cite only where cites
collide), more names (add-names), the ``disambiguate="true"`` condition, and last year
suffixes a, b, ... in bibliography order for cites that still read alike."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from citeproc import Citation
from citeproc.formatter import plain

from refs.render.disambiguate_names import name_levels, names_of
from refs.render.registry import Cite
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


def _alone(bibliography: Any, keys: Sequence[str]) -> dict[str, Any]:
    """One citation per item, with only that item (how the item's cite reads alone)."""
    out = {}
    for key in keys:
        citation = Citation([Cite(key)])
        citation.bibliography = bibliography
        out[key] = citation
    return out


class _Pass:
    """The cites of one render and their current plain-text forms."""

    def __init__(self, style: Any, bibliography: Any, keys: Sequence[str]) -> None:
        self.style = style
        self.citations = _alone(bibliography, keys)
        self.texts = _render(style, list(self.citations.values()), list(keys))

    def again(self, keys: Sequence[str]) -> None:
        self.texts.update(_render(self.style, [self.citations[k] for k in keys], list(keys)))

    def colliding(self) -> list[list[str]]:
        return _groups(self.texts)


def _flag(option: Any) -> bool:
    return (option or "").lower() == "true"


def _collisions(run: _Pass, group: Sequence[str]) -> dict[str, int]:
    return {k: sum(run.texts[k] == run.texts[o] for o in group if o != k) for k in group}


def _add_names(run: _Pass, st: Any, bibliography: Any, variables: list[str], first: int) -> None:
    """Each colliding cite shows the fewest names that leave it as few look-alikes as any
    number of names does (a name that tells no one apart is not added)."""
    for group in run.colliding():
        most = max(len(names_of(bibliography.source[k], variables)) for k in group)
        before = {k: run.texts[k] for k in group}
        best = {k: (n, first) for k, n in _collisions(run, group).items()}
        for shown in range(first + 1, most + 1):
            for key in group:
                st.names_shown[key] = shown
            run.again(group)
            for key, n in _collisions(run, group).items():
                if n < best[key][0]:
                    best[key] = (n, shown)
        for key in group:
            st.names_shown.pop(key, None)
            if best[key][1] > first:
                st.names_shown[key] = best[key][1]
        run.texts.update(before)
        run.again([k for k in group if k in st.names_shown])


def _add_givennames_by_cite(run: _Pass, st: Any, bibliography: Any, variables: list[str]) -> None:
    for group in run.colliding():
        before = {k: run.texts[k] for k in group}
        for level in (1, 2):
            pending = [k for k in group if sum(run.texts[k] == run.texts[o] for o in group) > 1]
            if not pending:
                break
            for key in pending:
                st.given_levels[key] = (level,) * len(names_of(bibliography.source[key], variables))
            run.again(pending)
        if len(set(run.texts[k] for k in group)) == 1:  # given names did not help: undo
            for key in group:
                st.given_levels.pop(key, None)
            run.texts.update(before)


def disambiguate(style: Any, bibliography: Any, citations: Sequence[Any]) -> None:
    """Run after ``register`` and ``sort`` of every citation (``citations`` name the
    items; each item is compared by its cite alone)."""
    citation_el = style.root.citation
    add_year_suffix = _flag(citation_el.get("disambiguate-add-year-suffix"))
    add_names = _flag(citation_el.get("disambiguate-add-names"))
    add_given = _flag(citation_el.get("disambiguate-add-givenname"))
    rule = citation_el.get("givenname-disambiguation-rule") or "by-cite"
    has_condition = bool(
        style.root.xpath_search(".//cs:if[@disambiguate]|.//cs:else-if[@disambiguate]")
    )
    if not (add_year_suffix or has_condition or add_names or add_given):
        return
    st = state_of(style.root)
    keys = list(dict.fromkeys(c.key for citation in citations for c in citation.cites))
    keys = [key for key in keys if key in bibliography.source]
    variables = ["author", "editor", "translator"]
    if add_given and rule != "by-cite":
        st.given_levels.update(name_levels(bibliography, keys, variables, rule))
    elif add_given:  # citeproc-js: people of one name list told apart in its entry
        for key in keys:
            st.entry_levels.update(name_levels(bibliography, [key], variables, "all-names"))
    run = _Pass(style, bibliography, keys)
    if add_names:
        first = int(citation_el.get("et-al-use-first") or 1)
        _add_names(run, st, bibliography, variables, first)
    if add_given and rule == "by-cite":
        _add_givennames_by_cite(run, st, bibliography, variables)
    groups = run.colliding()
    if not groups:
        return
    flagged = {key for group in groups for key in group}
    st.disambiguate.update(flagged)
    if not add_year_suffix:
        return
    # only cites that met a disambiguate condition can render differently now
    run.again([k for k in keys if k in st.tested & flagged])
    order = {key: n for n, key in enumerate(bibliography.keys)}
    for group in run.colliding():
        ranked = sorted(set(group), key=lambda k: order.get(k, len(order)))
        for n, key in enumerate(ranked):
            bibliography.source[key].year_suffix = _suffix(n)
