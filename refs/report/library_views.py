"""Text and JSON views of the library: ``refs list``, ``refs show``, ``refs dedupe`` and the
summaries of ``refs add`` / ``refs import``. Pure: strings out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from refs.models import LibraryReference
from refs.report.json_doc import dumps, library_reference_json
from refs.report.table import table
from refs.text import visible

if TYPE_CHECKING:  # (the commands that print a search's results import neither)
    from refs.dedupe.clusters import Cluster, DedupeResult
    from refs.library.placing import IngestReport


def references_json(refs: Sequence[LibraryReference]) -> str:
    return dumps([library_reference_json(r) for r in refs])


def references_table(refs: Sequence[LibraryReference]) -> str:
    rows = [
        [
            r.key,
            r.issued.iso() if r.issued else "?",
            r.type,
            str(articles_citing(r)),
            r.outlet_canonical or r.outlet or "?",
            r.title,
        ]
        for r in refs
    ]
    if not rows:
        return "(the library is empty)\n"
    return table(["key", "issued", "type", "articles", "outlet", "title"], rows) + "\n"


def articles_citing(ref: LibraryReference) -> int:
    """How many articles (or imports) cite ``ref``: an article added from two files or
    layouts counts once."""
    return len({c.article_id for c in ref.citations})


def reference_text(ref: LibraryReference, aliases: Sequence[str] = ()) -> str:
    fields = [
        ("key", ref.key),
        ("title", ref.title),
        ("outlet", ref.outlet or ""),
        ("outlet (canonical)", ref.outlet_canonical or ""),
        ("issued", ref.issued.iso() if ref.issued else ""),
        ("type", ref.type),
        ("publisher", ref.publisher or ""),
        ("container-title", ref.container_title or ""),
    ]
    if aliases:
        fields.append(("merged keys", ", ".join(aliases)))
    lines = [f"{name + ':':<20}{visible(value)}" for name, value in fields if value]
    lines.append(f"cited {len(ref.citations)} time(s):")
    for c in ref.citations:
        where = f"{c.article}:{c.line}" if c.line is not None else c.article
        issue = f" (issue {c.issue})" if c.issue else ""
        lines.append(visible(f"  {where}{issue} #{c.index + 1}: {c.raw}"))
    return "\n".join(lines) + "\n"


def _cluster_json(cluster: Cluster, refs: Mapping[str, LibraryReference]) -> dict[str, Any]:
    return {
        "keys": list(cluster.keys),
        "auto": cluster.auto,
        "titles": {k: refs[k].title for k in cluster.keys if k in refs},
        "pairs": [
            {"a": p.a, "b": p.b, "score": p.score, "auto": p.auto, "reasons": list(p.reasons)}
            for p in cluster.pairs
        ],
    }


def dedupe_json(result: DedupeResult, refs: Mapping[str, LibraryReference]) -> str:
    return dumps(
        {
            "clusters": [_cluster_json(c, refs) for c in result.clusters],
            "auto_groups": [list(g) for g in result.auto_groups],
            "comparisons": result.comparisons,
            "all_pairs": result.all_pairs,
        }
    )


def dedupe_text(result: DedupeResult, refs: Mapping[str, LibraryReference]) -> str:
    if not result.clusters:
        return "no candidate duplicates\n"
    out: list[str] = []
    for n, cluster in enumerate(result.clusters, 1):
        mark = "merges on its own (--apply)" if cluster.auto else "needs a decision"
        out.append(f"cluster {n}: {' '.join(cluster.keys)}  [{mark}]")
        for k in cluster.keys:
            ref = refs.get(k)
            if ref is not None:
                date = ref.issued.iso() if ref.issued else "?"
                out.append(visible(f"  {k}: {ref.title} | {ref.outlet or '?'} | {date}"))
        for p in cluster.pairs:
            flag = "auto" if p.auto else "ask "
            out.append(f"    {p.score:.3f} {flag} {p.a} ~ {p.b}: {'; '.join(p.reasons)}")
        out.append("")
    out.append("decide with: refs merge KEY KEY  |  refs distinct KEY KEY")
    return "\n".join(out) + "\n"


def ingest_json(report: IngestReport) -> str:
    """The summary of `refs add`/`refs import` as JSON (counts and the new keys)."""

    doc = {
        "articles_added": report.articles_added,
        "articles_known": report.articles_known,
        "copies": report.copies,
        "new_references": report.new_references,
        "citations": report.citations,
        "matched": report.matched,
        "texts_filled": report.texts_filled,
        "new_keys": list(report.new_keys),
        "auto_merged": [{"key": k, "into": into} for k, into in sorted(report.auto_merged)],
    }
    return dumps(doc)


def ingest_summary(report: IngestReport) -> str:
    counts = [
        (report.articles_added, "article(s) added"),
        (report.copies, "copy(ies) of articles already known"),
        (report.articles_known, "article file(s) already in the library"),
        (report.new_references, "new reference(s)"),
        (report.citations, "citation(s) recorded"),
        (report.matched, "matched to references in the library"),
        (report.texts_filled, "article text(s) kept for articles added before"),
    ]
    parts = [f"{n} {what}" for n, what in counts if n] or ["nothing new"]
    out = "refs: " + ", ".join(parts) + "\n"
    merged = sorted(report.auto_merged)
    if merged:
        shown = ", ".join(f"{k} into {into}" for k, into in merged[:3])
        more = f" and {len(merged) - 3} more" if len(merged) > 3 else ""
        out += f"refs: merged automatically: {shown}{more} (undo one: refs split KEY)\n"
    return out
