"""cs:date rendered without mutating locale elements: localized formats with the
style's overrides, the locale's delimiter, date ranges per the spec ("May 1–3, 2008",
"May–June 2008", "May 2008–June 2009"), literal dates printed once (by a date that
shows the year) and substituted dates suppressed."""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import DateRange, LiteralDate
from citeproc.string import String

from refs.render.elements.fast_paths import FONT_ATTRIBUTES, BareAffixes, CachedTerms, FastFormat
from refs.render.elements.text import SpecCased
from refs.render.state import state_of

ORDER = ("year", "month", "day")
EN_DASH = "\u2013"


class _Part(model.Formatted, model.Affixed, SpecCased, model.StrippedPeriods):  # type: ignore[misc]
    """A cs:date-part's effective attributes (locale format + style overrides)."""

    def __init__(self, attrs: dict[str, str], owner: Any) -> None:
        self.attrs = attrs
        self.owner = owner
        self.name = attrs.get("name", "")
        # no font, case or periods to apply: the body is the value
        self.bare = not any(a in attrs for a in (*FONT_ATTRIBUTES, "text-case", "strip-periods"))

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    def get_formatter(self) -> Any:
        return self.owner.get_formatter()

    def value(self, date: Any) -> str | None:
        owner = self.owner
        if self.name == "day":
            day = date.get("day")
            if not day:
                return None
            form = self.get("form", "numeric")
            if form == "ordinal" and day > 1:
                limit = owner.get_locale_option("limit-day-ordinals-to-day-1") or "false"
                form = "numeric" if limit.lower() == "true" else form
            if form == "numeric-leading-zeros":
                return f"{day:02}"
            if form == "ordinal":
                return str(model.to_ordinal(day, owner))
            return str(day)
        if self.name == "month":
            month, term = date.get("month"), "month"
            if month and month > 12:  # months 13 to 24 are the seasons (thrice over)
                month, term = (month - 13) % 4 + 1, "season"
            if not month:
                month, term = date.get("season"), "season"
            if not month:
                return None
            form = self.get("form", "long")
            if term == "month" and form == "numeric":
                return str(month)
            if term == "month" and form == "numeric-leading-zeros":
                return f"{month:02}"
            if term == "season":  # seasons have no short forms (the reference processor)
                if not isinstance(month, int):
                    return str(month)
                return str(owner.get_single_term(name=f"season-{month:02}") or "") or None
            short = "short" if form == "short" else None
            return str(owner.get_single_term(name=f"{term}-{int(month):02}", form=short))
        year = date.get("year")
        if year is None:
            return None
        suffix = state_of(owner).suffix_now
        if self.get("form", "long") == "short":
            return str(year)[-2:] + suffix
        text = str(abs(year)) + suffix
        if year < 0:
            text += str(owner.get_single_term(name="bc"))
        elif year < 1000:
            text += str(owner.get_single_term(name="ad"))
        return text

    def body(self, date: Any) -> str | None:
        text = self.value(date)
        if not text:
            return None
        if self.bare:
            return text
        return str(self.format(self.case(self.strip_periods(String(text)))))


def _affixed(part: _Part, text: str, prefix: bool = True, suffix: bool = True) -> str:
    return (
        (part.get("prefix", "") if prefix else "")
        + text
        + (part.get("suffix", "") if suffix else "")
    )


def _sort_key(date: Any, shown: set[str]) -> str:
    """The date as digits (the parts the cs:date shows, zeros for the others)."""
    year = date.year + 10000 if "year" in shown else 0
    month = (date.get("month") or 0) if "month" in shown else 0
    day = (date.get("day") or 0) if "day" in shown else 0
    return f"{year:05}{month if month <= 12 else 0:02}{day:02}"


def _implicit_suffix(element: Any) -> bool:
    """Does the style want year suffixes without placing them (then they follow the
    year of the issued date, as citeproc-js prints them)?"""
    st = state_of(element)
    if st.implicit_year_suffix is None:
        root = element.get_root()
        wanted = (root.citation.get("disambiguate-add-year-suffix") or "").lower() == "true"
        placed = root.xpath_search('.//cs:text[@variable="year-suffix"]')
        st.implicit_year_suffix = wanted and not placed
    return st.implicit_year_suffix


class Date(BareAffixes, FastFormat, CachedTerms, model.Date):  # type: ignore[misc]
    def get_date(self, form: str) -> Any:
        """The locale's date format ``form``, looked up once per style."""
        terms = state_of(self).terms
        key = ("date", form)
        if key not in terms:
            terms[key] = model.CitationStylesElement.get_date(self, form)
        return terms[key]

    def _parts(self) -> tuple[list[_Part], str]:
        """The date's parts (the locale's, with the style's overrides) and delimiter,
        read once."""
        found: tuple[list[_Part], str] | None = self.__dict__.get("_refs_parts")
        if found is None:
            found = self._read_parts()
            state_of(self).formatted[self] = True  # keeps this proxy alive
            self.__dict__["_refs_parts"] = found
        return found

    def _read_parts(self) -> tuple[list[_Part], str]:
        form = self.get("form")
        if form is None:
            parts = [_Part(dict(p.attrib), self) for p in self.iterchildren()]
            return parts, self.get("delimiter", "")
        localized = self.get_date(form)
        shown = (self.get("date-parts") or "year-month-day").split("-")
        overrides = {p.get("name"): dict(p.attrib) for p in self.iterchildren()}
        parts = []
        for p in localized.iterchildren():
            name = p.get("name")
            if name in shown:
                attrs = dict(p.attrib)
                attrs.update(
                    {
                        k: v
                        for k, v in overrides.get(name, {}).items()
                        if k not in ("prefix", "suffix")
                    }
                )
                parts.append(_Part(attrs, self))
        return parts, localized.get("delimiter", "")

    def _single(self, date: Any, parts: list[_Part], delimiter: str) -> str | None:
        out = []
        for part in parts:
            body = part.body(date)
            if body:
                out.append(_affixed(part, body))
        return delimiter.join(out) if out else None

    def _range(self, rng: Any, parts: list[_Part], delimiter: str) -> str | None:
        begin, end = rng.begin, rng.get("end")
        if end is None:
            return self._single(begin, parts, delimiter)
        if end.is_nil():  # an open range ("1987–")
            first = self._single(begin, parts, delimiter)
            if first is None:
                return None
            top_part = next((p for p in parts if p.name == "year"), None)
            dash = top_part.get("range-delimiter", EN_DASH) if top_part else EN_DASH
            return first + dash
        top = next((n for n in ORDER if begin.get(n) != end.get(n)), None)
        if top is None:
            return self._single(begin, parts, delimiter)
        differing = set(ORDER[ORDER.index(top) :])
        shown = [p for p in parts if p.body(begin) or p.body(end)]
        idx = [i for i, p in enumerate(shown) if p.name in differing]
        if not idx:
            return self._single(begin, parts, delimiter)
        lo, hi = min(idx), max(idx)
        top_part = next((p for p in shown if p.name == top), shown[lo])
        range_delim = top_part.get("range-delimiter", EN_DASH)

        def run(date: Any, first: bool) -> str:
            pieces = []
            for n, part in enumerate(shown[lo : hi + 1]):
                body = part.body(date) or ""
                pieces.append(
                    _affixed(part, body, prefix=first or n > 0, suffix=not first or n < hi - lo)
                )
            return delimiter.join(pieces)

        out = [_affixed(p, p.body(begin) or "") for p in shown[:lo]]
        out.append(run(begin, True) + range_delim + run(end, False))
        out.extend(_affixed(p, p.body(end) or "") for p in shown[hi + 1 :])
        return delimiter.join(out)

    def process(self, item: Any, variable: str | None = None, **kwargs: Any) -> Any:
        if variable is None:
            variable = self.get("variable")
        st = state_of(self)
        if variable in st.suppressed:
            return None
        value = item.reference.get(variable.replace("-", "_"))
        if not value:
            return None
        parts, delimiter = self._parts()
        if variable == "issued" and not st.sorting and _implicit_suffix(self):
            st.suffix_now = str(item.reference.get("year_suffix") or "")
        try:
            text = self._text(value, parts, delimiter)
        finally:
            st.suffix_now = ""
        if not text:
            return None
        st.note(variable)
        return self.wrap(self.format(String(str(text))))

    def _text(self, value: Any, parts: list[_Part], delimiter: str) -> str | None:
        st = state_of(self)
        if isinstance(value, LiteralDate):
            text = value.text if any(p.name == "year" for p in parts) else None
        elif st.sorting:
            # as the reference processor: a date sorts by its numeric key (BC first), a
            # range after its first date
            dates = [value.begin, value.get("end")] if isinstance(value, DateRange) else [value]
            shown = {p.name for p in parts}
            text = "/".join(_sort_key(d, shown) for d in dates if d is not None and not d.is_nil())
        elif isinstance(value, DateRange):
            text = self._range(value, parts, delimiter)
        else:
            text = self._single(value, parts, delimiter)
        return text

    def markup(self, text: Any) -> Any:
        return text
