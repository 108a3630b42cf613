"""cs:choose, cs:if and cs:else-if: the ``disambiguate`` condition, cheap evaluation of
type and variable tests, branches chosen without an exception per failed one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from citeproc import model

from refs.render.elements.text import CachedLookups
from refs.render.positions import FIRST
from refs.render.state import state_of

_OTHER_TESTS = ("disambiguate", "is-numeric", "is-uncertain-date", "locator", "position")


class If(CachedLookups, model.If):  # type: ignore[misc]
    """cs:if with the ``disambiguate`` test, evaluated lazily (stops at the first
    test that decides the match)."""

    def _tests(self, item: Any, context: Any) -> Iterator[bool]:
        if "disambiguate" in self.attrib:
            state_of(self).tested.add(item.key)
            flagged = item.key in state_of(self).disambiguate
            yield flagged == (self.get("disambiguate").lower() == "true")
        st = state_of(self)
        if "type" in self.attrib:
            kind = item.reference["type"]
            yield from (t.lower() == kind for t in st.split(self, "type"))
        if "variable" in self.attrib:
            ref = item.reference
            for variable in st.split(self, "variable"):
                yield (
                    ("locator" in item)
                    if variable == "locator"
                    else (variable.replace("-", "_") in ref)
                )
        if "is-numeric" in self.attrib:
            yield from self._is_numeric(item)
        if "is-uncertain-date" in self.attrib:
            yield from self._is_uncertain_date(item)
        if "locator" in self.attrib:
            yield from self._locator(item)
        if "position" in self.attrib:
            yield from self._position(item, context)

    def _spec(self) -> tuple[str, bool, frozenset[str], tuple[str, ...]]:
        """match, whether other tests than type and variable are present, the types
        and the variables (as citeproc-py names them), read once."""
        spec: tuple[str, bool, frozenset[str], tuple[str, ...]] | None = self.__dict__.get(
            "_refs_condition"
        )
        if spec is None:
            st = state_of(self)
            spec = (
                self.get("match") or "all",
                any(a in self.attrib for a in _OTHER_TESTS),
                frozenset(st.split(self, "type")),
                tuple(v.replace("-", "_") for v in st.split(self, "variable")),
            )
            st.conditions[self] = spec  # keeps this proxy (and its dictionary) alive
            self.__dict__["_refs_condition"] = spec
        return spec

    def _simple(self, item: Any) -> bool | None:
        """The common case (type and variable tests only) without a generator;
        None when other tests are present."""
        match, other, types, variables = self._spec()
        if other:
            return None
        ref = item.reference
        kind = ref["type"]
        present = [("locator" in item) if v == "locator" else (v in ref) for v in variables]
        if match == "any":
            return kind in types or any(present)
        if match == "none":
            return kind not in types and not any(present)
        # all: every type named is the item's, every variable present
        return (not types or types == {kind}) and all(present)

    def _position(self, item: Any, context: Any) -> list[bool]:
        """The position tests, from the cite's position (positions.py); none hold
        outside citations."""
        st = state_of(self)
        position = item.__dict__.get("_position", FIRST)
        return [st.citing and position.test(name) for name in st.split(self, "position")]

    def holds(self, item: Any, context: Any = None) -> bool:
        """Does the condition hold for ``item``?"""
        simple = self._simple(item)
        if simple is not None:
            return simple
        match = self.get("match") or "all"
        for result in self._tests(item, context):
            if result and match == "any":
                return True
            if result and match == "none":
                return False
            if not result and match == "all":
                return False
        return match != "any"

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        if not self.holds(item, context):
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


class Else_If(If):
    pass


class Choose(CachedLookups, model.Choose):  # type: ignore[misc]
    """cs:choose that tests its branches without raising an exception per failed one."""

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        for branch in self.children():
            if isinstance(branch, If) and not branch.holds(item, context):
                continue
            return branch.render_children(item, context=context, delimiter=delimiter, **kwargs)
        return None
