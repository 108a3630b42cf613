"""Library articles checked with the editor's review: the article a `refs link` command
names, its claim, and the decisions `refs check` honours over the library."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from refs.check.coverage import Checked
from refs.check.review import apply_review
from refs.check.stored import chosen, library_articles
from refs.errors import UsageError
from refs.library.link_decisions import article_decisions
from refs.library.store import Library
from refs.library.texts import StoredArticle, stored_articles
from refs.models import Claim
from refs.pipeline import ParsedArticle
from refs.pipeline import check as check_parsed


@dataclass(frozen=True)
class Target:
    article_id: str
    source: str
    parsed: ParsedArticle
    checked: Checked  # with the review applied


def reviewed(lib: Library, stored: Sequence[StoredArticle]) -> list[Target]:
    """Each stored article that has its text, parsed, checked and reviewed."""
    with_text = [s for s in stored if s.text is not None]
    parsed, _ = library_articles(with_text)
    out = []
    for s, p in zip(with_text, parsed, strict=True):
        checked = apply_review(check_parsed(p), p.references, article_decisions(lib, s.article_id))
        out.append(Target(s.article_id, s.source, p, checked))
    return out


def find_target(lib: Library, article: str) -> Target:
    """The one library article ``article`` names (path, file name or stem)."""
    picked = chosen(stored_articles(lib), [article])
    if not picked:
        raise UsageError(f"no article of {lib.path} matched {article}",
                         hint="see the articles with: refs check --format text")  # fmt: skip
    if len(picked) > 1:
        names = ", ".join(sorted(s.source for s in picked))
        raise UsageError(f"{article} names {len(picked)} articles: {names}",
                         hint="give the article's path")  # fmt: skip
    found = reviewed(lib, picked)
    if not found:
        raise UsageError(f"the library keeps no text of {picked[0].source}",
                         hint=f"add it again: refs add {picked[0].source}")  # fmt: skip
    return found[0]


def find_claim(target: Target, claim: str) -> Claim:
    """The claim of ``target`` with id ``claim`` (or the one id it starts)."""
    claims = target.checked.claims
    exact = [c for c in claims if c.id == claim]
    starts = [c for c in claims if c.id.startswith(claim)] if len(claim) >= 3 else []
    found = exact or starts
    if len(found) == 1:
        return found[0]
    if not found:
        raise UsageError(f"{target.source} has no claim {claim}",
                         hint="see the claim ids with: refs check --article "
                         f"{target.source}")  # fmt: skip
    raise UsageError(f"{claim} starts {len(found)} claim ids of {target.source}",
                     hint="give more of the id")  # fmt: skip
