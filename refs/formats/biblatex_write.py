"""References -> BibLaTeX (biber): ``@article`` with ``journaltitle`` and
``entrysubtype = {newspaper}`` for periodical items (pandoc reads them as newspaper and
magazine articles), ``@online`` for web items, ``@report`` for reports and ``@misc`` for
the rest; ``date`` in ISO 8601 at the known precision. List fields (``publisher``,
``organization``, ``institution``) are braced whole, so that ``Disarmament and Security
Centre`` stays one organisation in biber, pandoc and citation.js."""

from __future__ import annotations

from collections.abc import Sequence

from refs.formats.bib_entries import BibField, safe_keys, sorted_refs, write_bib
from refs.formats.bib_types import LIST_FIELDS, biblatex_type
from refs.formats.bibtex_write import container
from refs.formats.latex import escape
from refs.models import Keyed


def field(name: str, text: str) -> BibField:
    """An escaped field; a list field's value is one name, so it is braced whole."""
    value = escape(text)
    if name in LIST_FIELDS:
        value = "{" + value + "}"
    return BibField(name, value)


def outlet_fields(ref: Keyed, entry_type: str) -> list[BibField]:
    """Where it appeared and who issued it, each once."""
    where = container(ref)
    if entry_type == "article":
        journal = where or ref.publisher
        fields = [field("journaltitle", journal)] if journal else []
        if ref.publisher:  # not printed by biblatex's @article
            fields.append(field("publisher", ref.publisher))
        return fields
    fields = [field("howpublished", where)] if where else []
    if ref.publisher:
        body = "institution" if entry_type == "report" else "organization"
        fields.append(field(body, ref.publisher))
    return fields


def export(refs: Sequence[Keyed]) -> str:
    """BibLaTeX for ``refs``, sorted by key."""
    ordered = sorted_refs(refs)
    entries = []
    for key, ref in zip(safe_keys(ordered), ordered, strict=True):
        entry_type, subtype = biblatex_type(ref.type)
        fields = [BibField("title", escape(ref.title, protect_case=True))]
        fields += outlet_fields(ref, entry_type)
        if ref.issued is not None:
            iso = ref.issued.iso()
            if iso:
                name = "date" if ref.issued.year is not None else "issued"
                fields.append(BibField(name, iso))
        if subtype:
            fields.append(BibField("entrysubtype", escape(subtype)))
        entries.append((entry_type, key, fields))
    return write_bib(entries)
