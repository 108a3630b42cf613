"""`refs check --format json`: the parse article object (DESIGN.md §4) extended with
claims, their status and sources with evidence and review status (confirmed, rejected,
suggested), unused references and coverage (also counting confirmed links only)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from refs.check.coverage import Checked
from refs.models import Claim
from refs.pipeline import ParsedArticle
from refs.report.json_doc import article_json


def claim_json(claim: Claim, checked: Checked) -> dict[str, Any]:
    cues = claim.cues
    return {
        "id": claim.id,
        "text": claim.text,
        "start": claim.span.start,
        "end": claim.span.end,
        "line": claim.span.line,
        "status": checked.status(claim.id),
        "sources": [
            {
                "key": lk.key,
                "status": checked.link_status(lk),
                "score": lk.score,
                "evidence": list(lk.evidence),
            }
            for lk in checked.sources(claim.id)
        ],
        "cues": {
            "dates": [d.iso() for d in cues.dates],
            "context_dates": [d.iso() for d in cues.context_dates],
            "relative": cues.relative,
            "people": list(cues.people),
            "organisations": list(cues.organisations),
            "places": list(cues.places),
            "quotes": list(cues.quotes),
            "verb": cues.verb,
            "speaker": cues.speaker,
            "outlets": list(cues.outlets),
            "kinds": list(cues.kinds),
        },
    }


def coverage_json(checked: Sequence[Checked]) -> dict[str, Any]:
    return coverage_counts(
        sum(len(c.claims) for c in checked),
        sum(len(c.report.supported) for c in checked),
        sum(c.confirmed_claims() for c in checked),
    )


def coverage_counts(claims: int, supported: int, confirmed: int = 0) -> dict[str, Any]:
    """The coverage summary; ``confirmed``: claims with a link the editor confirmed (none
    over PATHs, where no review applies)."""
    return {
        "claims": claims,
        "supported": supported,
        "unsupported": claims - supported,
        "ratio": round(supported / claims if claims else 1.0, 4),
        "confirmed": confirmed,
        "confirmed_ratio": round(confirmed / claims if claims else 1.0, 4),
    }


def check_article_json(parsed: ParsedArticle, checked: Checked) -> dict[str, Any]:
    out = article_json(parsed)
    diagnostics = out.pop("diagnostics", [])
    out["claims"] = [claim_json(c, checked) for c in checked.claims]
    out["unused_references"] = list(checked.report.unused_references)
    out["coverage"] = coverage_json([checked])
    out["diagnostics"] = diagnostics
    return out


def check_json(pairs: Sequence[tuple[ParsedArticle, Checked]]) -> dict[str, Any]:
    return {
        "articles": [check_article_json(p, c) for p, c in pairs],
        "coverage": coverage_json([c for _, c in pairs]),
    }
