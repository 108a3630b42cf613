"""The fields beyond title, outlet and issue date, BibTeX and BibLaTeX both ways: one
table per format from the fields model to the field names, as Zotero's BibTeX and
BibLaTeX translators write them. A field a format has no place for is reported by the
exporter (``uncarried``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from refs.formats.bib_entries import BibField
from refs.formats.bib_names import bib_names, names_of_bib
from refs.formats.csl_dates import edtf_date
from refs.formats.latex import escape
from refs.models import KINDS, Keyed, set_fields
from refs.patterns import compiled

# model field -> BibLaTeX field (names, dates as EDTF, text)
BIBLATEX: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "container_author": "bookauthor",
    "accessed": "urldate",
    "event_date": "eventdate",
    "original_date": "origdate",
    "page": "pages",
    "volume": "volume",
    "issue": "number",
    "number": "number",
    "edition": "edition",
    "number_of_pages": "pagetotal",
    "number_of_volumes": "volumes",
    "url": "url",
    "doi": "doi",
    "isbn": "isbn",
    "issn": "issn",
    "publisher_place": "location",
    "event_title": "eventtitle",
    "event_place": "venue",
    "genre": "type",
    "language": "langid",
    "abstract": "abstract",
    "note": "note",
    "annote": "annotation",
    "keyword": "keywords",
    "title_short": "shorttitle",
    "container_title_short": "shortjournal",
    "collection_title": "series",
    "volume_title": "maintitle",
    "original_title": "origtitle",
}
# model field -> BibTeX field (what plain.bst and natbib's styles read)
BIBTEX: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "page": "pages",
    "volume": "volume",
    "issue": "number",
    "number": "number",
    "edition": "edition",
    "url": "url",
    "doi": "doi",
    "isbn": "isbn",
    "issn": "issn",
    "publisher_place": "address",
    "note": "note",
    "abstract": "abstract",
    "keyword": "keywords",
    "language": "language",
    "collection_title": "series",
}
# carried by the writers' own code (title, outlet, date, type) or derived from others
_WRITTEN_APART = frozenset({"title", "outlet", "outlet_canonical", "issued", "type"})
_BIBTEX_APART = frozenset({"publisher", "container_title"})
_BIBLATEX_APART = frozenset({"publisher", "container_title", "extra_fields"})


_VERBATIM = frozenset({"url", "doi"})  # biblatex and url.sty read these verbatim
_FIELD_NAME = compiled(r"[a-z][a-z0-9_-]*")


def _value(name: str, value: Any) -> str | None:
    kind = KINDS.get(name)
    if kind == "name":
        return bib_names(value)
    if kind == "date":  # EDTF; a date given only as text has no place
        return None if value.year is None else str(value.edtf())
    text = str(value)
    if name in _VERBATIM and not any(c in text for c in "{}\\"):
        return text
    return escape(text)


def more_fields(ref: Keyed, table: Mapping[str, str]) -> list[BibField]:
    """The fields of ``table`` that ``ref`` sets (``issue`` before ``number``: both
    write ``number``, the first one set wins), then BibLaTeX-style extra fields."""
    out: list[BibField] = []
    written: set[str] = set()
    for name, bib in table.items():
        value = getattr(ref, name)
        if value in (None, "", ()) or bib in written:
            continue
        text = _value(name, value)
        if text:
            out.append(BibField(bib, text))
            written.add(bib)
    return out


def extra_bib_fields(ref: Keyed, taken: set[str]) -> list[BibField]:
    """Fields outside CSL written back under their own names (where the name is a
    plain field name not written already)."""
    out = []
    for name, value in ref.extra_fields:
        field = name.lower()
        if _FIELD_NAME.fullmatch(field) and field not in taken:
            out.append(BibField(field, escape(value)))
            taken.add(field)
    return out


def uncarried(ref: Keyed, table: Mapping[str, str], biblatex: bool) -> list[str]:
    """The set fields of ``ref`` that a format with ``table`` cannot carry."""
    apart = _WRITTEN_APART | (_BIBLATEX_APART if biblatex else _BIBTEX_APART)
    out = [n for n in set_fields(ref) if n not in apart and n not in table]
    if ref.issue and ref.number and table.get("issue") == table.get("number"):
        out.append("number")
    out += [
        n
        for n in set_fields(ref)
        if KINDS.get(n) == "date" and n in table and getattr(ref, n).year is None
    ]
    return sorted(out)


def _read(name: str, text: str) -> Any:
    kind = KINDS.get(name)
    if kind == "name":
        return names_of_bib(text) or None
    if kind == "date":
        return edtf_date(text)
    return text


def read_more(
    raw: Callable[[str], str | None], text: Callable[[str], str | None], periodical: bool
) -> dict[str, Any]:
    """Model values of the fields of both tables found in an entry (``raw`` gives a
    field's LaTeX, ``text`` its plain text); ``number`` is the issue of a periodical,
    else the number (of a report, a bill)."""
    out: dict[str, Any] = {}
    skip = "number" if periodical else "issue"
    for table in (BIBLATEX, BIBTEX):
        for name, bib in table.items():
            if name in out or name == skip:
                continue
            source = raw(bib) if KINDS.get(name) == "name" else text(bib)
            if source:
                value = _read(name, source)
                if value is not None:
                    out[name] = value
    return out


READ_FIELDS = frozenset(BIBLATEX.values()) | frozenset(BIBTEX.values())
