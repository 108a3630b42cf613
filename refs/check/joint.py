"""The links of one article, decided over the whole article from the evidence of each
(claim, reference) pair (``link.pairs``), with what a news review's source list is:

1. a pair whose evidence is strong enough on its own is a link;
2. the source in force: a claim with no link of its own goes on with the story of the
   linked claims before it in its paragraph (else the nearest one after it in the
   paragraph, else, before any link of the article, the first linked claim) and takes
   their sources, unless its date in force contradicts them (background, an earlier
   event); a paragraph after a quoted passage goes on with the paragraph before it;
3. each listed source supports something: a source still unused is linked to the claim
   its evidence fits best, when one piece of that evidence is strong (``link.ANCHOR``)
   and no date contradicts it.
"""

from __future__ import annotations

from collections.abc import Sequence

from refs.check.link import Pair
from refs.models import Link
from refs.models.trusted import filled

THRESHOLD = 0.5
CARRY = 0.8  # a carried link scores this share of the link it carries
MARGIN = 0.2  # a link of a claim's own scores at most this much below its best
FLOOR = 0.2  # the least evidence that places an otherwise unused source


def _own(row: Sequence[Pair], threshold: float) -> list[Pair]:
    """The links a claim's own evidence makes: strong enough, and near the best one (a
    claim has its best sources, not every report of the day)."""
    strong = [p for p in row if p.value >= threshold and p.anchored]
    if not strong:
        return []
    if any(not p.date_only for p in strong):  # the date alone fits every report of the day
        strong = [p for p in strong if not p.date_only]
    best = max(p.value for p in strong)
    return [p for p in strong if p.value >= best - MARGIN]


def _donors(
    n: int, linked: Sequence[bool], paragraph: Sequence[int], dated: Sequence[bool]
) -> tuple[list[int], str]:
    """The linked claims whose story claim ``n`` goes on with, and how they are placed:
    the linked claims before it in its paragraph back to the one that gave the date in
    force; else the nearest linked claim (after it in the paragraph, the story before,
    the story after)."""
    para = paragraph[n]
    before: list[int] = []
    for m in range(n - 1, -1, -1):
        if paragraph[m] != para or (before and dated[before[-1]]):
            break
        if linked[m]:
            before.append(m)
    if before:
        return before, "the claims before it in the paragraph"
    found = _donor(n, linked, paragraph)
    return ([found[0]], found[1]) if found else ([], "")


def _donor(n: int, linked: Sequence[bool], paragraph: Sequence[int]) -> tuple[int, str] | None:
    """The nearest linked claim after ``n`` in its paragraph, else the first linked claim
    of the article when none is before ``n``."""
    para = paragraph[n]
    for m in range(n + 1, len(linked)):
        if paragraph[m] != para:
            break
        if linked[m]:
            return m, "the claim after it in the paragraph"
    if any(linked[:n]):
        return None
    for m in range(n + 1, len(linked)):
        if linked[m]:
            return m, "the story after it"
    return None


def decide(
    claim_ids: Sequence[str], keys: Sequence[str], rows: Sequence[Sequence[Pair]],
    paragraph: Sequence[int], dated: Sequence[bool], threshold: float = THRESHOLD,
) -> tuple[Link, ...]:  # fmt: skip
    """The links of an article: claims in order, each claim's links best first.
    ``dated``: whether each claim gives a date of its own."""
    chosen: list[dict[int, tuple[float, tuple[str, ...]]]] = [
        {p.ref: (p.value, p.evidence) for p in _own(row, threshold)} for row in rows
    ]
    linked = [bool(c) for c in chosen]
    for n, row in enumerate(rows):
        if linked[n]:
            continue
        donors, where = _donors(n, linked, paragraph, dated)
        for m in donors:
            for r, (value, _) in chosen[m].items():
                if row[r].agrees and r not in chosen[n]:
                    why = f"the story goes on from {where}, which this source supports"
                    chosen[n][r] = (max(row[r].value, value * CARRY), (why, *row[r].evidence))
    used = {r for c in chosen for r in c}
    for r in range(len(keys)):
        if r in used:
            continue
        fits = [
            row[r] for row in rows if row[r].agrees and row[r].anchored and row[r].value >= FLOOR
        ]
        if fits:
            best = max(fits, key=lambda p: (p.value, -p.claim))
            why = "each listed source supports something: this claim fits it best"
            chosen[best.claim][r] = (best.value, (*best.evidence, why))
    out: list[Link] = []
    for n, links in enumerate(chosen):
        ranked = sorted(links.items(), key=lambda x: (-x[1][0], x[0]))  # ties: list order
        out.extend(
            filled(
                Link,
                {"claim_id": claim_ids[n], "key": keys[r], "score": round(v, 3), "evidence": ev},
            )
            for r, (v, ev) in ranked
        )
    return tuple(out)
