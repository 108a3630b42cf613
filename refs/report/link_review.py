"""`refs link list`: the editor's decisions on claim links, one row each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from refs.report.table import table

if TYPE_CHECKING:
    from refs.check.reviewed import Target

WIDTH = 60


def review_table(targets: Sequence[Target]) -> str:
    """Article, claim, key, decision and the claim's text (decisions on claims the text
    gives, in claim order)."""
    rows: list[list[str]] = []
    for t in targets:
        texts = {c.id: " ".join(c.text.split()) for c in t.checked.claims}
        order = {c.id: n for n, c in enumerate(t.checked.claims)}
        for (claim, key), decision in sorted(
            t.checked.review.items(), key=lambda x: (order[x[0][0]], x[0][1])
        ):
            text = texts[claim]
            short = text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"
            rows.append([t.source, claim, key, decision, short])
    if not rows:
        return "no decisions\n"
    return table(["article", "claim", "key", "decision", "text"], rows) + "\n"
