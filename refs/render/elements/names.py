"""cs:names, cs:name and cs:substitute: suppression of substituted variables,
``initialize="false"`` and names in Chinese, Japanese and Korean scripts."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from citeproc import model

from refs.render.elements.text import CachedTerms, FastFormat
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
        return text


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


_INITIAL = re.compile(r"^(\w)\.?$")


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


class Name(FastFormat, CachedTerms, model.Name):  # type: ignore[misc]
    def process(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any
    ) -> Any:
        short = self.get_option("form", context, sort_options) == "short"
        return _with_cjk(
            item,
            [variable],
            short,
            lambda: super(Name, self).process(item, variable, context, sort_options, **kw),
        )

    def initialize(self, given: str, mark: str, context: Any) -> str:
        """With ``initialize="false"`` names are not initialised; the mark is only added
        to initials the name already has."""
        if (_inherited(self, "initialize") or "true").lower() != "false":
            return str(super().initialize(given, mark, context))
        words = []
        for word in given.split():
            m = _INITIAL.match(word)
            words.append(m.group(1) + mark.rstrip() if m and word[:1].isupper() else word)
        return " ".join(words)
