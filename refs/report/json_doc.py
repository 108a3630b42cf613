"""Parse results -> the JSON contract of DESIGN.md §4 (plain dicts; the CLI serialises)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from refs.diagnostics import Diagnostic
    from refs.models import Reference
    from refs.pipeline import ParsedArticle


def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "severity": d.severity.value,
        "file": d.file,
        "line": d.line,
        "message": d.message,
        "hint": d.hint,
    }


def reference_json(ref: Reference) -> dict[str, Any]:
    return {
        "key": ref.key,
        "raw": ref.raw,
        "title": ref.title,
        "outlet": ref.outlet,
        "outlet_canonical": ref.outlet_canonical,
        "issued": ref.issued.iso() if ref.issued is not None else None,
        "year_inferred": ref.issued.year_inferred if ref.issued is not None else False,
        "type": ref.type,
        "publisher": ref.publisher,
        "container_title": ref.container_title,
        "line": ref.span.line if ref.span is not None else None,
        "start": ref.span.start if ref.span is not None else None,
        "end": ref.span.end if ref.span is not None else None,
        "flags": list(ref.flags),
    }


def article_json(parsed: ParsedArticle) -> dict[str, Any]:
    """One article object: header fields, references in list order, diagnostics."""
    art = parsed.article
    return {
        "source": art.source,
        "layout": art.layout,
        "publication": art.publication,
        "issue": art.issue,
        "issue_date": art.issue_date_iso(),
        "title": art.title,
        "references": [reference_json(r) for r in parsed.references],
        "diagnostics": [diagnostic_json(d) for d in parsed.diagnostics],
    }


def dumps(document: Any) -> str:
    """Stable, readable JSON (UTF-8 text, keys in insertion order, two-space indent)."""
    return orjson.dumps(document, option=orjson.OPT_INDENT_2).decode() + "\n"
