"""The JSON documents: parse results (the contract of DESIGN.md §4) and library
references, derived from the models (plain dicts; the CLI serialises)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import orjson
from pydantic_core import PydanticUndefined

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

if TYPE_CHECKING:
    from refs.pipeline import ParsedArticle


def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    """``model_dump(mode="json")``'s dict, written out (no serializer schema is built for
    the one model every command reports)."""
    return {
        "code": d.code,
        "severity": d.severity.value,
        "file": d.file,
        "line": d.line,
        "message": d.message,
        "hint": d.hint,
    }


def _value_json(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.edtf()
    if isinstance(value, tuple):
        return [v.csl() if isinstance(v, Name) else list(v) for v in value]
    return value


def fields_json(fields: Fields) -> dict[str, Any]:
    """The bibliographic fields in the order of the fields model: the core fields always
    (the JSON contract, with ``year_inferred`` beside ``issued``), the others where set;
    dates as EDTF (ISO 8601 at their precision), names as CSL-JSON name objects."""
    out: dict[str, Any] = {}
    values = fields.__dict__
    for name in _looked_at(frozenset(fields.model_fields_set)):
        value = values[name]
        if value.__class__ is str:  # most values: text as it is
            if value or name in _CORE:
                out[name] = value
            continue
        if name not in _CORE and value in (None, ()):
            continue
        out[name] = _value_json(value)
        if name == "issued":
            out["year_inferred"] = value.year_inferred if value is not None else False
    return out


_CORE = frozenset(CORE_FIELDS)
# fields shown whatever their value: the core ones and those whose default is not empty
_SHOWN = _CORE | {
    n
    for n, f in Fields.model_fields.items()
    if f.default_factory is not None or f.default not in (None, "", (), PydanticUndefined)
}


@lru_cache(maxsize=1024)
def _looked_at(given: frozenset[str]) -> tuple[str, ...]:
    """The fields ``fields_json`` looks at, in order, for a model whose fields set
    explicitly are ``given`` (pydantic's ``model_fields_set``): every other one holds
    its default, which is empty and not shown. Most references set a dozen fields of
    the hundred."""
    return tuple(n for n in FIELD_NAMES if n in _SHOWN or n in given)


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
    return c.model_dump(mode="json")


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
