"""`refs check --format text`: a table per article (claim, status, sources with their
evidence), the unused references, and a summary."""

from __future__ import annotations

from collections.abc import Sequence

from refs.check.coverage import Checked, overall
from refs.pipeline import ParsedArticle
from refs.report.table import table
from refs.visible import visible

WIDTH = 60


def _short(text: str, width: int = WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def article_block(parsed: ParsedArticle, checked: Checked) -> str:
    art = parsed.article
    head = visible(art.source + (f" — {art.title}" if art.title else ""))
    rows: list[list[str]] = []
    for claim in checked.claims:
        sources = checked.sources(claim.id)
        status = checked.status(claim.id)
        first = f"{sources[0].key} {sources[0].score:.2f}: " if sources else ""
        evidence = "; ".join(sources[0].evidence[:3]) if sources else ""
        rows.append([claim.id, str(claim.span.line), status, _short(claim.text), first + evidence])
        for lk in sources[1:]:
            rows.append(["", "", "", "", f"{lk.key} {lk.score:.2f}: " + "; ".join(lk.evidence[:3])])
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
    blocks.append(
        f"summary: {len(pairs)} article(s), {supported}/{claims} claims supported "
        f"({overall([c for _, c in pairs]):.0%}), {unused} unused reference(s)"
    )
    return "\n\n".join(blocks) + "\n"
