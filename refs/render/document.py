"""References -> a rendered document (the text that ``refs render`` prints)."""

from __future__ import annotations

from collections.abc import Sequence

from refs.formats.csl_item import to_csl
from refs.models import Keyed
from refs.render.engine import CiteSpec, Rendered, render, render_clusters
from refs.render.loader import Style


def render_references(
    refs: Sequence[Keyed],
    style: Style,
    fmt: str,
    citations: bool,
    source: str = "<refs>",
    clusters: Sequence[Sequence[CiteSpec]] = (),
) -> Rendered:
    """The bibliography; with ``citations`` one citation per reference, with
    ``clusters`` those citations (in order: notes 1, 2, ... in a note style)."""
    items = [to_csl(r) for r in refs]
    if clusters:
        return render_clusters(items, style, clusters, fmt, source=source)
    return render(items, style, fmt, citations=citations, source=source)


def document(result: Rendered, fmt: str) -> str:
    """text: one entry per line (then one citation per line); markdown: one paragraph
    per entry (then a list of citations); html: a csl-bib-body div (then a list)."""
    entries = [e.text for e in result.entries]
    cites = [c.text for c in result.citations]
    if fmt == "html":
        out = ['<div class="csl-bib-body">', *(f"  {e}" for e in entries), "</div>"]
        if cites:
            out += ['<ul class="citations">', *(f"  <li>{c}</li>" for c in cites), "</ul>"]
        return "\n".join(out) + "\n"
    if fmt == "markdown":
        text = "\n\n".join(entries)
        if cites:
            text += "\n\n" + "\n".join(f"- {c}" for c in cites)
        return text + "\n" if text else ""
    lines = entries + (["", *cites] if cites else [])
    return "\n".join(lines) + "\n" if lines else ""
