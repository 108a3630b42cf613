"""References -> BibTeX for ``plain.bst`` and the natbib styles (``plainnat``,
``unsrtnat``, ``abbrvnat``): ``@misc`` entries that BibTeX processes without a warning,
escaped and case-protected text, month macros.

An authorless news item is cited by who issued it: the outlet (or the publishing body)
is the entry's corporate ``author`` in braces, so that natbib's author-year label reads
``Associated Press (2000)`` and no style prints the title twice (natbib prints ``key``
where an author is missing, and ``plain.bst`` needs an author or a key to sort).
``howpublished`` names the container where a publisher is the author; ``organization``
(which no ``@misc`` driver prints) keeps the publisher for reading back. A date without
a year has ``year = {n.d.}`` for the author-year styles and the date itself in
``issued``."""

from __future__ import annotations

from collections.abc import Sequence

from refs.formats.bib_entries import BibField, safe_keys, sorted_refs, write_bib
from refs.formats.bib_fields import BIBTEX, more_fields
from refs.formats.bib_types import MONTHS, NO_YEAR
from refs.formats.latex import escape
from refs.models import Keyed, PartialDate


def date_fields(date: PartialDate | None) -> list[BibField]:
    """``year``, ``month`` (macro) and ``day`` at the known precision. A date without a
    year is kept in ``issued`` (ISO ``--MM-DD``) rather than a month that BibTeX would
    warn about."""
    if date is None or date.year is None:
        iso = date.iso() if date is not None else ""
        return [BibField("year", NO_YEAR)] + ([BibField("issued", iso)] if iso else [])
    fields = [BibField("year", str(date.year))]
    if date.month is not None and 1 <= date.month <= 12:
        fields.append(BibField("month", MONTHS[date.month - 1], macro=True))
        if date.day is not None:
            fields.append(BibField("day", str(date.day)))
    return fields


def container(ref: Keyed) -> str | None:
    """Where it appeared: the container, else the outlet where no publisher is known
    (None where that is the publisher itself)."""
    where = ref.container_title or (None if ref.publisher else ref.outlet)
    return None if where == ref.publisher else where


def outlet_fields(ref: Keyed) -> list[BibField]:
    """Who issued it (a corporate author where the item has no author of its own, whose
    names ``more_fields`` writes), where it appeared when that differs, and the
    publisher."""
    where = container(ref)
    who = escape(ref.publisher or where or "")  # empty where it is control characters only
    fields: list[BibField] = []
    if ref.author:
        pass
    elif ref.editor:  # plain.bst sorts a @misc by its author or its key
        fields.append(BibField("key", escape(ref.title)))
    elif who:
        fields.append(BibField("author", "{" + who + "}"))
    else:
        fields.append(BibField("key", "Anonymous"))
    if ref.publisher and where:
        fields.append(BibField("howpublished", escape(where)))
    if ref.publisher:
        fields.append(BibField("organization", escape(ref.publisher)))
    return fields


def export(refs: Sequence[Keyed]) -> str:
    """BibTeX for ``refs``, sorted by key."""
    ordered = sorted_refs(refs)
    entries = []
    for key, ref in zip(safe_keys(ordered), ordered, strict=True):
        fields = [BibField("title", escape(ref.title, protect_case=True))]
        fields += outlet_fields(ref)
        fields += date_fields(ref.issued)
        fields.append(BibField("entrysubtype", escape(ref.type)))
        fields += more_fields(ref, BIBTEX)
        entries.append(("misc", key, fields))
    return write_bib(entries)
