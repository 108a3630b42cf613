"""`refs check --format html`: one self-contained page (inline CSS, no scripts, no
network): the list of articles with each one's coverage, then each article's text with
every claim highlighted by its status and linked to its entry (sources, review status,
evidence), and its listed sources, each linked back to the claims it supports. Every id
is unique in the page (``a{n}-`` before the claim ids of article n). All field text is
HTML-escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from refs.check.coverage import Checked, overall
from refs.models import Claim, Reference
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
.sources li.unused{color:#b22}
.sources li:target,.claims li:target{outline:3px solid #fc3}
.link-confirmed span{color:#272;font-weight:bold}
.link-rejected{text-decoration:line-through;color:#888}
nav a,header a{color:#fff}
"""


def _short(text: str, width: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _claim_item(n: int, claim: Claim, checked: Checked, refs: dict[str, Reference]) -> str:
    cid = escape(claim.id)
    status = checked.status(claim.id)
    parts = [
        f'<li id="a{n}-e-{cid}" data-claim="{cid}">'
        f'<a href="#a{n}-{cid}" data-claim="{cid}">{cid}</a> '
        f'<span class="status-{status}">{status}</span> — {escape(_short(claim.text))}'
    ]
    for lk in checked.sources(claim.id):
        ref = refs.get(lk.key)
        title = f" — {escape(ref.title)}" if ref else ""
        review = checked.link_status(lk)
        key = escape(lk.key)
        parts.append(
            f'<div class="source link-{review}"><a href="#a{n}-r-{key}" data-ref="{key}">'
            f"<code>{key}</code></a> {lk.score:.2f} <span>{review}</span>{title}"
            '<ul class="evidence">'
            + "".join(f"<li>{escape(e)}</li>" for e in lk.evidence)
            + "</ul></div>"
        )
    parts.append("</li>")
    return "".join(parts)


def _source_item(n: int, ref: Reference, checked: Checked) -> str:
    """A listed source with the claims it supports, each a link back to the claim."""
    key = escape(ref.key)
    backs = [
        f'<a href="#a{n}-e-{escape(lk.claim_id)}" data-claim="{escape(lk.claim_id)}">'
        f"{escape(lk.claim_id)}</a>"
        + ("" if (r := checked.link_status(lk)) == "suggested" else f" ({r})")
        for lk in checked.links
        if lk.key == ref.key
    ]
    unused = ref.key in checked.report.unused_references
    supports = ", ".join(backs) if backs else "nothing"
    mark = ' class="unused"' if unused else ""
    return (
        f'<li id="a{n}-r-{key}" data-ref="{key}"{mark}>'
        f"<code>{key}</code> — {escape(ref.title)}; supports: {supports}</li>"
    )


def _marked_text(n: int, text: str, checked: Checked) -> str:
    pieces: list[str] = []
    pos = 0
    for claim in sorted(checked.claims, key=lambda c: c.span.start):
        start, end = claim.span.start, claim.span.end
        if start < pos:
            continue
        cid = escape(claim.id)
        status = checked.status(claim.id)
        tip = "; ".join(f"{lk.key} ({lk.score:.2f})" for lk in checked.sources(claim.id))
        pieces.append(escape(text[pos:start]))
        pieces.append(
            f'<a href="#a{n}-e-{cid}" data-claim="{cid}"><mark class="claim {status}" '
            f'id="a{n}-{cid}" data-claim="{cid}" data-status="{status}" '
            f'title="{escape(tip or status)}">{escape(text[start:end])}</mark></a>'
        )
        pos = end
    pieces.append(escape(text[pos:]))
    return "".join(pieces)


def _summary(checked: Checked) -> str:
    report = checked.report
    return (
        f"{len(report.supported)}/{len(checked.claims)} claims supported "
        f"({report.coverage:.0%}), {checked.confirmed_claims()} confirmed"
    )


def article_section(n: int, parsed: ParsedArticle, checked: Checked) -> str:
    """Article ``n`` of the page (ids ``a{n}-...`` keep every id unique in the page)."""
    refs = {r.key: r for r in parsed.references}
    items = "".join(_claim_item(n, c, checked, refs) for c in checked.claims)
    unique = {r.key: r for r in reversed(parsed.references)}  # the first of a key
    sources = "".join(_source_item(n, unique[k], checked) for k in dict.fromkeys(refs))
    heading = escape(parsed.article.title or parsed.article.source)
    return (
        f'<section id="a{n}"><h2>{heading}</h2><p>{escape(parsed.article.source)}: '
        f"{_summary(checked)}</p><article>"
        f'<div class="text">{_marked_text(n, parsed.article.text, checked)}</div>'
        f'<div><h3>Claims</h3><ol class="claims">{items}</ol>'
        f'<h3>Sources</h3><ol class="sources">{sources or "<li>none</li>"}</ol>'
        "</div></article></section>"
    )


def _article_list(pairs: Sequence[tuple[ParsedArticle, Checked]]) -> str:
    rows = "".join(
        f'<li><a href="#a{n}">{escape(p.article.title or p.article.source)}</a> — '
        f"{_summary(c)}</li>"
        for n, (p, c) in enumerate(pairs, start=1)
    )
    return f'<nav><h2>Articles</h2><ol class="articles">{rows}</ol></nav>'


def check_html(pairs: Sequence[tuple[ParsedArticle, Checked]]) -> str:
    sections = "".join(article_section(n, p, c) for n, (p, c) in enumerate(pairs, start=1))
    ratio = overall([c for _, c in pairs])
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>refs check — coverage {ratio:.0%}</title><style>{CSS}</style></head><body>"
        f"<header><h1>Coverage report</h1><p>{len(pairs)} article(s), coverage "
        f"{ratio:.0%}</p>{_article_list(pairs)}</header>{sections}</body></html>\n"
    )
