"""The memoised look-ups and fast paths the element classes mix in: macros, children,
terms and layouts looked up once per parsed style, and formatting and affixing skipped
for elements without font attributes or affixes (most of them)."""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.string import join

from refs.render.reach import printable, shape_of
from refs.render.state import state_of


class CachedMacros:
    """Macro lookup through a per-style dictionary instead of an XPath per call."""

    def get_macro(self, name: str) -> Any:
        st = state_of(self)
        macro = st.macros.get(name)
        if macro is None:
            macro = model.CitationStylesElement.get_macro(self, name)
            st.macros[name] = macro
        return macro


class CachedLookups:
    """Memoised structural look-ups (the style tree does not change once parsed)."""

    def get_layout(self) -> Any:
        st = state_of(self)
        layout = st.layouts.get(self)
        if layout is None:
            layout = model.CitationStylesElement.get_layout(self)
            st.layouts[self] = layout
        return layout

    def children(self) -> tuple[Any, ...]:
        """The element's children (lxml builds each child's proxy anew per iteration)."""
        found: tuple[Any, ...] | None = self.__dict__.get("_refs_children")
        if found is None:
            found = tuple(self.iterchildren())  # type: ignore[attr-defined]
            state_of(self).children[self] = found  # keeps this proxy (and its dict) alive
            self.__dict__["_refs_children"] = found
        return found

    def plan(self) -> tuple[tuple[Any, bool, bool], ...]:
        """Each child with whether it is a cs:choose and whether it calls a variable."""
        found: tuple[tuple[Any, bool, bool], ...] | None = self.__dict__.get("_refs_plan")
        if found is None:
            found = tuple(
                (c, isinstance(c, model.Choose), bool(c.calls_variable())) for c in self.children()
            )
            state_of(self).children[self] = found  # keeps this proxy (and its dict) alive
            self.__dict__["_refs_plan"] = found
        return found

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        """As citeproc-py's, over the cached children."""
        output = []
        for child, choose, _ in printable(self, shape_of(item.reference)):
            try:
                if choose:
                    text = child.render(item, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, **kwargs)
            except model.VariableError:
                continue
            if text is not None:
                output.append(text)
        return join(output, delimiter) if output else None

    def calls_variable(self) -> bool:
        known: bool | None = self.__dict__.get("_refs_calls_variable")
        if known is None:
            known = bool(super().calls_variable())  # type: ignore[misc]
            state_of(self).calls_variable[self] = known  # keeps this proxy alive
            self.__dict__["_refs_calls_variable"] = known
        return known


class CachedTerms:
    """Locale terms looked up once per style."""

    def get_term(
        self,
        name: str,
        form: str | None = None,
        fallback_locale: bool = True,
        zero_padded: bool = False,
    ) -> Any:
        st = state_of(self)
        key = (name, form, fallback_locale, zero_padded)
        if key not in st.terms:
            st.terms[key] = model.CitationStylesElement.get_term(
                self,
                name,
                form,
                fallback_locale,
                zero_padded,
            )
        return st.terms[key]


SHAPING = ("text-case", "strip-periods", "quotes", "prefix", "suffix", "display")
FONT_ATTRIBUTES = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


class FastFormat:
    """Skips citeproc-py's five formatter look-ups for elements without font attributes
    (most of them)."""

    def format(self, string: Any) -> Any:
        has: bool | None = self.__dict__.get("_refs_formatted")
        if has is None:
            has = any(self.get(a) is not None for a in FONT_ATTRIBUTES)  # type: ignore[attr-defined]
            state_of(self).formatted[self] = has  # keeps this proxy alive
            self.__dict__["_refs_formatted"] = has
        if has:
            return model.Formatted.format(self, string)
        return str(string) if isinstance(string, int | float) else string


class BareAffixes:
    """Skips citeproc-py's affixing (seams of empty affixes) for an element without
    prefix, suffix or display (most of them): the string comes back unchanged."""

    def wrap(self, string: Any) -> Any:
        if string is not None and not self._affixed():
            return string
        return super().wrap(string)  # type: ignore[misc]

    def _affixed(self) -> bool:
        found: bool | None = self.__dict__.get("_refs_affixed")
        if found is None:
            attrib = self.attrib  # type: ignore[attr-defined]
            found = any(a in attrib for a in ("prefix", "suffix", "display"))
            state_of(self).formatted[self] = found  # keeps this proxy alive
            self.__dict__["_refs_affixed"] = found
        return found


class Displayed(BareAffixes):
    """``display`` (block, left-margin, right-inline, indent) in formats that have it
    (HTML: a ``div`` of class ``csl-...`` around the element's output)."""

    def wrap(self, string: Any) -> Any:
        out = super().wrap(string)
        kind = self.get("display") if self._affixed() else None  # type: ignore[attr-defined]
        if kind and out:
            div = getattr(self.get_formatter(), "display", None)  # type: ignore[attr-defined]
            if div is not None:
                return div(kind, out)
        return out
