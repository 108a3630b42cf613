"""`refs check --format text`: a table per article (claim, status, sources with their
review status and evidence), the unused references, and a summary."""

from __future__ import annotations

from collections.abc import Sequence

from refs.check.coverage import Checked
from refs.models import Link
from refs.pipeline import ParsedArticle
from refs.report.table import table
from refs.text import visible

WIDTH = 60


def _short(text: str, width: int = WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _source(lk: Link, checked: Checked) -> str:
    """``key 0.84 suggested: evidence; evidence; evidence``."""
    return f"{lk.key} {lk.score:.2f} {checked.link_status(lk)}: " + "; ".join(lk.evidence[:3])


def article_block(parsed: ParsedArticle, checked: Checked) -> str:
    art = parsed.article
    head = visible(art.source + (f" — {art.title}" if art.title else ""))
    rows: list[list[str]] = []
    for claim in checked.claims:
        sources = [_source(lk, checked) for lk in checked.sources(claim.id)]
        status = checked.status(claim.id)
        first = sources[0] if sources else ""
        rows.append([claim.id, str(claim.span.line), status, _short(claim.text), first])
        rows.extend(["", "", "", "", more] for more in sources[1:])
    lines = [head, table(["claim", "line", "status", "text", "sources (evidence)"], rows)]
    unused = checked.report.unused_references
    lines.append("unused references: " + (", ".join(unused) if unused else "none"))
    report = checked.report
    lines.append(
        f"coverage: {len(report.supported)}/{len(checked.claims)} claims supported "
        f"({report.coverage:.0%})"
    )
    return "\n".join(lines)


def check_text(pairs: Sequence[tuple[ParsedArticle, Checked]]) -> str:
    blocks = [article_block(p, c) for p, c in pairs]
    claims = sum(len(c.claims) for _, c in pairs)
    supported = sum(len(c.report.supported) for _, c in pairs)
    unused = sum(len(c.report.unused_references) for _, c in pairs)
    blocks.append(summary(len(pairs), claims, supported, unused))
    return "\n\n".join(blocks) + "\n"


def summary(articles: int, claims: int, supported: int, unused: int) -> str:
    ratio = supported / claims if claims else 1.0
    return (
        f"summary: {articles} article(s), {supported}/{claims} claims supported "
        f"({ratio:.0%}), {unused} unused reference(s)"
    )
