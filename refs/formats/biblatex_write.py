"""References -> BibLaTeX (biber): ``@article`` with ``journaltitle`` and
``entrysubtype = {newspaper}`` for periodical items, ``@online``/``@misc`` for the rest;
``date`` in ISO 8601 at the known precision (EDTF for ranges, seasons, circa); names,
numbers, identifiers and the other fields by ``bib_fields.BIBLATEX``; aliases in ``ids``."""

from __future__ import annotations

from collections.abc import Sequence

from refs.formats.bib_entries import BibField, safe_keys, sorted_refs, write_bib
from refs.formats.bib_fields import BIBLATEX, extra_bib_fields, more_fields
from refs.formats.bib_types import biblatex_type
from refs.formats.bibtex_write import outlet_fields
from refs.formats.latex import escape
from refs.models import Keyed


def outlet_as_name(ref: Keyed, fields: list[BibField]) -> list[BibField]:
    """An item without author or editor is cited by its outlet, as CSL styles cite it
    (``Associated Press 2000g``): ``shortauthor`` is a name biblatex cites by (labelname,
    so biber gives the year its letter) without printing it in the bibliography, and
    ``sortname`` sorts the entry there. The outlet is the one the entry names (its
    ``journaltitle`` or ``howpublished``), braced as an institution."""
    if ref.author or ref.editor:
        return []
    written = [f.value for f in fields if f.name in ("journaltitle", "howpublished")]
    if not written:
        return []
    name = "{" + written[0] + "}"
    return [BibField("shortauthor", name), BibField("sortname", name)]


def export(refs: Sequence[Keyed]) -> str:
    """BibLaTeX for ``refs``, sorted by key."""
    ordered = sorted_refs(refs)
    entries = []
    for key, ref in zip(safe_keys(ordered), ordered, strict=True):
        entry_type, subtype = biblatex_type(ref.type)
        fields = [BibField("title", escape(ref.title, protect_case=True))]
        if entry_type == "article":
            journal = ref.container_title or ref.outlet or ref.publisher
            if journal:
                fields.append(BibField("journaltitle", escape(journal)))
            if ref.publisher:
                fields.append(BibField("publisher", escape(ref.publisher)))
        else:
            fields += outlet_fields(ref)
        if ref.issued is not None:
            iso = ref.issued.edtf() if ref.issued.year is not None else ref.issued.iso()
            if iso:
                name = "date" if ref.issued.year is not None else "issued"
                fields.append(BibField(name, iso))
        if subtype:
            fields.append(BibField("entrysubtype", escape(subtype)))
        fields += outlet_as_name(ref, fields)
        fields += more_fields(ref, BIBLATEX)
        fields += extra_bib_fields(ref, {f.name for f in fields} | {"ids"})
        aliases = [a for a in ref.aliases if a != key]
        if aliases:
            fields.append(BibField("ids", escape(", ".join(aliases))))
        entries.append((entry_type, key, fields))
    return write_bib(entries)
