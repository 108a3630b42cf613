"""Entries whose inferred year is a guess at the edge (refs.dates.edge_guess): dated one
to three months after the issue month, so either the issue came out late or the entry is
from the year before. Each gets an S008 warning naming the year taken. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from refs import diagnostics as diag
from refs.dates import edge_guess
from refs.diagnostics import Diagnostic
from refs.models import Article, Reference


def year_guesses(
    article: Article, refs: Sequence[Reference], keyed: bool = True
) -> list[Diagnostic]:
    """S008 for each entry whose year is a guess at the edge; ``keyed``: the references
    have their keys already (the hint names it)."""
    out = []
    for ref in refs:
        if not edge_guess(ref.issued, article.issue_date) or ref.issued is None:
            continue
        out.append(
            diag.warning(
                "S008",
                article.source,
                ref.span.line if ref.span else None,
                f"entry {ref.index + 1} is dated after the issue month "
                f"({article.issue_date_iso()}): its year is a guess, taken as "
                f"{ref.issued.iso()}: {ref.raw!r}",
                f"if it is wrong: refs edit {ref.key if keyed else 'KEY'} --set issued=YYYY-MM-DD",
            )
        )
    return out
