"""cs:layout (per-entry state, second-field-align) and cs:group (cached children)."""

from __future__ import annotations

from typing import Any

from citeproc import model

from refs.patterns import compiled
from refs.render.collapse import author_groups, join_cites, number_ranges, year_suffixes
from refs.render.elements.fast_paths import CachedLookups, Displayed, FastFormat
from refs.render.escape import plain
from refs.render.reach import may_print, printable, shape_of
from refs.render.state import state_of

_SENTENCE_END = compiled("\\S\\s+\\S*[.!?][\"'\u2019\u201d]?\\s*$")


class Group(Displayed, FastFormat, CachedLookups, model.Group):  # type: ignore[misc]
    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """As citeproc-py's, over the cached children: rendered when it calls no
        variable or a child that calls one rendered."""
        shape = shape_of(item.reference)
        if not may_print(self, shape):
            raise model.VariableError
        output = []
        called = self.calls_any()
        rendered = False
        delimiter = self.get("delimiter", "")
        for child, choose, calls in printable(self, shape):
            try:
                if choose:
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            if text is not None:
                output.append(text)
                rendered = rendered or calls
        if output and (rendered or not called):
            return self.join(output)
        raise model.VariableError

    def calls_any(self) -> bool:
        """Does a child call a variable?"""
        found: bool | None = self.__dict__.get("_refs_calls_any")
        if found is None:
            found = any(calls for _, _, calls in self.plan())
            self.__dict__["_refs_calls_any"] = found  # (plan() keeps this proxy alive)
        return found


class Layout(FastFormat, CachedLookups, model.Layout):  # type: ignore[misc]
    def render_citation(self, citation: Any, callback: Any) -> Any:
        st = state_of(self)
        parent = self.getparent()
        bibliography = citation.bibliography
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        if st.cites_in_bibliography_order:
            good.sort(key=lambda cite: bibliography.keys.index(cite.key))
        if parent.sort is not None:
            good = parent.sort.sort(good, self)
        rendered = []
        st.citing = True
        for n, cite in enumerate(good):
            output, names = self._render_cite(cite, spoken=n > 0)
            if output is not None:
                rendered.append((cite, output, names))
                parent.cites.append(cite)
        collapse = st.split(parent, "collapse")
        if collapse and collapse[0].startswith("year"):
            result = self._collapse_years(rendered)
        else:
            pairs = [(cite, text) for cite, text, _ in rendered]
            out = number_ranges(pairs) if "citation-number" in collapse else [t for _, t in pairs]
            result = join_cites(out, self.get("delimiter", ""))
        st.citing = False
        extra = [callback(cite) or f"{cite.key}?" for cite in bad]
        if extra:
            result = self.join(([result] if result is not None else []) + extra)
        return self.format(self.wrap(self.join([]) if result is None else result))

    def _render_cite(
        self, cite: Any, drop_names: bool = False, spoken: bool = True
    ) -> tuple[Any, str | None]:
        """A cite's output with its affixes, and what its first cs:names rendered
        (``spoken``: a cite before it; a prefix that ends a sentence lets a term that
        opens the cite open with a capital, a prefix of one word does not)."""
        st = state_of(self)
        st.begin_entry()
        prefix = plain(str(cite.get("prefix", "")))
        st.spoken = bool(_SENTENCE_END.search(prefix) is None if prefix else spoken)
        st.drop_names = drop_names
        self.repressed: dict[str, list[str]] = {}
        try:
            output = self.render_children(cite)
        except model.VariableError:
            output = None
        finally:
            st.drop_names = False
        if output is None:
            return None, st.cite_names
        return cite.get("prefix", "") + output + cite.get("suffix", ""), st.cite_names

    def _collapse_years(self, rendered: list[tuple[Any, Any, str | None]]) -> Any:
        """collapse="year" (also "year-suffix", "year-suffix-ranged"): cites by the same
        names grouped, names printed once; with year-suffix, one date's suffixes once."""
        parent = self.getparent()
        mode = state_of(self).split(parent, "collapse")[0]
        delimiter = self.get("delimiter", "")
        within = parent.get("cite-group-delimiter", ", ")
        after = parent.get("after-collapse-delimiter", delimiter)
        result: Any = None
        collapsed = False
        for group in author_groups(rendered):
            parts = [(group[0][1], *self._date_key(group[0][0], mode))]
            shown = [group[0][0]]
            for cite, _ in group[1:]:
                text, _ = self._render_cite(cite, drop_names=True)
                if text is not None:
                    parts.append((text, *self._date_key(cite, mode, text)))
                    shown.append(cite)
            if mode == "year":  # a cite with a locator is followed by after-collapse-delimiter
                joined = parts[0][0]
                for cite, (text, _, _) in zip(shown, parts[1:], strict=False):
                    joined = joined + (after if cite.get("locator") else within) + text
            else:
                suffix_delimiter = parent.get("year-suffix-delimiter", delimiter)
                ranged = mode == "year-suffix-ranged"
                joined = year_suffixes(parts, (within, after, suffix_delimiter), ranged)
            if result is None:
                result = joined
            else:
                result = result + (after if collapsed or mode == "year" else delimiter) + joined
            collapsed = len(parts) > 1
        return result

    def _date_key(self, cite: Any, mode: str, text: Any = None) -> tuple[str | None, str | None]:
        """A cite's year suffix and its output without names and suffix (None when the cite
        has a locator or affixes, or no suffix)."""
        if mode == "year" or cite.get("locator") or cite.get("prefix") or cite.get("suffix"):
            return None, None
        suffix = str(cite.reference.get("year_suffix") or "")
        if not suffix:
            return None, None
        if text is None:
            text, _ = self._render_cite(cite, drop_names=True)
        head, found, tail = str(text).rpartition(suffix)
        return (head + tail if found else None), suffix

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
