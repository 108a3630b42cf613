"""References -> BibTeX for ``plain.bst`` and friends: ``@misc`` entries that BibTeX
processes without a warning (``howpublished`` names the outlet, ``key`` gives the sort
key that authorless entries need), escaped and case-protected text, month macros."""

from __future__ import annotations

from collections.abc import Sequence

from refs.formats.bib_entries import BibField, safe_keys, sorted_refs, write_bib
from refs.formats.bib_fields import BIBTEX, more_fields
from refs.formats.bib_types import MONTHS
from refs.formats.latex import escape
from refs.models import Keyed, PartialDate


def date_fields(date: PartialDate | None) -> list[BibField]:
    """``year``, ``month`` (macro) and ``day`` at the known precision. A date without a
    year is kept in ``issued`` (ISO ``--MM-DD``) rather than a month that BibTeX would
    warn about."""
    if date is None:
        return []
    if date.year is None:
        iso = date.iso()
        return [BibField("issued", iso)] if iso else []
    fields = [BibField("year", str(date.year))]
    if date.month is not None and 1 <= date.month <= 12:
        fields.append(BibField("month", MONTHS[date.month - 1], macro=True))
        if date.day is not None:
            fields.append(BibField("day", str(date.day)))
    return fields


def outlet_fields(ref: Keyed) -> list[BibField]:
    """Where it appeared (printed by ``plain.bst``) and who published it."""
    fields: list[BibField] = []
    where = ref.container_title or ref.publisher or ref.outlet
    if where:
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
        fields.append(BibField("key", escape(ref.title)))
        fields += more_fields(ref, BIBTEX)
        entries.append(("misc", key, fields))
    return write_bib(entries)
