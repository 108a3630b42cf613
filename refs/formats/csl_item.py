"""Fields <-> CSL-JSON item: the one mapping that CSL-JSON export and import and
rendering share, derived from the fields model (every CSL variable by its kind)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from refs.formats.csl_dates import csl_date, date_of_csl
from refs.models import CSL_VARIABLES, FIELD_OF_CSL, KINDS, Keyed, Name
from refs.models.names import name_of_csl

# CSL-JSON short forms that Zotero and older tools write, read as the CSL variable
CSL_SYNONYMS = {"shortTitle": "title-short", "journalAbbreviation": "container-title-short"}


def _value(kind: str, value: Any) -> Any:
    if kind == "name":
        return [n.csl() for n in value]
    if kind == "date":
        return csl_date(value)
    return value


def to_csl(ref: Keyed, custom: bool = False) -> dict[str, Any]:
    """The CSL-JSON item for a reference: every CSL variable that is set. Keys are stable
    and values are plain text. With ``custom`` the fields outside CSL go into
    ``custom`` (CSL-JSON's place for them) and aliases into ``custom.aliases``."""
    item: dict[str, Any] = {"id": ref.key, "type": ref.type, "title": ref.title}
    for name, variable in CSL_VARIABLES.items():
        value = getattr(ref, name)
        if value is None or value == "" or value == () or name in ("type", "title"):
            continue
        converted = _value(KINDS[name], value)
        if converted is not None:
            item[variable] = converted
    if not ref.container_title and not ref.publisher and ref.outlet:
        item["container-title"] = ref.outlet
    if custom and (ref.extra_fields or ref.aliases):
        extra: dict[str, Any] = dict(ref.extra_fields)
        if ref.aliases:
            extra["aliases"] = list(ref.aliases)
        item["custom"] = extra
    return item


def names_of(value: Any) -> tuple[Name, ...] | None:
    """Names from a CSL-JSON name list (None where it is not one)."""
    if not isinstance(value, list):
        return None
    names = [name_of_csl(v) for v in value]
    if any(n is None for n in names):
        return None
    return tuple(n for n in names if n is not None)


def _read(kind: str, value: Any) -> Any:
    """The model's value of a CSL-JSON value of ``kind``, None where it is unusable."""
    if kind == "name":
        return names_of(value)
    if kind == "date":
        return date_of_csl(value)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value)


def _verbatim(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@dataclass
class CslRead:
    """The fields read from a CSL-JSON item, and the variables that could not be read
    (kept verbatim among the extra fields)."""

    values: dict[str, Any] = field(default_factory=dict)
    unread: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


def fields_of_csl(item: dict[str, Any]) -> CslRead:
    """Every CSL variable of ``item`` by its kind; ``custom`` and variables outside CSL
    become extra fields (verbatim), ``custom.aliases`` aliases."""
    out = CslRead()
    extra: list[tuple[str, str]] = []
    for variable, value in item.items():
        if variable in ("id", "type") or value is None or value == "" or value == []:
            continue
        if variable == "custom" and isinstance(value, dict):
            for name, text in value.items():
                if name == "aliases" and isinstance(text, list):
                    out.aliases += [str(a) for a in text]
                else:
                    extra.append((str(name), _verbatim(text)))
            continue
        name = FIELD_OF_CSL.get(CSL_SYNONYMS.get(variable, variable))
        if name is None or name in out.values:
            extra.append((variable, _verbatim(value)))
            continue
        read = _read(KINDS[name], value)
        if read is None or read == ():
            out.unread.append(variable)
            extra.append((variable, _verbatim(value)))
            continue
        out.values[name] = read
    if extra:
        out.values["extra_fields"] = tuple(extra)
    return out
