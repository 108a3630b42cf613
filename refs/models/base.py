"""The base models: frozen models, severities, dates, spans, the article and its raw
entries. No logic beyond small derived views."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class PartialDate(Frozen):
    """A calendar date at the precision the text gives, as CSL dates are: ``year`` is None
    where it could not be inferred; ``year_inferred`` tells that the year came from the
    issue date. ``season`` (1-4: spring to winter), ``circa``, a range's ``end`` and a
    ``literal`` (a date given only as text) complete CSL's date model."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_inferred: bool = False
    season: int | None = None
    circa: bool = False
    literal: str | None = None
    end: PartialDate | None = None

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

    def edtf(self) -> str:
        """EDTF (ISO 8601-2): :meth:`iso` where nothing more is known, a season as month
        21-24, ``~`` for circa and ``start/end`` for a range; the literal where the date
        has no parts."""
        if self.year is None and self.month is None and self.literal:
            return self.literal
        out = self.iso()
        if self.season is not None and self.month is None and self.year is not None:
            out += f"-{20 + self.season}"
        if self.circa:
            out += "~"
        if self.end is not None:
            out += "/" + self.end.edtf()
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
