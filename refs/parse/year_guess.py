"""Entries whose inferred year is a guess at the edge (refs.dates.edge_guess): dated one
to three months after the issue month, so either the issue came out late or the entry is
from the year before. Each gets an S008 warning naming the year taken. Pure."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from refs import diagnostics as diag
from refs.dates import edge_guess
from refs.diagnostics import Diagnostic
from refs.models import Article, Reference


def _own_key(ref: Reference) -> str:
    return ref.key


def year_guesses(
    article: Article, refs: Sequence[Reference], key_of: Callable[[Reference], str] = _own_key
) -> list[Diagnostic]:
    """S008 for each entry whose year is a guess at the edge; the hint names the key
    ``key_of`` gives the entry's reference (by default the key it holds)."""
    out = []
    for ref in guessed(article, refs):
        assert ref.issued is not None
        out.append(
            diag.warning(
                "S008",
                article.source,
                ref.span.line if ref.span else None,
                f"entry {ref.index + 1} is dated after the issue month "
                f"({article.issue_date_iso()}): its year is a guess, taken as "
                f"{ref.issued.iso()}: {ref.raw!r}",
                f"if it is wrong: refs edit {key_of(ref)} --set issued=YYYY-MM-DD",
            )
        )
    return out


def guessed(article: Article, refs: Sequence[Reference]) -> list[Reference]:
    """The references whose year is a guess at the edge."""
    return [r for r in refs if edge_guess(r.issued, article.issue_date)]
