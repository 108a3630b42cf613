"""cs:layout (per-entry state, second-field-align), cs:key (sort keys from plain text)
and cs:if / cs:else-if (the ``disambiguate`` condition)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from citeproc import model
from citeproc.formatter import plain

from refs.render.elements_text import CachedLookups, CachedMacros, FastFormat
from refs.render.state import state_of

_QUOTES = re.compile("[\"'“”‘’«»]")


class Group(FastFormat, CachedLookups, model.Group):  # type: ignore[misc]
    pass


class Layout(FastFormat, CachedLookups, model.Layout):  # type: ignore[misc]
    def render_citation(self, citation: Any, callback: Any) -> Any:
        st = state_of(self)
        bibliography = citation.bibliography
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        good.sort(key=lambda cite: bibliography.keys.index(cite.key))
        if self.getparent().sort is not None:
            good = self.getparent().sort.sort(good, self)
        out = []
        for cite in good:
            st.begin_entry()
            self.repressed: dict[str, list[str]] = {}
            try:
                output = self.render_children(cite)
            except model.VariableError:
                continue
            if output is not None:
                out.append(cite.get("prefix", "") + output + cite.get("suffix", ""))
                self.getparent().cites.append(cite)
        for cite in bad:
            out.append(callback(cite) or f"{cite.key}?")
        return self.format(self.wrap(self.join(out)))

    def _render_part(self, item: Any, children: list[Any]) -> Any:
        out = []
        for child in children:
            try:
                text = child.render(item)
            except model.VariableError:
                continue
            if text is not None:
                out.append(text)
        return self.join(out) if out else None

    def render_bibliography(self, citation_items: Any) -> list[Any]:
        st = state_of(self)
        align = self.getparent().get("second-field-align")
        children = list(self.iterchildren())
        output = []
        for item in citation_items:
            st.begin_entry()
            self.repressed = {}
            if align and len(children) > 1:
                left = self._render_part(item, children[:1])
                right = self.format(self.wrap(self._render_part(item, children[1:])))
                joiner = getattr(self.get_formatter(), "second_field", None)
                if left is None:
                    text = right
                elif joiner is not None:
                    text = joiner(left, right)
                else:
                    text = f"{left} {right}"
            else:
                text = self.format(self.wrap(self.render_children(item)))
            if text is not None:
                output.append(text)
        return output


def _plain_key(value: Any) -> Any:
    if value is None or isinstance(value, int):
        return value
    text = _QUOTES.sub("", str(value)).strip().lower()
    return text or None


class Key(CachedMacros, model.Key):  # type: ignore[misc]
    def sort_keys(self, items: Any, context: Any) -> list[Any]:
        st = state_of(self)
        root = self.get_root()
        saved = root.formatter
        root.formatter = plain
        st.sorting = True
        try:
            if "macro" in self.attrib:
                layout = context.get_layout()
                # names sort as "family given" (the reference processor's keys)
                options = {"name-as-sort-order": "all", "sort-separator": " "}
                for option in ("names-min", "names-use-first", "names-use-last"):
                    if option in self.attrib:
                        options[option.replace("names", "et-al")] = self.get(option)
                macro = self.get_macro(self.get("macro"))
                keys = []
                for item in items:
                    st.begin_entry()
                    layout.repressed = {}
                    keys.append(macro.render(item, context=context, sort_options=options))
                st.begin_entry()
            else:
                keys = super().sort_keys(items, context)
        finally:
            root.formatter = saved
            st.sorting = False
        return [_plain_key(k) for k in keys]


class If(CachedLookups, model.If):  # type: ignore[misc]
    """cs:if with the ``disambiguate`` test, evaluated lazily (stops at the first
    test that decides the match)."""

    def _tests(self, item: Any, context: Any) -> Iterator[bool]:
        if "disambiguate" in self.attrib:
            flagged = item.key in state_of(self).disambiguate
            yield flagged == (self.get("disambiguate").lower() == "true")
        if "type" in self.attrib:
            yield from self._type(item)
        if "variable" in self.attrib:
            yield from self._variable(item)
        if "is-numeric" in self.attrib:
            yield from self._is_numeric(item)
        if "is-uncertain-date" in self.attrib:
            yield from self._is_uncertain_date(item)
        if "locator" in self.attrib:
            yield from self._locator(item)
        if "position" in self.attrib:
            yield from self._position(item, context)

    def render(self, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        match = self.get("match") or "all"
        for result in self._tests(item, context):
            if result and match == "any":
                break
            if result and match == "none":
                raise model.ConditionFailed
            if not result and match == "all":
                raise model.ConditionFailed
        else:
            if match == "any":
                raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


class Else_If(If):
    pass
