"""An editor's review applied to a checked article (pure): a confirmed link always
counts (added when the linker did not suggest it), a rejected one is kept in view but
never counts, and the coverage report follows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from refs.check.coverage import Checked, coverage
from refs.models import Link, Reference

CONFIRMED_EVIDENCE = "confirmed by the editor"


def apply_review(
    checked: Checked, references: Sequence[Reference], review: Mapping[tuple[str, str], str]
) -> Checked:
    """``checked`` with the decisions of ``review`` ((claim id, key) -> confirmed |
    rejected) on the claims it has; decisions on claims the text no longer has are left
    out (they wait in the library for the text to give the claim again)."""
    ids = {c.id for c in checked.claims}
    mine = {k: v for k, v in review.items() if k[0] in ids}
    if not mine:
        return checked
    have = {(lk.claim_id, lk.key) for lk in checked.links}
    added = [
        Link(claim_id=c, key=k, score=1.0, evidence=(CONFIRMED_EVIDENCE,))
        for (c, k), v in sorted(mine.items())
        if v == "confirmed" and (c, k) not in have
    ]
    order = {c.id: n for n, c in enumerate(checked.claims)}
    links = sorted(
        [*checked.links, *added],
        key=lambda lk: (order[lk.claim_id], _rank(mine.get((lk.claim_id, lk.key)))),
    )
    counted = [lk for lk in links if mine.get((lk.claim_id, lk.key)) != "rejected"]
    report = coverage(checked.claims, references, counted)
    return Checked(checked.claims, tuple(links), report, mine)


def _rank(decision: str | None) -> int:
    """Confirmed links first, then the suggested (in the linker's order), rejected last."""
    return {"confirmed": 0, None: 1, "rejected": 2}[decision]
