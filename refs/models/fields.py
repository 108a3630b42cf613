"""The bibliographic fields of a reference: one model covering every CSL 1.0.2 variable
(names, dates, numbers as text, strings), the outlet refs reads from a source list, and
the fields outside CSL kept verbatim. The tables below are derived from the model."""

from __future__ import annotations

import dataclasses
from typing import Annotated

from refs.models.base import Frozen, PartialDate, Span, model
from refs.models.dump import dumped
from refs.models.names import Name
from refs.models.trusted import trusted

Names = tuple[Name, ...]
# A CSL number variable: text that keeps ranges and labels ("12-14", "2nd")
Number = Annotated[str | None, "csl-number"]


@model
class Fields(Frozen):
    """The bibliographic fields of a reference: the one model that the parsed reference,
    the library reference, the importers and the exporters share. The library's columns,
    its row conversion, merging, the JSON documents and each format's mapping are derived
    from these fields, so a field is added here once. The first seven are those of the
    parse JSON contract (always present there); the others appear where set."""

    title: str
    outlet: str | None = None  # as cited, cleaned of stray punctuation
    outlet_canonical: str | None = None
    issued: PartialDate | None = None
    type: str = "article-newspaper"  # CSL type
    publisher: str | None = None
    container_title: str | None = None
    # names
    author: Names = ()
    editor: Names = ()
    interviewer: Names = ()
    translator: Names = ()
    container_author: Names = ()
    collection_editor: Names = ()
    recipient: Names = ()
    reviewed_author: Names = ()
    original_author: Names = ()
    chair: Names = ()
    compiler: Names = ()
    composer: Names = ()
    contributor: Names = ()
    curator: Names = ()
    director: Names = ()
    editorial_director: Names = ()
    editor_translator: Names = ()
    executive_producer: Names = ()
    guest: Names = ()
    host: Names = ()
    illustrator: Names = ()
    narrator: Names = ()
    organizer: Names = ()
    performer: Names = ()
    producer: Names = ()
    script_writer: Names = ()
    series_creator: Names = ()
    # dates
    accessed: PartialDate | None = None
    available_date: PartialDate | None = None
    event_date: PartialDate | None = None
    original_date: PartialDate | None = None
    submitted: PartialDate | None = None
    # numbers
    page: Number = None
    page_first: Number = None
    volume: Number = None
    issue: Number = None
    number: Number = None
    edition: Number = None
    section: Number = None
    chapter_number: Number = None
    collection_number: Number = None
    number_of_pages: Number = None
    number_of_volumes: Number = None
    part_number: Number = None
    printing_number: Number = None
    supplement_number: Number = None
    version: Number = None
    # strings
    title_short: str | None = None
    container_title_short: str | None = None
    collection_title: str | None = None
    volume_title: str | None = None
    part_title: str | None = None
    original_title: str | None = None
    reviewed_title: str | None = None
    reviewed_genre: str | None = None
    url: str | None = None
    doi: str | None = None
    isbn: str | None = None
    issn: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    publisher_place: str | None = None
    original_publisher: str | None = None
    original_publisher_place: str | None = None
    event_title: str | None = None
    event: str | None = None  # CSL 1.0.1's name of event-title
    event_place: str | None = None
    genre: str | None = None
    medium: str | None = None
    language: str | None = None
    abstract: str | None = None
    note: str | None = None
    annote: str | None = None
    keyword: str | None = None
    archive: str | None = None
    archive_collection: str | None = None
    archive_location: str | None = None
    archive_place: str | None = None
    authority: str | None = None
    call_number: str | None = None
    citation_label: str | None = None
    dimensions: str | None = None
    division: str | None = None
    jurisdiction: str | None = None
    license: str | None = None
    references: str | None = None
    scale: str | None = None
    library_catalog: str | None = None  # CSL "source" (Reference.source is the article)
    status: str | None = None
    # fields outside CSL (a Zotero "extra" line, a custom BibTeX field): name, value
    extra_fields: tuple[tuple[str, str], ...] = ()


_FIELDS = dataclasses.fields(Fields)
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in _FIELDS)
# The fields of the parse JSON contract and of the library's own columns (schema v3)
CORE_FIELDS: tuple[str, ...] = FIELD_NAMES[:7]
_NOT_CSL = frozenset({"outlet", "outlet_canonical", "extra_fields"})
_UPPER = frozenset({"url", "doi", "isbn", "issn", "pmid", "pmcid"})
_UNDERSCORED = frozenset({"archive_location", "archive_collection"})
_RENAMED = {"library_catalog": "source"}


def _csl_name(name: str) -> str:
    if name in _RENAMED:
        return _RENAMED[name]
    if name in _UPPER:
        return name.upper()
    return name if name in _UNDERSCORED else name.replace("_", "-")


def _kind(annotation: object) -> str:
    """A field's kind from its annotation as written (the models' annotations are
    postponed: they are their text)."""
    if annotation == "Names":
        return "name"
    if annotation in ("PartialDate | None", "PartialDate"):
        return "date"
    return "number" if annotation == "Number" else "string"


# field -> its CSL-JSON variable, and each CSL variable's kind: "name", "date",
# "number" or "string"
CSL_VARIABLES: dict[str, str] = {n: _csl_name(n) for n in FIELD_NAMES if n not in _NOT_CSL}
FIELD_OF_CSL: dict[str, str] = {csl: n for n, csl in CSL_VARIABLES.items()}
KINDS: dict[str, str] = {f.name: _kind(f.type) for f in _FIELDS if f.name in CSL_VARIABLES}
NAME_FIELDS: tuple[str, ...] = tuple(n for n, k in KINDS.items() if k == "name")
DATE_FIELDS: tuple[str, ...] = tuple(n for n, k in KINDS.items() if k == "date")


def set_fields(fields: Fields) -> tuple[str, ...]:
    """The names of the fields of ``fields`` that hold a value (not empty, not default)."""
    return tuple(n for n in FIELD_NAMES if getattr(fields, n) not in (None, "", ()) and n != "type")


def fields_digest(fields: Fields) -> str:
    """A content identity of ``fields`` (the fields that differ from their default, as
    JSON): the same for the same values whatever the model's repr, and unchanged when a
    field is added to the model."""
    import hashlib  # (with json, a third of the fields model's import)
    import json

    values = dumped(fields_of(fields), exclude_defaults=True)
    text = json.dumps(values, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def fields_of(ref: Fields) -> Fields:
    """The bibliographic fields alone of a reference of any kind."""
    if type(ref) is Fields:
        return ref
    held = ref.__dict__  # a subclass of Fields: its values are Fields' values already
    return trusted(Fields, {name: held[name] for name in FIELD_NAMES})


@model
class Keyed(Fields):
    """Fields with the citation key: what exports and rendering take. ``aliases`` are
    other keys that resolve to it (the key an item had in an imported file where that
    was taken, keys merged into it)."""

    key: str
    aliases: tuple[str, ...] = ()


@model
class Reference(Keyed):
    """A normalised reference as cited by one article."""

    raw: str
    source: str = ""  # article path
    index: int = 0
    span: Span | None = None
    flags: tuple[str, ...] = ()


@model
class Citation(Frozen):
    """Where a library reference was cited (provenance)."""

    article: str  # article source path as added
    article_id: str  # stable identity of the article (publication, issue, title, list)
    issue: str | None = None
    index: int  # position in that article's source list
    raw: str
    line: int | None = None


@model
class LibraryReference(Keyed):
    """A deduplicated reference in the library with all its citations."""

    citations: tuple[Citation, ...] = ()
