"""Claims x References -> Links, each scored from independent pieces of evidence.

Every piece of evidence is a probability-like strength; they combine as a noisy-OR
(``1 - prod(1 - p)``), and a contradiction (the report predates the event, or comes long
after it) scales the result down. Evidence:

- dates: the report is dated on the day of the event or a few days later; a date inside
  the report's title; the same month where the claim only names a month; the same day
  of a neighbouring month (a slip in the text: the seeds say ``June 19`` for July 19).
  A date shared by several references is weaker evidence (divided by the square root of
  their number). Dates inherited from the claim before count half.
- terms: names and title words the claim shares with the reference title, each weighted
  by how rare it is in the article;
- the speaker of the claim is named in the title;
- the kind of document (interview, briefing, statement, press stakeout);
- the outlet named in the claim (``told the Associated Press``, ``Washington File``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from refs.check import cues
from refs.check import named_dates as claimdates
from refs.check.terms import Rarity, terms
from refs.models import Claim, Link, PartialDate, Reference

THRESHOLD = 0.5
SAME_DAY = 0.6
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


def outlet_forms(ref: Reference) -> set[str]:
    """Names of the reference's outlet as a claim may give it: as cited, canonical, and
    each part around parentheses (``US State Department``, ``Washington File``)."""
    forms: set[str] = set()
    for name in (ref.outlet, ref.outlet_canonical, ref.container_title):
        if not name:
            continue
        forms.add(name.strip())
        forms.update(p.strip() for p in re.split(r"[()]", name) if len(p.strip()) > 2)
    return {f for f in forms if f}


# Dates without a year (a page with no issue header) are compared within a stand-in
# leap year: the claims and the references of one article lack the year alike.
NO_YEAR = 2000


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
    return RefFeatures(
        key=ref.key,
        issued=_day(ref.issued) if ref.issued else None,
        month=_month(ref.issued),
        title_dates=title_dates,
        terms=frozenset(terms(ref.title)),
        kinds=frozenset(cues.kinds(ref.title)),
        outlets=frozenset(outlet_forms(ref)),
    )


@dataclass
class _Score:
    parts: list[tuple[float, str]]
    factor: float = 1.0

    def add(self, p: float, why: str) -> None:
        if p > 0:
            self.parts.append((p, why))

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


def _claim_dates(
    dates: Sequence[PartialDate], weight: float, refs: Sequence[RefFeatures]
) -> _ClaimDates:
    full = tuple(x for d in dates if (x := _day(d)) is not None)
    months = tuple(m for d in dates if d.day is None and (m := _month(d)) is not None)
    later = sum(1 for r in refs if r.issued and any(0 < (r.issued - d).days <= 4 for d in full))
    in_month = sum(1 for r in refs if r.month in months) if months else 0
    return _ClaimDates(full, months, weight, later, in_month)


def _date_evidence(
    cd: _ClaimDates, ref: RefFeatures, day_count: dict[date, int]
) -> tuple[float, str, float]:
    """Best date agreement (strength, evidence text) and a contradiction factor."""
    full, months, weight = cd.full, cd.months, cd.weight
    best = (0.0, "")
    factor = 1.0
    if ref.issued is not None and full:
        after = [x for d in full if (x := (ref.issued - d).days) >= 0]
        if after:
            delta = min(after)
            share = day_count.get(ref.issued, 1) if delta == 0 else cd.later_share
            base = SAME_DAY if delta == 0 else LATER.get(delta, 0.0)
            p = base / math.sqrt(max(share, 1)) * weight
            when = "same day" if delta == 0 else f"{delta} day(s) after the event"
            if len(full) > 1 and ref.issued == max(full) and weight == 1.0:
                p, when = max(p, RANGE_END), "the last day of the event"
            if p > 0:
                best = (p, f"date: report {ref.issued.isoformat()}, {when}")
            elif delta > STALE_DAYS:
                factor = STALE
        else:
            factor = PREDATES if weight == 1.0 else 1.0
        if best[0] == 0.0:
            for d in full:
                if ref.issued.day == d.day and abs(ref.issued.month - d.month) == 1:
                    factor = 1.0
                    best = (SLIP * weight, f"date: day {d.day} agrees, month differs (slip?)")
                    break
    if ref.month is not None and months:
        if ref.month in months:
            p = SAME_MONTH / math.sqrt(max(cd.month_share, 1)) * weight
            if p > best[0]:
                best = (p, f"date: same month {ref.month[0]}-{ref.month[1]:02d}")
        elif weight == 1.0 and not full:
            factor = STALE
    return best[0], best[1], factor


def score(
    claim: Claim, claim_terms: frozenset[str], ref: RefFeatures, cd: _ClaimDates,
    day_count: dict[date, int], rarity: Rarity, refs: Sequence[RefFeatures],
    speaker_terms: frozenset[str] = frozenset(),
) -> _Score:  # fmt: skip
    """The evidence that ``ref`` supports ``claim`` (texts formatted lazily)."""
    s = _Score([])
    p, why, s.factor = _date_evidence(cd, ref, day_count)
    s.add(p, why)
    if cd.weight == 1.0 and ref.title_dates:
        hit = sorted(set(cd.full) & set(ref.title_dates))
        if hit:
            s.add(TITLE_DATE, f"title names the date {hit[0].isoformat()}")
    shared = claim_terms & ref.terms
    if shared:
        weighted = sorted(((rarity.weight(t), t) for t in shared), reverse=True)
        for w, t in weighted:
            s.add(TERM * w**TERM_POWER, f"shared word '{t}' ({w:.2f})")
    if speaker_terms and speaker_terms & ref.terms:
        s.add(SPEAKER, f"speaker {claim.cues.speaker} named in the title")
    if claim.cues.kinds and ref.kinds:
        kinds = sorted(set(claim.cues.kinds) & ref.kinds)
        if kinds:
            s.add(KIND, f"kind of document: {kinds[0]}")
    if claim.cues.outlets:
        outlets = sorted(set(claim.cues.outlets) & ref.outlets)
        if outlets:
            share = sum(1 for r in refs if outlets[0] in r.outlets)
            s.add(OUTLET / math.sqrt(share), f"claim names the outlet: {outlets[0]}")
    return s


def prepare(claim: Claim, refs: Sequence[RefFeatures]) -> _ClaimDates:
    """The claim's own dates, else those inherited from the claim before (half weight)."""
    own = claim.cues.dates
    return _claim_dates(own or claim.cues.context_dates, 1.0 if own else 0.5, refs)


def speaker_terms(claim: Claim) -> frozenset[str]:
    """Terms of the speaker's surname."""
    speaker = claim.cues.speaker
    return frozenset(terms(speaker.split()[-1])) if speaker else frozenset()


def link(
    claims: Sequence[Claim], references: Sequence[Reference], issue: PartialDate | None,
    threshold: float = THRESHOLD,
) -> tuple[Link, ...]:  # fmt: skip
    """Links above ``threshold`` between each claim and the references, best first."""
    feats = [features(r, issue) for r in references]
    claim_terms = [frozenset(terms(c.text)) for c in claims]
    rarity = Rarity([*claim_terms, *(f.terms for f in feats)])
    day_count = Counter(f.issued for f in feats if f.issued is not None)
    out: list[Link] = []
    for claim, ct in zip(claims, claim_terms, strict=True):
        found = []
        cd = prepare(claim, feats)
        who = speaker_terms(claim)
        for ref in feats:
            s = score(claim, ct, ref, cd, day_count, rarity, feats, who)
            if not s.parts:
                continue
            value = s.value()
            if value >= threshold and max(p for p, _ in s.parts) >= ANCHOR:
                evidence = tuple(why for _, why in sorted(s.parts, key=lambda x: -x[0]))
                if s.factor < 1.0:
                    evidence += (f"date disagrees (x{s.factor})",)
                found.append(Link(claim_id=claim.id, key=ref.key, score=round(value, 3),
                                  evidence=evidence))  # fmt: skip
        found.sort(key=lambda lk: -lk.score)  # ties: in source-list order (stable sort)
        out.extend(found)
    return tuple(out)
