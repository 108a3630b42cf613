"""The date evidence of a (claim, reference) pair, for :mod:`refs.check.link`: a claim's
dates prepared once against the article's references (its own dates, else the date in
force at half weight), and how a reference's date agrees with them (the same day, the
first report after the event, a later report, the same month, a slip of the month) or
contradicts them (the report predates the event, or comes long after it)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from refs.check import named_dates as claimdates
from refs.models import Claim, PartialDate
from refs.models.trusted import filled

SAME_DAY = 0.6
FIRST_REPORT = 0.5  # the first report after the event (1-4 days later)
LATER = {1: 0.35, 2: 0.3, 3: 0.25, 4: 0.15}  # days after the event
SAME_MONTH = 0.3
SLIP = 0.4
RANGE_END = 0.5  # a report dated on the last day of a multi-day event
PREDATES = 0.4  # factor when the report is dated before the event
STALE = 0.6  # factor when the report comes more than STALE_DAYS after it
STALE_DAYS = 10


class Dated(Protocol):
    """What the date evidence reads of a reference (``link.RefFeatures``)."""

    @property
    def issued(self) -> date | None: ...  # full date

    @property
    def month(self) -> tuple[int, int] | None: ...  # (year, month) when known


NO_YEAR = claimdates.NO_YEAR


def month_of(d: PartialDate | None) -> tuple[int, int] | None:
    if d is None or d.month is None:
        return None
    return (d.year if d.year is not None else NO_YEAR, d.month)


def day_of(d: PartialDate) -> date | None:
    if d.year is None and d.month is not None and d.day is not None:
        return claimdates.to_date(dataclasses.replace(d, year=NO_YEAR))
    return claimdates.to_date(d)


@dataclass(frozen=True)
class ClaimDates:
    """A claim's dates, prepared once against all references of the article."""

    full: tuple[date, ...]
    months: tuple[tuple[int, int], ...]
    weight: float  # 1 for the claim's own dates, 0.5 for inherited ones
    later_share: int  # references dated 1-4 days after one of the dates
    month_share: int  # references dated in one of the months
    first: int | None  # days from the event to the first report of it (at most 4)
    events: frozenset[date]  # days the article's claims name


def _claim_dates(
    dates: Sequence[PartialDate], weight: float, refs: Sequence[Dated],
    events: frozenset[date],
) -> ClaimDates:  # fmt: skip
    """``events``: the days the article's claims name; a report dated on one of them is
    that day's report rather than a later report of another event."""
    full = tuple(x for d in dates if (x := day_of(d)) is not None)
    months = tuple(m for d in dates if d.day is None and (m := month_of(d)) is not None)
    later = sum(1 for r in refs if r.issued and any(0 < (r.issued - d).days <= 4 for d in full))
    in_month = sum(1 for r in refs if r.month in months) if months else 0
    gaps = [
        g
        for r in refs
        if r.issued
        for d in full
        if 0 <= (g := (r.issued - d).days) <= 4 and (g == 0 or r.issued not in events)
    ]
    first = min(gaps) if gaps else None
    return ClaimDates(full, months, weight, later, in_month, first, events)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _month_name(month: tuple[int, int]) -> str:
    year = None if month[0] == NO_YEAR else month[0]
    return claimdates.spoken(filled(PartialDate, {"year": year, "month": month[1]}))


def date_evidence(cd: ClaimDates, ref: Dated) -> tuple[float, str, float]:
    """Best date agreement (strength, evidence text) and a contradiction factor."""
    full, months, weight = cd.full, cd.months, cd.weight
    best = (0.0, "")
    factor = 1.0
    if ref.issued is not None and full:
        after = [x for d in full if (x := (ref.issued - d).days) >= 0]
        if after:
            delta = min(after)
            if delta == 0:
                p, when = SAME_DAY * weight, "same day"
            elif delta == cd.first and ref.issued not in cd.events:
                p, when = FIRST_REPORT * weight, f"the first report, {_days(delta)} after"
            else:
                share = max(cd.later_share, 1)
                p = LATER.get(delta, 0.0) / math.sqrt(share) * weight
                when = f"{_days(delta)} after the event"
            if len(full) > 1 and ref.issued == max(full) and weight == 1.0:
                p, when = max(p, RANGE_END), "the last day of the event"
            if p > 0:
                best = (p, f"dated {claimdates.spoken_day(ref.issued)}, {when}")
            elif delta > STALE_DAYS:
                factor = STALE
        else:
            factor = PREDATES if weight == 1.0 else 1.0
        if best[0] == 0.0:
            for d in full:
                if ref.issued.day == d.day and abs(ref.issued.month - d.month) == 1:
                    factor = 1.0
                    best = (SLIP * weight, f"the day ({d.day}) agrees but not the month: a slip?")
                    break
    if ref.month is not None and months:
        if ref.month in months:
            p = SAME_MONTH / math.sqrt(max(cd.month_share, 1)) * weight
            if p > best[0]:
                best = (p, f"dated in the month the claim names ({_month_name(ref.month)})")
        elif weight == 1.0 and not full:
            factor = STALE
    return best[0], best[1], factor


def prepare(
    claim: Claim, refs: Sequence[Dated], events: frozenset[date] = frozenset()
) -> ClaimDates:
    """The claim's own dates, else the date in force (half weight)."""
    own = claim.cues.dates
    return _claim_dates(own or claim.cues.context_dates, 1.0 if own else 0.5, refs, events)


def home(ref: Dated, events: frozenset[date]) -> date | None:
    """The latest day the article names that the reference may report (dated on it or
    up to 4 days later)."""
    if ref.issued is None:
        return None
    days = [d for d in events if 0 <= (ref.issued - d).days <= 4]
    return max(days) if days else None


def in_force(cd: ClaimDates, ref: Dated) -> bool:
    """The reference may report what happened on the date in force: no date on either
    side, or a report dated on it or up to STALE_DAYS later (or in its month)."""
    if ref.issued is None or not (cd.full or cd.months):
        return True
    if any(0 <= (ref.issued - d).days <= STALE_DAYS for d in cd.full):
        return True
    return ref.month in cd.months
