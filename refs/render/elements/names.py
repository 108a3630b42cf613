"""cs:names, cs:name and cs:substitute: suppression of substituted variables and
``initialize="false"``."""

from __future__ import annotations

import re
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


class Name(FastFormat, CachedTerms, model.Name):  # type: ignore[misc]
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
