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
from refs.check.date_evidence import (
    ClaimDates,
    date_evidence,
    day_of,
    home,
    in_force,
    month_of,
    prepare,
)
from refs.check.outlet_forms import outlet_forms
from refs.check.terms import Rarity, terms, worded_terms
from refs.models import Claim, PartialDate, Reference

TITLE_DATE = 0.5
ANCHOR = 0.4  # a link needs one piece of evidence at least this strong
SPEAKER = 0.4
KIND = 0.3
OUTLET = 0.5
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


def features(ref: Reference, issue: PartialDate | None) -> RefFeatures:
    title_dates = tuple(
        x
        for m in claimdates.find_dates(ref.title, issue)
        for d in m.dates
        if (x := day_of(d)) is not None
    )
    worded = worded_terms(ref.title)
    return RefFeatures(
        key=ref.key,
        issued=day_of(ref.issued) if ref.issued else None,
        month=month_of(ref.issued),
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


def score(
    claim: Claim, claim_terms: frozenset[str], ref: RefFeatures, cd: ClaimDates,
    rarity: Rarity, refs: Sequence[RefFeatures],
    speaker_terms: frozenset[str] = frozenset(), home: date | None = None,
) -> _Score:  # fmt: skip
    """The evidence that ``ref`` supports ``claim``. ``home``: the day of the latest event
    of the article that the reference reports (dated on it or a few days after)."""
    s = _Score([])
    p, why, s.factor = date_evidence(cd, ref)
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
    events = frozenset(x for c in claims for d in c.cues.dates if (x := day_of(d)) is not None)
    homes = [home(f, events) for f in feats]
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
            agrees = s.factor == 1.0 and in_force(cd, ref)
            value = s.value() if s.parts else 0.0
            row.append(Pair(n, r, value, anchored, evidence, s.dates == len(s.parts), agrees))
        rows.append(row)
    return rows
