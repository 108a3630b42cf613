"""Parse a CSL style into citeproc-py's element tree with the conformance layer's
element classes installed through the parser's element-class lookup (no patching of
citeproc-py at import time)."""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.frontend import CitationStylesStyle
from lxml import etree

from refs.errors import InputError
from refs.render.elements import conditions as elements_conditions
from refs.render.elements import dates as elements_dates
from refs.render.elements import layout as elements_layout
from refs.render.elements import names as elements_names
from refs.render.elements import sort as elements_sort
from refs.render.elements import text as elements_text

CSL_NS = "http://purl.org/net/xbiblio/csl"

OVERRIDES: dict[str, type] = {
    "text": elements_text.Text,
    "number": elements_text.Number,
    "label": elements_text.Label,
    "names": elements_names.Names,
    "name": elements_names.Name,
    "substitute": elements_names.Substitute,
    "date": elements_dates.Date,
    "layout": elements_layout.Layout,
    "group": elements_layout.Group,
    "macro": elements_text.Macro,
    "choose": elements_conditions.Choose,
    "else": elements_text.Else,
    "key": elements_sort.Key,
    "sort": elements_sort.Sort,
    "if": elements_conditions.If,
    "else-if": elements_conditions.Else_If,
}


class StyleRoot(model.Style):  # type: ignore[misc]
    """cs:style with its cs:citation and cs:bibliography found once (citeproc-py searches
    the root's children on every entry)."""

    def _child(self, tag: str) -> Any:
        key = f"_refs_{tag}"
        if key not in self.__dict__:
            self.__dict__[key] = self.find(f"{{{CSL_NS}}}{tag}")
        return self.__dict__[key]

    @property
    def citation(self) -> Any:
        return self._child("citation")

    @property
    def bibliography(self) -> Any:
        return self._child("bibliography")


def _parser() -> etree.XMLParser:
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    for cls in model.CitationStylesElement.__subclasses__():
        namespace[cls.__name__.replace("_", "-").lower()] = cls
    for name, cls in OVERRIDES.items():
        namespace[name] = cls
    namespace["style"] = StyleRoot
    # no entity expansion from outside the document, no network
    parser = etree.XMLParser(
        remove_comments=True, encoding="UTF-8", no_network=True, resolve_entities=False
    )
    parser.set_element_class_lookup(lookup)
    return parser


class Style(CitationStylesStyle):  # type: ignore[misc]
    """A parsed CSL style whose elements are the conformance layer's classes."""

    def __init__(self, source: bytes, name: str, locale: str | None = None) -> None:
        try:
            root = etree.fromstring(source, _parser())
        except etree.XMLSyntaxError as exc:
            raise InputError(f"{name}: not a CSL style: {exc}") from None
        if not isinstance(root, model.Style):
            raise InputError(f"{name}: not a CSL style (root element is not cs:style)")
        if root.find(f"{{{CSL_NS}}}citation") is None:
            raise InputError(f"{name}: CSL style has no cs:citation")
        self.xml = root.getroottree()
        self.root: Any = root
        self.name = name
        self.root.set_locale_list(locale or root.get("default-locale", "en-US"), validate=False)

    @property
    def title(self) -> str:
        node = self.root.find(f"{{{CSL_NS}}}info/{{{CSL_NS}}}title")
        return str(node.text) if node is not None and node.text else self.name

    @property
    def style_id(self) -> str:
        node = self.root.find(f"{{{CSL_NS}}}info/{{{CSL_NS}}}id")
        return str(node.text).strip() if node is not None and node.text else self.name

    @property
    def is_note(self) -> bool:
        return bool(self.root.get("class") == "note")

    def option(self, name: str) -> str | None:
        value = self.root.get_locale_option(name)
        return None if value is None else str(value)
