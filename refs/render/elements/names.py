"""cs:names, cs:name and cs:substitute: suppression of substituted variables,
``initialize="false"`` and names in Chinese, Japanese and Korean scripts."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from citeproc import model
from citeproc.source import Name as Name_
from citeproc.string import String

from refs.render.elements.name_list import name_list
from refs.render.elements.text import CachedTerms, FastFormat
from refs.render.initials import initialize
from refs.render.positions import FIRST
from refs.render.state import state_of


class Names(FastFormat, CachedTerms, model.Names):  # type: ignore[misc]
    def substitute(self) -> Any:
        return state_of(self).find(self, "./cs:substitute[1]")

    def process(self, item: Any, names_context: Any = None, context: Any = None, **kw: Any) -> Any:
        st = state_of(self)
        roles = [
            r for r in self.get("variable", "").split() if r.replace("-", "_") in item.reference
        ]
        if roles and all(r in st.suppressed for r in roles):
            return None
        if not roles and self.substitute() is None:
            raise model.VariableError  # as citeproc-py ends up doing, without the walk
        if names_context is None and self.name is None:
            # a cs:names in a substitute (also inside its cs:choose) takes the name and
            # label of the cs:names it substitutes for
            names_context = st.find(self, "./ancestor::cs:substitute[1]/parent::cs:names[1]")
        if self.name is None and names_context is None:  # citeproc-py's default cs:name
            text = _with_cjk(
                item,
                roles,
                False,
                lambda: super(Names, self).process(
                    item, names_context=names_context, context=context, **kw
                ),
            )
        else:
            text = super().process(item, names_context=names_context, context=context, **kw)
        if text:
            for role in roles:
                st.note(role)
            if not (st.citing or st.sorting or st.names_done):
                text = self._subsequent(text)
            elif st.citing and not st.names_done:
                st.names_done = True
                st.cite_names = str(text)
                if st.drop_names:
                    return None
        return text

    def _subsequent(self, text: Any) -> Any:
        """subsequent-author-substitute: an entry whose names are those of the entry
        before prints the substitute instead ("complete-all", the default rule)."""
        st = state_of(self)
        st.names_done = True
        bibliography = self.get_root().bibliography
        substitute = (
            None if bibliography is None else bibliography.get("subsequent-author-substitute")
        )
        if substitute is None:
            return text
        same = str(text) == st.previous_names
        st.previous_names = str(text)
        return String(substitute) if same else text


class Substitute(model.Substitute):  # type: ignore[misc]
    """Records the variables each child actually renders; the chosen child's variables
    are suppressed for the rest of the entry (cs:text, cs:names, cs:date, cs:number)."""

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        st = state_of(self)
        for child in self.getchildren():
            trace: set[str] = set()
            st.traces.append(trace)
            try:
                if isinstance(child, model.Names) and child.name is None:
                    names = st.find(self, "./parent::cs:names[1]")
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            finally:
                st.traces.pop()  # ours: recordings nest like the renders
            if text:
                st.suppressed.update(trace)
                return text
        return None


def _inherited(element: Any, name: str) -> str | None:
    node = element
    while node is not None:
        value = node.get(name)
        if value is not None:
            return str(value)
        node = node.getparent()
    return None


_CJK = re.compile(r"^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+$")


def _cjk(name: Any) -> bool:
    family, given = name.get("family") or "", name.get("given") or ""
    return bool(family and given and _CJK.match(family) and _CJK.match(given))


def _cjk_as_citeproc_js(names: list[Any], short: bool) -> list[Any]:
    """Chinese, Japanese and Korean names as citeproc-js prints them: family and given
    without a space and never initialised; the family alone in the short form."""
    out = []
    for name in names:
        if _cjk(name):
            whole = name["family"] if short else name["family"] + name["given"]
            name = type(name)(family=whole)
        out.append(name)
    return out


def _with_cjk(item: Any, roles: list[str], short: bool, render: Callable[[], Any]) -> Any:
    """``render()`` with the CJK names of ``roles`` as citeproc-js prints them."""
    saved = {r: item.reference.get(r) for r in roles}
    changed = [r for r, names in saved.items() if names and any(_cjk(n) for n in names)]
    for role in changed:
        item.reference[role] = _cjk_as_citeproc_js(saved[role], short)
    try:
        return render()
    finally:
        for role in changed:
            item.reference[role] = saved[role]


def _family_only(name: Any) -> Any:
    """A name that prints as its short form does, also in the long form."""
    if "literal" in name:
        return name
    family = " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    return Name_(family=family) if family else name


class Name(FastFormat, CachedTerms, model.Name):  # type: ignore[misc]
    def process(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any
    ) -> Any:
        short = self.get_option("form", context, sort_options) == "short"
        return _with_cjk(
            item,
            [variable],
            short,
            lambda: self._disambiguated(item, variable, context, sort_options, **kw),
        )

    def _disambiguated(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any
    ) -> Any:
        """The name list (name_list.py; sort keys as citeproc-py writes them), plus
        disambiguation in citations: more names shown (add-names) and given names or
        initials added to chosen names (add-givenname)."""
        if sort_options is not None:
            return super().process(item, variable, context, sort_options, **kw)
        st = state_of(self)
        key = str(getattr(item, "key", ""))
        shown = st.names_shown.get(key) if st.citing else None
        levels = st.given_levels.get(key, ()) if st.citing else ()
        options: dict[str, Any] = {}
        names = item.reference.get(variable, [])
        if any(levels) and self.get_option("form", context) == "short":
            # the long form shows given names already
            options["form"] = "long"
            options["initialize-with"] = self.get_option("initialize-with", context)
            if any(level == 2 for level in levels):
                options["initialize-with"] = None
            names = [
                self._at_level(name, levels[n] if n < len(levels) else 0, options, context)
                for n, name in enumerate(names)
            ]

        def get(name: str) -> Any:
            return self.get_option(name, context, options)

        subsequent = st.citing and not item.__dict__.get("_position", FIRST).first
        return name_list(self, list(names), get, context, subsequent, shown)

    def _at_level(self, name: Any, level: int, options: dict[str, Any], context: Any) -> Any:
        if level == 0:
            return _family_only(name)
        mark = self.get_option("initialize-with", context)
        if level == 1 and mark is not None and options["initialize-with"] is None:
            given = name.get("given")
            if given:
                parts = {k: v for k, v in name.items() if k != "given"}
                return Name_(given=str(self.initialize(given, mark, context)), **parts)
        return name

    def initialize(self, given: str, mark: str, context: Any) -> str:
        """Initials as citeproc-js writes them (initials.py); with ``initialize="false"``
        full words stay whole."""
        full_words_too = (_inherited(self, "initialize") or "true").lower() != "false"
        hyphen = bool(self.get_option("initialize-with-hyphen", context))
        return initialize(given, mark, full_words_too, hyphen)
