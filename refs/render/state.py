"""Per-style caches and per-render state of the conformance layer.

The state lives on the root element of a parsed style (the style object keeps the root,
so lxml keeps its Python attributes). ``begin_render`` clears everything that belongs to
one render, ``begin_entry`` what belongs to one entry or sort key, so nothing leaks from
one render into the next."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RenderState:
    # caches (valid for the life of the parsed style)
    macros: dict[str, Any] = field(default_factory=dict)
    calls_variable: dict[Any, bool] = field(default_factory=dict)
    layouts: dict[Any, Any] = field(default_factory=dict)  # element -> its cs:layout
    terms: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    formatted: dict[Any, bool] = field(default_factory=dict)  # element has font attributes
    words: dict[tuple[Any, str], tuple[str, ...]] = field(default_factory=dict)  # split attrs
    conditions: dict[Any, tuple[Any, ...]] = field(default_factory=dict)  # cs:if specs
    children: dict[Any, tuple[Any, ...]] = field(default_factory=dict)  # cs:choose branches
    reach: dict[Any, dict[Any, Any]] = field(default_factory=dict)  # element -> what may print

    def split(self, element: Any, attribute: str) -> tuple[str, ...]:
        """An attribute's space-separated values (memoised)."""
        key = (element, attribute)
        found = self.words.get(key)
        if found is None:
            found = tuple((element.get(attribute) or "").split())
            self.words[key] = found
        return found

    found: dict[tuple[Any, str], Any] = field(default_factory=dict)  # (element, query) -> node
    default_language: str | None = None  # the style's default-locale, two letters
    implicit_year_suffix: bool | None = None  # add-year-suffix without a year-suffix variable
    suffix_now: str = ""  # the year suffix of the date being rendered (implicit suffixes)
    # per render
    disambiguate: set[str] = field(default_factory=set)  # item keys flagged
    tested: set[str] = field(default_factory=set)  # item keys that met a disambiguate test
    sorting: bool = False  # rendering sort keys
    citing: bool = False  # rendering a citation (disambiguation applies)
    cites_in_bibliography_order: bool = False  # else the order given (without cs:sort)
    names_shown: dict[str, int] = field(default_factory=dict)  # item key -> et-al-use-first
    given_levels: dict[str, tuple[int, ...]] = field(default_factory=dict)  # 1 initials, 2 full
    entry_levels: dict[str, tuple[int, ...]] = field(default_factory=dict)  # entries only
    previous_names: str | None = None  # the names that opened the last bibliography entry
    without_et_al: bool = False  # names rendered without "et al." (to compare them)
    et_al_term: str = ""  # the "et al." names printed last
    # per entry
    names_done: bool = False  # the entry's first cs:names has rendered
    spoken: bool = False  # the cite or entry has printed something (no capital for a term)
    cite_names: str | None = None  # what the cite's first cs:names rendered (collapsing)
    drop_names: bool = False  # the cite's first cs:names renders nothing (collapsed cite)
    suppressed: set[str] = field(default_factory=set)  # variables used by a substitute
    traces: list[set[str]] = field(default_factory=list)  # open substitute recordings

    def begin_render(self) -> None:
        self.disambiguate.clear()
        self.tested.clear()
        self.names_shown.clear()
        self.given_levels.clear()
        self.entry_levels.clear()
        self.sorting = False
        self.citing = False
        self.cites_in_bibliography_order = False
        self.previous_names = None
        self.begin_entry()

    def begin_entry(self) -> None:
        self.suppressed.clear()
        self.traces.clear()
        self.names_done = False
        self.spoken = False
        self.cite_names = None

    def find(self, element: Any, query: str) -> Any:
        """``element.xpath_search(query)[0]`` (or None), memoised."""
        key = (element, query)
        if key not in self.found:
            hits = element.xpath_search(query)
            self.found[key] = hits[0] if hits else None
        return self.found[key]

    def note(self, variable: str) -> None:
        """A variable was rendered: every open substitute recording gets it."""
        self.spoken = True
        for trace in self.traces:
            trace.add(variable)


def state_of(element: Any) -> RenderState:
    """The render state of the style that ``element`` belongs to."""
    # instance dictionaries only: a missing attribute would cost an element search
    cached: RenderState | None = element.__dict__.get("_refs_state")
    if cached is not None:
        return cached
    root = element.getroottree().getroot()
    st: RenderState | None = root.__dict__.get("refs_state")
    if st is None:
        style = root.__dict__.get("style")  # locale roots point to their style
        if style is not None:
            st = state_of(style)
            element.__dict__["_refs_state"] = st
            return st
        st = RenderState()
        root.refs_state = st
    element.__dict__["_refs_state"] = st
    return st
