"""References -> BibLaTeX (biber): ``@article`` with ``journaltitle`` and
``entrysubtype = {newspaper}`` for periodical items (pandoc reads them as newspaper and
magazine articles), ``@online`` for web items (the site in ``journaltitle``),
``@report`` for reports, ``@performance`` for speeches (the outlet in ``journaltitle``),
``@unpublished`` for documents that appeared in nothing (the issuer in
``howpublished``) and ``@misc`` for the rest; ``date`` in ISO
8601 at the known precision, a date without a year in words in ``year``. List fields
(``publisher``, ``organization``, ``institution``) are braced whole, so that
``Disarmament and Security Centre`` stays one organisation in biber, pandoc and
citation.js; dates in EDTF for ranges, seasons and circa; names, numbers, identifiers
and the other fields by ``bib_fields.BIBLATEX``; aliases in ``ids``."""

from __future__ import annotations

from collections.abc import Sequence

from refs.formats.bib_entries import BibField, safe_keys, sorted_refs, write_bib
from refs.formats.bib_fields import BIBLATEX, extra_bib_fields, more_fields
from refs.formats.bib_types import LIST_FIELDS, biblatex_type
from refs.formats.bibtex_write import container
from refs.formats.csl_dates import yearless_text
from refs.formats.latex import escape
from refs.models import Keyed, PartialDate


def field(name: str, text: str) -> BibField:
    """An escaped field; a list field's value is one name, so it is braced whole."""
    value = escape(text)
    if name in LIST_FIELDS:
        value = "{" + value + "}"
    return BibField(name, value)


# Types written as ``@unpublished`` when they appeared in nothing: pandoc reads that as
# a manuscript (``@misc`` has no CSL type there) and the issuer from ``howpublished``.
UNPUBLISHED_TYPES = frozenset({"document"})
# A speech is a ``@performance`` (a type of biblatex's data model that its standard
# styles print as ``@misc``): pandoc reads it as a speech, where ``@unpublished`` without
# an event is a manuscript to it and ``@misc`` nothing.
SPEECH = "performance"
# the entry types whose container pandoc reads only from ``journaltitle``
JOURNALTITLE_TYPES = frozenset({"online", SPEECH})


def entry_type_of(ref: Keyed) -> tuple[str, str | None]:
    """The entry type and entrysubtype of ``ref``."""
    entry_type, subtype = biblatex_type(ref.type)
    if ref.type == "speech":
        return SPEECH, subtype
    if ref.type in UNPUBLISHED_TYPES and not container(ref):
        return "unpublished", subtype
    return entry_type, subtype


def outlet_fields(ref: Keyed, entry_type: str) -> list[BibField]:
    """Where it appeared and who issued it, each once."""
    where = container(ref)
    if entry_type == "unpublished":
        return [field("howpublished", ref.publisher)] if ref.publisher else []
    if entry_type in JOURNALTITLE_TYPES and where:
        fields = [field("journaltitle", where)]
        if ref.publisher:
            fields.append(field("organization", ref.publisher))
        return fields
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


def date_fields(date: PartialDate | None) -> list[BibField]:
    """``date`` in EDTF where the year is known; a date without a year in words in
    ``year`` (``year = {March 5}``), which biber keeps as a literal year and pandoc reads
    as a literal date (EDTF has no year-less date that either reads)."""
    if date is None:
        return []
    if date.year is not None:
        return [BibField("date", date.edtf())]
    text = yearless_text(date)
    return [BibField("year", escape(text))] if text else []


def outlet_as_name(ref: Keyed, fields: list[BibField]) -> list[BibField]:
    """An item without author or editor is cited by its outlet, as CSL styles cite it
    (``Associated Press 2000g``): ``shortauthor`` is a name biblatex cites by (labelname,
    so biber gives the year its letter) without printing it in the bibliography, and
    ``sortname`` sorts the entry there. The outlet is the one the entry names (its
    ``journaltitle`` or ``howpublished``, else its organization), braced as an institution."""
    if ref.author or ref.editor:
        return []
    written = [f.value for f in fields if f.name in ("journaltitle", "howpublished") and f.value]
    bodies = [f.value for f in fields if f.name in ("organization", "institution") and f.value]
    if written:
        name = "{" + written[0] + "}"
    elif bodies:
        name = bodies[0] if bodies[0].startswith("{") else "{" + bodies[0] + "}"  # braced
    else:
        return []
    return [BibField("shortauthor", name), BibField("sortname", name)]


def export(refs: Sequence[Keyed]) -> str:
    """BibLaTeX for ``refs``, sorted by key."""
    ordered = sorted_refs(refs)
    entries = []
    for key, ref in zip(safe_keys(ordered), ordered, strict=True):
        entry_type, subtype = entry_type_of(ref)
        fields = [BibField("title", escape(ref.title, protect_case=True))]
        fields += outlet_fields(ref, entry_type)
        fields += date_fields(ref.issued)
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
