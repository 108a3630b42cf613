"""Claims x References -> the evidence of each pair, scored from independent pieces;
the decision over the whole article is ``joint.decide``.

Every piece of evidence is a probability-like strength; they combine as a noisy-OR
(``1 - prod(1 - p)``), and a contradiction (the report predates the event, or comes long
after it) scales the result down. Evidence:

- dates: the report is dated on the day of the event, or it is the first report after
  it (a few days later); a date inside the report's title; the same month where the
  claim only names a month; the same day of a neighbouring month (a slip in the text:
  the seeds say ``June 19`` for July 19). A later report dated like several others is
  weaker evidence (divided by the square root of their number). The date in force
  (carried from the claims before) counts half.
- terms: names and title words the claim shares with the reference title, each weighted
  by how rare it is in the article;
- the speaker of the claim is named in the title;
- the kind of document (interview, briefing, statement, press stakeout);
- the outlet named in the claim (``told the Associated Press``, ``Washington File``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from refs.check import cues
from refs.check import named_dates as claimdates
from refs.check.outlet_forms import outlet_forms
from refs.check.terms import Rarity, terms, worded_terms
from refs.models import Claim, PartialDate, Reference

SAME_DAY = 0.6
FIRST_REPORT = 0.5  # the first report after the event (1-4 days later)
LATER = {1: 0.35, 2: 0.3, 3: 0.25, 4: 0.15}  # days after the event
TITLE_DATE = 0.5
SAME_MONTH = 0.3
SLIP = 0.4
RANGE_END = 0.5  # a report dated on the last day of a multi-day event
ANCHOR = 0.4  # a link needs one piece of evidence at least this strong
SPEAKER = 0.4
KIND = 0.3
OUTLET = 0.5
PREDATES = 0.4  # factor when the report is dated before the event
STALE = 0.6  # factor when the report comes more than STALE_DAYS after it
STALE_DAYS = 10
OTHER_EVENT = 0.6  # factor when the report is of a later event the article names
TERM_POWER = 1.5
TERM = 0.6  # strength of a word found in just one claim and this title


@dataclass(frozen=True)
class RefFeatures:
    key: str
    issued: date | None  # full date
    month: tuple[int, int] | None  # (year, month) when known
    title_dates: tuple[date, ...]
    terms: frozenset[str]
    kinds: frozenset[str]
    outlets: frozenset[str]
    words: dict[str, str]  # term -> the title's word


NO_YEAR = claimdates.NO_YEAR


def _month(d: PartialDate | None) -> tuple[int, int] | None:
    if d is None or d.month is None:
        return None
    return (d.year if d.year is not None else NO_YEAR, d.month)


def _day(d: PartialDate) -> date | None:
    if d.year is None and d.month is not None and d.day is not None:
        return claimdates.to_date(d.model_copy(update={"year": NO_YEAR}))
    return claimdates.to_date(d)


def features(ref: Reference, issue: PartialDate | None) -> RefFeatures:
    title_dates = tuple(
        x
        for m in claimdates.find_dates(ref.title, issue)
        for d in m.dates
        if (x := _day(d)) is not None
    )
    worded = worded_terms(ref.title)
    return RefFeatures(
        key=ref.key,
        issued=_day(ref.issued) if ref.issued else None,
        month=_month(ref.issued),
        title_dates=title_dates,
        terms=frozenset(t for t, _ in worded),
        kinds=frozenset(cues.kinds(ref.title)),
        outlets=frozenset(outlet_forms(ref)),
        words={t: w for t, w in reversed(worded)},
    )


@dataclass
class _Score:
    parts: list[tuple[float, str]]
    factor: float = 1.0
    dates: int = 0  # how many of the parts are dates

    def add(self, p: float, why: str, date: bool = False) -> None:
        if p > 0:
            self.parts.append((p, why))
            self.dates += date

    def value(self) -> float:
        miss = 1.0
        for p, _ in self.parts:
            miss *= 1.0 - p
        return (1.0 - miss) * self.factor


@dataclass(frozen=True)
class _ClaimDates:
    """A claim's dates, prepared once against all references of the article."""

    full: tuple[date, ...]
    months: tuple[tuple[int, int], ...]
    weight: float  # 1 for the claim's own dates, 0.5 for inherited ones
    later_share: int  # references dated 1-4 days after one of the dates
    month_share: int  # references dated in one of the months
    first: int | None  # days from the event to the first report of it (at most 4)
    events: frozenset[date]  # days the article's claims name


def _claim_dates(
    dates: Sequence[PartialDate], weight: float, refs: Sequence[RefFeatures],
    events: frozenset[date],
) -> _ClaimDates:  # fmt: skip
    """``events``: the days the article's claims name; a report dated on one of them is
    that day's report rather than a later report of another event."""
    full = tuple(x for d in dates if (x := _day(d)) is not None)
    months = tuple(m for d in dates if d.day is None and (m := _month(d)) is not None)
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
    return _ClaimDates(full, months, weight, later, in_month, first, events)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _month_name(month: tuple[int, int]) -> str:
    return claimdates.spoken(PartialDate(year=None if month[0] == NO_YEAR else month[0],
                                         month=month[1]))  # fmt: skip


def _date_evidence(cd: _ClaimDates, ref: RefFeatures) -> tuple[float, str, float]:
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


def score(
    claim: Claim, claim_terms: frozenset[str], ref: RefFeatures, cd: _ClaimDates,
    rarity: Rarity, refs: Sequence[RefFeatures],
    speaker_terms: frozenset[str] = frozenset(), home: date | None = None,
) -> _Score:  # fmt: skip
    """The evidence that ``ref`` supports ``claim``. ``home``: the day of the latest event
    of the article that the reference reports (dated on it or a few days after)."""
    s = _Score([])
    p, why, s.factor = _date_evidence(cd, ref)
    s.add(p, why, date=True)
    if p == 0 and home is not None and cd.full and all(d < home for d in cd.full):
        s.factor *= OTHER_EVENT  # no date agrees: the report is of a later event
    if cd.weight == 1.0 and ref.title_dates:
        hit = sorted(set(cd.full) & set(ref.title_dates))
        if hit:
            s.add(TITLE_DATE, f"the title names the date ({claimdates.spoken_day(hit[0])})", True)
    shared = claim_terms & ref.terms
    if shared:
        weighted = sorted(((rarity.weight(t), t) for t in shared), reverse=True)
        for w, t in weighted:
            s.add(TERM * w**TERM_POWER, f"the title shares the word '{ref.words.get(t, t)}'")
    if speaker_terms and speaker_terms & ref.terms:
        s.add(SPEAKER, f"the title names the speaker, {claim.cues.speaker}")
    if claim.cues.kinds and ref.kinds:
        kinds = sorted(set(claim.cues.kinds) & ref.kinds)
        if kinds:
            s.add(KIND, f"the claim and the title name a {kinds[0]}")
    if claim.cues.outlets:
        outlets = sorted(set(claim.cues.outlets) & ref.outlets)
        if outlets:
            share = sum(1 for r in refs if outlets[0] in r.outlets)
            s.add(OUTLET / math.sqrt(share), f"the claim names the outlet ({outlets[0]})")
    return s


def prepare(
    claim: Claim, refs: Sequence[RefFeatures], events: frozenset[date] = frozenset()
) -> _ClaimDates:
    """The claim's own dates, else the date in force (half weight)."""
    own = claim.cues.dates
    return _claim_dates(own or claim.cues.context_dates, 1.0 if own else 0.5, refs, events)


def speaker_terms(claim: Claim) -> frozenset[str]:
    """Terms of the speaker's surname."""
    speaker = claim.cues.speaker
    return frozenset(terms(speaker.split()[-1])) if speaker else frozenset()


@dataclass(frozen=True)
class Pair:
    """The evidence that one reference supports one claim."""

    claim: int  # index into the claims
    ref: int  # index into the references
    value: float
    anchored: bool  # one piece of evidence at least ANCHOR strong
    evidence: tuple[str, ...]  # strongest first
    date_only: bool  # all the evidence is dates
    agrees: bool  # the date in force does not contradict the reference's date


def pairs(
    claims: Sequence[Claim], references: Sequence[Reference], issue: PartialDate | None
) -> list[list[Pair]]:
    """The evidence of every (claim, reference) pair: one row per claim."""
    feats = [features(r, issue) for r in references]
    claim_terms = [frozenset(terms(c.text)) for c in claims]
    rarity = Rarity([*claim_terms, *(f.terms for f in feats)])
    events = frozenset(x for c in claims for d in c.cues.dates if (x := _day(d)) is not None)
    homes = [_home(f, events) for f in feats]
    rows: list[list[Pair]] = []
    for n, (claim, ct) in enumerate(zip(claims, claim_terms, strict=True)):
        cd = prepare(claim, feats, events)
        who = speaker_terms(claim)
        row = []
        for r, ref in enumerate(feats):
            s = score(claim, ct, ref, cd, rarity, feats, who, homes[r])
            evidence = tuple(why for _, why in sorted(s.parts, key=lambda x: -x[0]))
            if s.factor < 1.0:
                evidence += ("but the dates disagree",)
            anchored = bool(s.parts) and max(p for p, _ in s.parts) >= ANCHOR
            agrees = s.factor == 1.0 and _in_force(cd, ref)
            value = s.value() if s.parts else 0.0
            row.append(Pair(n, r, value, anchored, evidence, s.dates == len(s.parts), agrees))
        rows.append(row)
    return rows


def _home(ref: RefFeatures, events: frozenset[date]) -> date | None:
    """The latest day the article names that the reference may report (dated on it or
    up to 4 days later)."""
    if ref.issued is None:
        return None
    days = [d for d in events if 0 <= (ref.issued - d).days <= 4]
    return max(days) if days else None


def _in_force(cd: _ClaimDates, ref: RefFeatures) -> bool:
    """The reference may report what happened on the date in force: no date on either
    side, or a report dated on it or up to STALE_DAYS later (or in its month)."""
    if ref.issued is None or not (cd.full or cd.months):
        return True
    if any(0 <= (ref.issued - d).days <= STALE_DAYS for d in cd.full):
        return True
    return ref.month in cd.months
