"""The JSON documents: parse results (the contract of DESIGN.md §4) and library
references, derived from the models (plain dicts; the CLI serialises)."""

from __future__ import annotations

from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import orjson

from refs.diagnostics import Diagnostic
from refs.models import (
    CORE_FIELDS,
    FIELD_NAMES,
    Citation,
    Fields,
    LibraryReference,
    Name,
    PartialDate,
    Reference,
)
from refs.models.dump import dumped

if TYPE_CHECKING:
    from refs.pipeline import ParsedArticle


def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return dumped(d)  # type: ignore[no-any-return]


def _value_json(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.edtf()
    if isinstance(value, tuple):
        return [v.csl() if isinstance(v, Name) else list(v) for v in value]
    return value


def fields_json(fields: Fields) -> dict[str, Any]:
    """The bibliographic fields in the order of the fields model: the core fields always
    (the JSON contract, with ``year_inferred`` beside ``issued``), the others where set
    (their defaults are empty); dates as EDTF (ISO 8601 at their precision), names as
    CSL-JSON name objects."""
    out: dict[str, Any] = {}
    values = fields.__dict__
    for name in CORE_FIELDS:
        value = values[name]
        out[name] = value if value is None or value.__class__ is str else _value_json(value)
        if name == "issued":
            out["year_inferred"] = value.year_inferred if value is not None else False
    # the others that hold a value, found in C (most references set a few of a hundred)
    for name in compress(_OTHERS, _values_of_others(values)):
        value = values[name]
        out[name] = value if value.__class__ is str else _value_json(value)
    return out


_OTHERS = FIELD_NAMES[len(CORE_FIELDS) :]
_values_of_others = itemgetter(*_OTHERS)


def reference_json(ref: Reference) -> dict[str, Any]:
    span = ref.span
    return {
        "key": ref.key,
        "raw": ref.raw,
        **fields_json(ref),
        "line": span.line if span is not None else None,
        "start": span.start if span is not None else None,
        "end": span.end if span is not None else None,
        "flags": list(ref.flags),
    }


def citation_json(c: Citation) -> dict[str, Any]:
    return dumped(c)  # type: ignore[no-any-return]


def library_reference_json(ref: LibraryReference) -> dict[str, Any]:
    return {
        "key": ref.key,
        **fields_json(ref),
        "citations": [citation_json(c) for c in ref.citations],
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
    return json_text(document) + "\n"


def json_text(value: Any) -> str:
    """``value`` as two-space-indented JSON. Text that UTF-8 cannot hold (a file name that
    is not UTF-8, kept by Python as lone surrogates) is written with U+FFFD instead."""
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except TypeError:  # orjson refuses lone surrogates
        import json

        from refs.text import encodable

        return encodable(json.dumps(value, ensure_ascii=False, indent=2))
