"""Frozen pydantic models shared by every stage. No logic beyond validators and
small derived views."""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class PartialDate(Frozen):
    """A calendar date at the precision the text gives. ``year`` is None where it could
    not be inferred; ``year_inferred`` tells that the year came from the issue date."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_inferred: bool = False

    def iso(self) -> str:
        """ISO 8601 at the known precision: ``2000``, ``2000-10``, ``2000-10-24``;
        ``--10-24`` / ``--10`` where the year is unknown."""
        if self.year is None:
            if self.month is None:
                return ""
            return f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out

    def parts(self) -> list[int]:
        """CSL date-parts for this date (empty where the year is unknown)."""
        if self.year is None:
            return []
        return [p for p in (self.year, self.month, self.day) if p is not None]


class Span(Frozen):
    """Character offsets into the article text (end exclusive) and the 1-based line."""

    start: int
    end: int
    line: int


class Paragraph(Frozen):
    text: str
    span: Span


class SourceList(Frozen):
    label: str  # "Reports" or "Report"
    text: str  # the list after the label, up to its end marker
    span: Span  # of ``text``


class Article(Frozen):
    source: str  # path as given by the user
    text: str  # the whole decoded file
    layout: str  # "text", "flattened" or "headless"
    publication: str | None = None
    issue: str | None = None
    issue_date: PartialDate | None = None  # the (last) month of the issue
    issue_date_start: PartialDate | None = None  # first month, for ranges
    title: str | None = None
    title_span: Span | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    source_list: SourceList | None = None

    def issue_date_iso(self) -> str | None:
        if self.issue_date is None:
            return None
        end = self.issue_date.iso()
        if self.issue_date_start is not None and self.issue_date_start != self.issue_date:
            return f"{self.issue_date_start.iso()}/{end}"
        return end


class RawReference(Frozen):
    """One source-list entry split into its parts, before normalisation."""

    index: int  # 0-based position in the source list
    raw: str  # the entry as found (whitespace trimmed)
    title: str
    outlet: str | None
    date_text: str | None
    span: Span
    flags: tuple[str, ...] = ()  # e.g. "damaged-quotes", "no-date", "no-outlet"


class Fields(Frozen):
    """The bibliographic fields of a reference: the one model that the parsed reference,
    the library reference, the importers and the exporters share. The library's columns,
    its row conversion, merging and the JSON documents are derived from these fields, so
    a field is added here once."""

    title: str
    outlet: str | None = None  # as cited, cleaned of stray punctuation
    outlet_canonical: str | None = None
    issued: PartialDate | None = None
    type: str = "article-newspaper"  # CSL type
    publisher: str | None = None
    container_title: str | None = None


FIELD_NAMES: tuple[str, ...] = tuple(Fields.model_fields)


def fields_digest(fields: Fields) -> str:
    """A content identity of ``fields`` (the fields that differ from their default, as
    JSON): the same for the same values whatever the model's repr, and unchanged when a
    field is added to the model."""
    values = fields_of(fields).model_dump(mode="json", exclude_defaults=True)
    text = json.dumps(values, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def fields_of(ref: Fields) -> Fields:
    """The bibliographic fields alone of a reference of any kind."""
    if type(ref) is Fields:
        return ref
    return Fields.model_construct(**{name: getattr(ref, name) for name in FIELD_NAMES})


class Keyed(Fields):
    """Fields with the citation key: what exports and rendering take."""

    key: str


class Reference(Keyed):
    """A normalised reference as cited by one article."""

    raw: str
    source: str = ""  # article path
    index: int = 0
    span: Span | None = None
    flags: tuple[str, ...] = ()


class Citation(Frozen):
    """Where a library reference was cited (provenance)."""

    article: str  # article source path as added
    article_id: str  # stable identity of the article (publication, issue, title, list)
    issue: str | None = None
    index: int  # position in that article's source list
    raw: str
    line: int | None = None


class LibraryReference(Keyed):
    """A deduplicated reference in the library with all its citations."""

    citations: tuple[Citation, ...] = ()


class Cues(Frozen):
    dates: tuple[PartialDate, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    verb: str | None = None
    outlets: tuple[str, ...] = ()  # outlets the claim names ("told the Associated Press")
    kinds: tuple[str, ...] = ()  # document kinds named ("interview", "briefing")
    context_dates: tuple[PartialDate, ...] = ()  # undated claim: dates of the claim before
    relative: str | None = None  # relative date expression resolved ("the following day")
    speaker: str | None = None  # the person who speaks (attributed statements)


class Claim(Frozen):
    id: str
    text: str  # exact substring of the article text
    span: Span
    cues: Cues = Field(default_factory=Cues)


class Link(Frozen):
    claim_id: str
    key: str
    score: float
    evidence: tuple[str, ...] = ()


class CoverageReport(Frozen):
    supported: tuple[str, ...] = ()  # claim ids
    unsupported: tuple[str, ...] = ()  # claim ids
    unused_references: tuple[str, ...] = ()  # reference keys

    @property
    def coverage(self) -> float:
        total = len(self.supported) + len(self.unsupported)
        return len(self.supported) / total if total else 1.0
