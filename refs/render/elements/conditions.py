"""cs:choose, cs:if and cs:else-if: the ``disambiguate`` condition, cheap evaluation of
type and variable tests, branches chosen without an exception per failed one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from citeproc import model

from refs.render.elements.fast_paths import CachedLookups
from refs.render.positions import FIRST
from refs.render.reach import VOLATILE, Branch, chosen, shape_of, tests_hold
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
        return tests_hold(match, types, kind, present)

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


# tests that ask the reference's values (the cite's, where the variable is volatile)
_OF_REFERENCE = frozenset({"match", "type", "variable", "is-numeric", "is-uncertain-date"})


class Choose(CachedLookups, model.Choose):  # type: ignore[misc]
    """cs:choose that tests its branches without raising an exception per failed one.
    A choice that tests only the reference's type and variables is made once per shape
    of reference (reach.py); one that tests their values too, once per reference and
    render."""

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        if self.fixed() is not None:
            branch = chosen(self, shape_of(item.reference))
        elif self.of_reference():
            memo: dict[Any, Any] = item.reference.__dict__.setdefault("_refs_branches", {})
            branch = memo.get(self, memo)
            if branch is memo:
                branch = memo[self] = self._first(item, context)
        else:
            branch = self._first(item, context)
        if branch is None:
            return None
        return branch.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def of_reference(self) -> bool:
        """Does the choice depend on the reference alone (not on the cite, the position
        or disambiguation)?"""
        found: bool | None = self.__dict__.get("_refs_of_reference")
        if found is None:
            found = all(
                set(b.attrib) <= _OF_REFERENCE
                and not VOLATILE.intersection(
                    v.replace("-", "_")
                    for a in ("variable", "is-numeric")
                    for v in state_of(self).split(b, a)
                )
                for b in self.children()
                if isinstance(b, If)
            )
            state_of(self).conditions[self] = ()  # keeps this proxy alive
            self.__dict__["_refs_of_reference"] = found
        return found

    def _first(self, item: Any, context: Any) -> Any:
        for branch in self.children():
            if isinstance(branch, If) and not branch.holds(item, context):
                continue
            return branch
        return None

    def fixed(self) -> tuple[Branch, ...] | None:
        """The branches with their tests when the choice depends on the reference's
        shape alone (type and variable tests of variables no cite or render sets),
        else None."""
        found = self.__dict__.get("_refs_fixed", False)
        if found is False:
            branches = [(b, b._spec() if isinstance(b, If) else None) for b in self.children()]
            fixed = all(
                spec is None or not (spec[1] or VOLATILE.intersection(spec[3]))
                for _, spec in branches
            )
            found = (
                tuple(
                    (b, None if spec is None else (spec[0], spec[2], spec[3]))
                    for b, spec in branches
                )
                if fixed
                else None
            )
            state_of(self).conditions[self] = ()  # keeps this proxy alive
            self.__dict__["_refs_fixed"] = found
        return found  # type: ignore[no-any-return]
