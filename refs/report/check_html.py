"""`refs check --format html`: one self-contained page (inline CSS, no scripts, no
network) with each article's text, every claim highlighted by its status and linked to
its sources and evidence, and the unused references. All field text is HTML-escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from refs.check.coverage import Checked, overall
from refs.models import Reference
from refs.pipeline import ParsedArticle

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#334;color:#fff}
section>h2,section>p{margin-left:20px;margin-right:20px}
article{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;padding:20px}
.text{white-space:pre-wrap;background:#fff;padding:16px;border:1px solid #ddd}
.text a{color:inherit;text-decoration:none}
mark.claim{padding:1px 0;border-bottom:2px solid;color:inherit;text-decoration:none}
mark.supported{background:#d8f5d0;border-color:#3a3}
mark.unsupported{background:#fbd5d5;border-color:#c33}
.claims li{margin-bottom:10px}
.claims li:target{outline:3px solid #fc3}
.status-supported{color:#272}.status-unsupported{color:#b22}
.evidence{font-size:13px;color:#555;margin:2px 0 0 16px}
.unused li{color:#b22}
"""


def _short(text: str, width: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _claim_item(claim_id: str, text: str, checked: Checked, refs: dict[str, Reference]) -> str:
    status = checked.status(claim_id)
    parts = [
        f'<li id="e-{escape(claim_id)}"><a href="#{escape(claim_id)}">{escape(claim_id)}</a> '
        f'<span class="status-{status}">{status}</span> — {escape(_short(text))}'
    ]
    for lk in checked.sources(claim_id):
        ref = refs.get(lk.key)
        title = f" — {escape(ref.title)}" if ref else ""
        parts.append(
            f'<div class="source"><code>{escape(lk.key)}</code> {lk.score:.2f}{title}'
            '<ul class="evidence">'
            + "".join(f"<li>{escape(e)}</li>" for e in lk.evidence)
            + "</ul></div>"
        )
    parts.append("</li>")
    return "".join(parts)


def article_section(parsed: ParsedArticle, checked: Checked) -> str:
    text = parsed.article.text
    refs = {r.key: r for r in parsed.references}
    pieces: list[str] = []
    pos = 0
    for claim in sorted(checked.claims, key=lambda c: c.span.start):
        start, end = claim.span.start, claim.span.end
        if start < pos:
            continue
        status = checked.status(claim.id)
        tip = "; ".join(f"{lk.key} ({lk.score:.2f})" for lk in checked.sources(claim.id))
        pieces.append(escape(text[pos:start]))
        pieces.append(
            f'<a href="#e-{escape(claim.id)}"><mark class="claim {status}" id="{escape(claim.id)}"'
            f' data-status="{status}" title="{escape(tip or status)}">'
            f"{escape(text[start:end])}</mark></a>"
        )
        pos = end
    pieces.append(escape(text[pos:]))
    items = "".join(_claim_item(c.id, c.text, checked, refs) for c in checked.claims)
    unused = "".join(
        f"<li><code>{escape(k)}</code> — {escape(refs[k].title) if k in refs else ''}</li>"
        for k in checked.report.unused_references
    )
    report = checked.report
    heading = escape(parsed.article.title or parsed.article.source)
    return (
        f"<section><h2>{heading}</h2><p>{escape(parsed.article.source)}: "
        f"{len(report.supported)}/{len(checked.claims)} claims supported "
        f"({report.coverage:.0%})</p><article>"
        f'<div class="text">{"".join(pieces)}</div>'
        f'<div><h3>Claims</h3><ol class="claims">{items}</ol>'
        f'<h3>Unused references</h3><ul class="unused">{unused or "<li>none</li>"}</ul>'
        "</div></article></section>"
    )


def check_html(pairs: Sequence[tuple[ParsedArticle, Checked]]) -> str:
    sections = "".join(article_section(p, c) for p, c in pairs)
    ratio = overall([c for _, c in pairs])
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>refs check — coverage {ratio:.0%}</title><style>{CSS}</style></head><body>"
        f"<header><h1>Coverage report</h1><p>{len(pairs)} article(s), coverage "
        f"{ratio:.0%}</p></header>{sections}</body></html>\n"
    )
