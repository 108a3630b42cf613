"""cs:sort and cs:key: sort keys rendered as plain text and compared as citeproc-js
compares them (collation.py), with later keys computed only to break ties."""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.formatter import plain

from refs.render.collation import collation_key
from refs.render.elements.fast_paths import CachedMacros
from refs.render.state import state_of


def _plain_key(value: Any) -> Any:
    if value is None or isinstance(value, int):
        return value
    return collation_key(str(value))


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
                # without "and"/"&" between names, the particle demoted unless "never"
                demote = root.get("demote-non-dropping-particle", "display-and-sort")
                options: dict[str, Any] = {
                    "name-as-sort-order": "all",
                    "sort-separator": " ",
                    "and": None,
                    "demote-non-dropping-particle": "never" if demote == "never" else "always",
                }
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


class Sort(model.Sort):  # type: ignore[misc]
    def sort(self, items: Any, context: Any) -> list[Any]:
        keys = self.findall("cs:key", self.nsmap)
        return self._by(list(items), keys, 0, context)

    def _by(self, items: list[Any], keys: list[Any], depth: int, context: Any) -> list[Any]:
        if len(items) <= 1 or depth == len(keys):
            return items
        key = keys[depth]
        descending = key.get("sort", "ascending").lower() == "descending"
        groups: dict[Any, list[Any]] = {}
        for item, value in zip(items, key.sort_keys(items, context), strict=True):
            groups.setdefault(value, []).append(item)
        present = sorted((v for v in groups if v is not None), reverse=descending)
        if None in groups:
            present.append(None)  # empty keys sort last either way
        out: list[Any] = []
        for value in present:
            out.extend(self._by(groups[value], keys, depth + 1, context))
        return out
