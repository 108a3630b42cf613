"""Claims, links and the coverage verdict of one parsed article (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from refs.check.claims import extract_claims
from refs.check.joint import THRESHOLD, decide
from refs.check.link import pairs
from refs.check.outlet_forms import outlet_forms
from refs.models import Article, Claim, CoverageReport, Link, Reference
from refs.models.trusted import filled


@dataclass(frozen=True)
class Checked:
    """An article's claims, their links (best first per claim) and the coverage report.
    ``review``: the editor's decisions, (claim id, key) -> confirmed | rejected; a
    rejected link is shown but never counts."""

    claims: tuple[Claim, ...]
    links: tuple[Link, ...]
    report: CoverageReport
    review: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def sources(self, claim_id: str) -> tuple[Link, ...]:
        return tuple(lk for lk in self.links if lk.claim_id == claim_id)

    def status(self, claim_id: str) -> str:
        return "supported" if claim_id in self.report.supported else "unsupported"

    def link_status(self, link: Link) -> str:
        """confirmed, rejected (by the editor) or suggested (by the linker)."""
        return self.review.get((link.claim_id, link.key), "suggested")

    def confirmed_claims(self) -> int:
        """Claims with at least one confirmed link."""
        return len({lk.claim_id for lk in self.links if self.link_status(lk) == "confirmed"})


def coverage(
    claims: Sequence[Claim], references: Sequence[Reference], links: Sequence[Link]
) -> CoverageReport:
    """Supported and unsupported claims (document order) and unused references (list order)."""
    linked_claims = {lk.claim_id for lk in links}
    used = {lk.key for lk in links}
    return filled(
        CoverageReport,
        {
            "supported": tuple(c.id for c in claims if c.id in linked_claims),
            "unsupported": tuple(c.id for c in claims if c.id not in linked_claims),
            "unused_references": tuple(r.key for r in references if r.key not in used),
        },
    )


def check_article(
    article: Article, references: Sequence[Reference], threshold: float = THRESHOLD
) -> Checked:
    """Claims of ``article`` linked to its ``references``."""
    outlets: set[str] = set()
    for ref in references:
        outlets |= outlet_forms(ref)
    claims = extract_claims(article, outlets)
    rows = pairs(claims, references, article.issue_date)
    keys = [r.key for r in references]
    paragraph = paragraphs_of(article, claims)
    dated = [bool(c.cues.dates) for c in claims]
    links = decide([c.id for c in claims], keys, rows, paragraph, dated, threshold)
    return Checked(claims, links, coverage(claims, references, links))


def paragraphs_of(article: Article, claims: Sequence[Claim]) -> list[int]:
    """The paragraph of the story each claim belongs to: the one it starts in, or the one
    before when a quoted passage (owned by the claim before) stands between them and the
    paragraph gives no date of its own."""
    starts = [p.span.start for p in article.paragraphs]

    def index(offset: int) -> int:
        return max((i for i, s in enumerate(starts) if s <= offset), default=0)

    own = [index(c.span.start) for c in claims]
    dated = {p for p, c in zip(own, claims, strict=True) if c.cues.dates}
    out: list[int] = []
    for n, at in enumerate(own):
        before = claims[n - 1].span if n else None
        if before and at not in dated and index(before.end - 1) == at - 1 > index(before.start):
            at = out[-1]
        out.append(at)
    return out


def overall(checked: Sequence[Checked], confirmed: bool = False) -> float:
    """Supported claims over all claims of several articles (1.0 when there are none);
    ``confirmed``: only claims with a link the editor confirmed count as supported."""
    total = sum(len(c.claims) for c in checked)
    if confirmed:
        supported = sum(c.confirmed_claims() for c in checked)
    else:
        supported = sum(len(c.report.supported) for c in checked)
    return supported / total if total else 1.0
