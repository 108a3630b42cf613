"""The base models: frozen models, severities, dates, spans, the article and its raw
entries. No logic beyond small derived views."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, TypeVar, dataclass_transform

from refs.models.trusted import defaults, made

T = TypeVar("T")


@dataclass_transform(kw_only_default=True, frozen_default=True, eq_default=False)
def model(cls: type[T]) -> type[T]:
    """A model class: a frozen dataclass whose ``__init__``, equality, hash and repr are
    :class:`Frozen`'s (the ones a dataclass writes out for each class of a hundred
    fields cost a fifth of ``refs check``'s start-up). Type checkers read it as a
    frozen, keyword-only dataclass."""
    return dataclass(frozen=True, kw_only=True, init=False, eq=False, repr=False)(cls)


class Frozen:
    """The base of refs's models (each made by :func:`model`): frozen dataclasses, cheap
    to import and to make. Data from outside (imported files, a library's JSON, a hand
    edit) is validated into them by pydantic (``refs.models.valid``), which only those
    commands load; an unknown field is an error there."""

    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}

    def __init__(self, **values: Any) -> None:
        """Every field given or at its default (a TypeError for an unknown field or a
        required one left out, as a dataclass's ``__init__`` raises)."""
        made(self, values)

    def __eq__(self, other: object) -> bool:
        return other.__class__ is self.__class__ and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        values = self.__dict__
        return hash(tuple([values[name] for name in defaults(self.__class__)]))

    def __repr__(self) -> str:
        """Every field in order, as a dataclass (and pydantic) writes it: merging orders
        tied name lists by their repr (``refs.dedupe.merge``), so it stays this."""
        values = self.__dict__
        shown = ", ".join(f"{n}={values[n]!r}" for n in defaults(self.__class__))
        return f"{self.__class__.__name__}({shown})"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@model
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


@model
class Span(Frozen):
    """Character offsets into the article text (end exclusive) and the 1-based line."""

    start: int
    end: int
    line: int


@model
class Paragraph(Frozen):
    text: str
    span: Span


@model
class SourceList(Frozen):
    label: str  # "Reports" or "Report"
    text: str  # the list after the label, up to its end marker
    span: Span  # of ``text``


@model
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


@model
class RawReference(Frozen):
    """One source-list entry split into its parts, before normalisation."""

    index: int  # 0-based position in the source list
    raw: str  # the entry as found (whitespace trimmed)
    title: str
    outlet: str | None
    date_text: str | None
    span: Span
    flags: tuple[str, ...] = ()  # e.g. "damaged-quotes", "no-date", "no-outlet"
