"""The models of the claim check: cues, claims, links and coverage."""

from __future__ import annotations

from dataclasses import field

from refs.models.base import Frozen, PartialDate, Span, model


@model
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


@model
class Claim(Frozen):
    id: str
    text: str  # exact substring of the article text
    span: Span
    cues: Cues = field(default_factory=Cues)


@model
class Link(Frozen):
    claim_id: str
    key: str
    score: float
    evidence: tuple[str, ...] = ()


@model
class CoverageReport(Frozen):
    supported: tuple[str, ...] = ()  # claim ids
    unsupported: tuple[str, ...] = ()  # claim ids
    unused_references: tuple[str, ...] = ()  # reference keys

    @property
    def coverage(self) -> float:
        total = len(self.supported) + len(self.unsupported)
        return len(self.supported) / total if total else 1.0
