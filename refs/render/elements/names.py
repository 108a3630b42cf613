"""cs:names, cs:name and cs:substitute: suppression of substituted variables,
``initialize="false"`` and names in Chinese, Japanese and Korean scripts."""

from __future__ import annotations

from collections.abc import Callable
from itertools import zip_longest
from typing import Any

from citeproc import model
from citeproc.source import Name as Name_
from citeproc.string import String

from refs.render.elements.fast_paths import CachedLookups, CachedTerms, FastFormat
from refs.render.elements.name_list import name_list
from refs.render.elements.native_names import Initial, native_order, with_cjk
from refs.render.initials import initialize
from refs.render.positions import FIRST
from refs.render.reach import Shape, shape_of
from refs.render.state import state_of


class Names(FastFormat, CachedTerms, model.Names):  # type: ignore[misc]
    @property
    def name(self) -> Any:
        """The cs:name child (found once)."""
        return self._child("name")

    def substitute(self) -> Any:
        return self._child("substitute")

    def _child(self, tag: str) -> Any:
        key = f"_refs_{tag}"
        if key not in self.__dict__:
            self.__dict__[key] = state_of(self).find(self, f"./cs:{tag}[1]")  # keeps it alive
        return self.__dict__[key]

    def roles(self, shape: Shape) -> list[str]:
        """The roles of ``variable`` that a reference of ``shape`` holds."""
        memo: dict[Shape, tuple[str, ...]] | None = self.__dict__.get("_refs_roles")
        if memo is None:
            memo = self.__dict__["_refs_roles"] = {}
        found = memo.get(shape)
        if found is None:
            present = shape[1]
            found = memo[shape] = tuple(
                r for r in self.get("variable", "").split() if r.replace("-", "_") in present
            )
        return list(found)

    def process(self, item: Any, names_context: Any = None, context: Any = None, **kw: Any) -> Any:
        st = state_of(self)
        roles = self.roles(shape_of(item.reference))
        if roles and all(r in st.suppressed for r in roles):
            return None
        if not roles and self.substitute() is None:
            raise model.VariableError  # as citeproc-py ends up doing, without the walk
        if names_context is None and self.name is None:
            # a cs:names in a substitute (also inside its cs:choose) takes the name and
            # label of the cs:names it substitutes for
            names_context = st.find(self, "./ancestor::cs:substitute[1]/parent::cs:names[1]")
        before = set(st.suppressed)
        text = self._names(item, roles, names_context, context, **kw)
        if text:
            for role in roles:
                st.note(role)
            if not (st.citing or st.sorting or st.names_done):

                def again() -> Any:  # the same names, as the entry had them before
                    after = set(st.suppressed)
                    st.suppressed.intersection_update(before)
                    try:
                        return self._names(item, roles, names_context, context, **kw)
                    finally:
                        st.suppressed.update(after)

                text = self._subsequent(text, again)
            elif st.citing and not st.names_done:
                st.names_done = True
                st.cite_names = str(text)
                if st.drop_names:
                    return None
        return text

    def _names(
        self, item: Any, roles: list[str], names_context: Any, context: Any, **kw: Any
    ) -> Any:
        if self.name is None and names_context is None:  # citeproc-py's default cs:name
            return with_cjk(
                item,
                roles,
                False,
                lambda: super(Names, self).process(
                    item, names_context=names_context, context=context, **kw
                ),
                _default_initial(self, context) if native_order(item) else None,
            )
        return super().process(item, names_context=names_context, context=context, **kw)

    def _subsequent(self, text: Any, shown: Callable[[], Any]) -> Any:
        """subsequent-author-substitute: an entry whose names are those of the entry
        before prints the substitute instead ("complete-all", the default rule). As in
        citeproc-js, the names compared are those shown, without "et al." (``shown()``
        renders them so)."""
        st = state_of(self)
        st.names_done = True
        bibliography = self.get_root().bibliography
        substitute = (
            None if bibliography is None else bibliography.get("subsequent-author-substitute")
        )
        if substitute is None:
            return text
        names = str(text)
        if names != st.previous_names and st.et_al_term and st.et_al_term in names:
            st.without_et_al = True
            try:
                names = str(shown())
            finally:
                st.without_et_al = False
        same = names == st.previous_names
        st.previous_names = names
        return String(substitute) if same else text


class Substitute(CachedLookups, model.Substitute):  # type: ignore[misc]
    """Records the variables each child actually renders; the chosen child's variables
    are suppressed for the rest of the entry (cs:text, cs:names, cs:date, cs:number)."""

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        st = state_of(self)
        for child in self.children():
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


def _default_initial(names: Any, context: Any) -> Initial:
    """How citeproc-py's default cs:name (one not in the style) initialises a given name."""
    probe, where = Name(), names if context is None else context
    mark = probe.get_option("initialize-with", where)
    return None if mark is None else lambda given: probe.initialize(given, mark, where)


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
        mark = self.get_option("initialize-with", context, sort_options)
        return with_cjk(
            item,
            [variable],
            short,
            lambda: self._disambiguated(item, variable, context, sort_options, **kw),
            None if mark is None else lambda given: self.initialize(given, mark, context),
        )

    def et_al(self) -> Any:
        """No "et al." in sort keys (citeproc-js sorts by the names shown), nor where
        entries compare their names (subsequent-author-substitute)."""
        st = state_of(self)
        if st.sorting or st.without_et_al:
            return None
        term = super().et_al()
        st.et_al_term = str(term) if term else ""
        return term

    def _disambiguated(
        self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kw: Any
    ) -> Any:
        """The name list (name_list.py; sort keys as citeproc-py writes them), plus
        disambiguation: in citations more names shown (add-names); given names or
        initials added to chosen names (add-givenname) where they show more than the
        name's form does, in citations and, as citeproc-js does, in the first names of
        the item's bibliography entry."""
        if sort_options is not None:
            return super().process(item, variable, context, sort_options, **kw)
        st = state_of(self)
        key = str(getattr(item, "key", ""))
        active = not st.sorting and (st.citing or not st.names_done)
        shown = st.names_shown.get(key) if active and st.citing else None
        levels = st.given_levels.get(key, ()) if active else ()
        if active and not st.citing and key in st.entry_levels:
            levels = tuple(map(max, zip_longest(levels, st.entry_levels[key], fillvalue=0)))
        options: dict[str, Any] = {}
        names = item.reference.get(variable, [])
        mark = self.get_option("initialize-with", context)
        default = 0 if self.get_option("form", context) == "short" else 2 if mark is None else 1
        levels = tuple(max(level, default) for level in levels)
        if any(level != default for level in levels):
            options["form"] = "long"
            options["initialize-with"] = None if 2 in levels else mark
            names = [
                self._at_level(name, levels[n] if n < len(levels) else default, options, context)
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
