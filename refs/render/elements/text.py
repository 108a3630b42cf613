"""Element subclasses for text-like CSL elements: substitute suppression in cs:text and
cs:number, the empty-label fix for cs:label, per-spec title case; macros that cannot
print for the item are not walked (reach.py)."""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.string import MixedString, NoCase, String

from refs.render.casing import title_case
from refs.render.elements.fast_paths import (
    FONT_ATTRIBUTES,
    SHAPING,
    CachedLookups,
    CachedMacros,
    CachedTerms,
    Displayed,
    FastFormat,
)
from refs.render.escape import protect, unmark
from refs.render.positions import FIRST
from refs.render.reach import may_print, shape_of
from refs.render.state import state_of

# the text types that an empty affix gives back unchanged
_KEPT = frozenset({str, String, MixedString, NoCase})


class Macro(CachedLookups, model.Macro):  # type: ignore[misc]
    pass


class Else(CachedLookups, model.Else):  # type: ignore[misc]
    pass


class SpecCased(model.TextCased):  # type: ignore[misc]
    """``text-case="title"`` per the spec (hyphenated parts, after colons)."""

    def case(self, text: Any, language: str | None = None) -> Any:
        if self.get("text-case") == "title":
            if language not in (None, "en"):
                return text
            return _title_cased(text)
        nocase = isinstance(text, MixedString) and any(isinstance(s, NoCase) for s in text)
        if nocase and self.get("text-case") in ("uppercase", "lowercase"):
            # nocase segments keep their letters
            upper = self.get("text-case") == "uppercase"
            return MixedString(
                [
                    s if isinstance(s, NoCase) else type(s)(s.upper() if upper else s.lower())
                    for s in text
                ]
            )
        return super().case(text, language)


def _title_cased(text: Any) -> Any:
    """Title case over the whole text; nocase segments keep their letters."""
    cased = title_case(str(text))
    if not isinstance(text, MixedString) or len(cased) != len(str(text)):
        return String(cased)
    out = []
    offset = 0
    for segment in text:
        n = len(str(segment))
        piece = cased[offset : offset + n]
        out.append(segment if isinstance(segment, NoCase) else type(segment)(piece))
        offset += n
    return MixedString(out)


class Text(Displayed, FastFormat, CachedLookups, CachedMacros, CachedTerms, SpecCased, model.Text):  # type: ignore[misc]
    def _language(self, item: Any) -> str:
        """The item's language (two letters), else the style's default locale's."""
        language = dict.get(item.reference, "language")
        if language is not None:
            return str(language)[:2]
        st = state_of(self)
        if st.default_language is None:
            st.default_language = self.get_root().get("default-locale", "en")[:2]
        return st.default_language

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """As citeproc-py's; the language is looked up only for an element that
        shapes its text."""
        text = self._content(item, context, **kwargs)
        return self.markup(text, None if self._bare() else self._language(item))

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """As citeproc-py (without raising to find a missing language)."""
        return self._content(item, context, **kwargs), self._language(item)

    def _content(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """The element's text before markup: a style's value is text, and a sort key's
        name options reach a macro too."""
        source = self.__dict__.get("_refs_source")
        if source is None:
            source = self._source()
        kind, macro = source
        if kind == "variable":
            return self._variable(item, self if context is None else context)
        if kind == "macro":
            if not may_print(macro, shape_of(item.reference)):
                return None
            ctx = self if context is None else context
            return macro.render_children(
                item, context=ctx, sort_options=kwargs.get("sort_options")
            )  # (as cs:macro's render)
        if kind == "term":
            return self._term(item)
        if kind == "value":
            state_of(self).spoken = True
            return String(protect(self.attrib["value"]))
        return super().process(item, context, **kwargs)[0]

    def _source(self) -> tuple[str, Any]:
        """Where the element's text comes from (and its macro), read once."""
        attrib = self.attrib
        kind = next((k for k in ("variable", "macro", "term", "value") if k in attrib), "")
        source = (kind, self.get_macro(attrib["macro"]) if kind == "macro" else None)
        state_of(self).formatted[self] = True  # keeps this proxy alive
        self.__dict__["_refs_source"] = source
        return source

    def _term(self, item: Any) -> Any:
        """A term that opens a cite (after a prefix that ends a sentence) or an entry
        opens with a capital, as in citeproc-js (not in citations of in-text styles)."""
        text = super()._term(item)
        st = state_of(self)
        if not text:
            return text
        citing_in_text = st.citing and self.get_root().get("class") == "in-text"
        if not (st.spoken or st.sorting or citing_in_text):
            text = type(text)(text[:1].upper() + text[1:])
        st.spoken = True
        return text

    def _bare(self) -> bool:
        """Has the element no case, periods, quotes, font, affixes or display (most
        have none)? Then its markup only makes a number a string."""
        bare: bool | None = self.__dict__.get("_refs_bare")
        if bare is None:
            bare = not any(a in self.attrib for a in (*SHAPING, *FONT_ATTRIBUTES))
            state_of(self).formatted[self] = not bare  # keeps this proxy alive
            self.__dict__["_refs_bare"] = bare
        return bare

    def markup(self, text: Any, language: Any) -> Any:
        """citeproc-py's, cut short for a bare element."""
        if not self._bare():
            return super().markup(text, language)
        if not text:
            return None
        if isinstance(text, int | float):
            return str(text)
        if type(text) in _KEPT:
            return text  # as the empty affixes would give it back
        return ("" + text) + ""  # as the empty affixes would (types kept as citeproc-py's)

    def quote(self, string: Any) -> Any:
        if self.get("quotes", "false").lower() != "true":
            return string  # (citeproc-py reads a locale option here on every call)
        return super().quote(string)

    def _variable(self, item: Any, context: Any) -> Any:
        variable = self.get("variable")
        st = state_of(self)
        if variable in st.suppressed:
            return None
        if variable == "first-reference-note-number":
            note = item.__dict__.get("_position", FIRST).first_note if st.citing else 0
            if note:
                st.note(variable)
            return str(note) if note else None
        text = super()._variable(item, context)
        if text:
            st.note(variable)
        return text

    def _format_last_page(self, first: str, last: str) -> str:
        """A last page with more digits than the first prints whole ("7-44" is 7–44;
        citeproc-py cut it to "7–4" under minimal-two)."""
        if first.isdigit() and last.isdigit() and len(last) > len(first):
            return last
        return str(super()._format_last_page(first, last))


class Number(Displayed, FastFormat, model.Number):  # type: ignore[misc]
    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        variable = self.get("variable")
        st = state_of(self)
        if variable in st.suppressed:
            return None
        text = super().process(item, context, **kwargs)
        if text:
            st.note(variable)
            text = type(text)(unmark(str(text))) if isinstance(text, str) else text
        return text


class Label(FastFormat, CachedTerms, SpecCased, model.Label):  # type: ignore[misc]
    """A label whose variable is empty renders nothing (no stray "Edition")."""

    def process(
        self, item: Any, variable: str | None = None, plural: Any = None, **kwargs: Any
    ) -> Any:
        name = variable if variable is not None else self.get("variable")
        if state_of(self).sorting and variable is not None:
            return None  # a names label ("ed.") is no part of a sort key (citeproc-js)
        if name == "locator":
            if not item.has_locator:
                return None
        elif variable is None and (
            name is None
            or name.replace("-", "_") not in item.reference
            or name in state_of(self).suppressed
        ):
            return None
        return super().process(item, variable, plural, **kwargs)
