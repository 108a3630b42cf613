"""Editing a library reference by hand (``refs edit``), its tags and notes (``refs tag``,
``untag``, ``note``). Generic over the fields model: any field can be set, by its name
(``container-title`` and ``container_title`` both work). A field set by hand wins over
the merge of the variants from then on (refs.library.hand). Runs inside the caller's
transaction."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from difflib import get_close_matches
from typing import Any

from pydantic import ValidationError

from refs.errors import UsageError
from refs.library.decisions import live_key
from refs.library.hand import adapter, encode
from refs.library.store import Library
from refs.models import DATE_FIELDS, FIELD_NAMES, Fields
from refs.models.trusted import REQUIRED, defaults
from refs.outlets import resolve
from refs.select import parse_bound

_REQUIRED = frozenset(n for n, d in defaults(Fields).items() if d is REQUIRED)


def field_name(text: str) -> str:
    """The model's name for a field named on the command line; a UsageError naming the
    nearest fields for an unknown one."""
    name = text.strip().lower().replace("-", "_")
    if name in FIELD_NAMES:
        return name
    near = get_close_matches(name, FIELD_NAMES, n=3, cutoff=0.6)
    shown = ", ".join(n.replace("_", "-") for n in FIELD_NAMES)
    hint = f"did you mean: {', '.join(near)}?" if near else f"the fields are: {shown}"
    raise UsageError(f"unknown field {text!r}", hint=hint)


def field_value(name: str, text: str) -> object:
    """The value of field ``name`` written as ``text`` (a date as 2001, 2001-03 or
    2001-03-01); a UsageError saying what is wrong with a bad one."""
    if name in DATE_FIELDS:
        date = parse_bound(text)
        if date is None:
            raise UsageError(
                f"{name}: {text!r} is not a date", hint="write it as 2001, 2001-03 or 2001-03-01"
            )
        return date
    if name == "type":
        from refs.formats.bib_types import CSL_TYPES

        if text not in CSL_TYPES:
            near = get_close_matches(text, sorted(CSL_TYPES), n=3)
            hint = f"did you mean: {', '.join(near)}?" if near else "see the CSL item types"
            raise UsageError(f"type: {text!r} is not a CSL item type", hint=hint)
    if name in _REQUIRED and not text.strip():
        raise UsageError(f"{name} cannot be empty")
    try:
        return adapter(name).validate_python(text)
    except ValidationError as exc:
        problem = exc.errors()[0]["msg"]
        raise UsageError(f"{name}: {text!r} is not a valid value ({problem})") from None


def assignments(texts: Sequence[str]) -> dict[str, object]:
    """``FIELD=VALUE`` arguments -> field name -> value (each checked)."""
    out: dict[str, object] = {}
    for text in texts:
        if "=" not in text:
            hint = "e.g. --set title='Gore aide'"
            raise UsageError(f"--set {text!r}: write FIELD=VALUE", hint=hint)
        name, _, value = text.partition("=")
        out[field_name(name)] = field_value(field_name(name), value)
    return out


def edit(
    lib: Library,
    key: str,
    values: Mapping[str, object],
    unset: Sequence[str] = (),
    reset: Sequence[str] = (),
) -> str:
    """Set ``values`` and clear the fields ``unset`` by hand; ``reset`` fields go back to
    the merge of the variants. Returns the live key."""
    live = live_key(lib, key)
    record = lib.record_id(live)
    assert record is not None
    changes: dict[str, Any] = dict(values)
    for text in unset:
        name = field_name(text)
        if name in _REQUIRED:
            raise UsageError(f"{name} cannot be unset", hint=f"set it: --set {name}=...")
        changes[name] = None
    if "outlet" in changes and "outlet_canonical" not in changes:
        outlet = changes["outlet"]
        changes["outlet_canonical"] = resolve(outlet).name if isinstance(outlet, str) else None
    for name, value in sorted(changes.items()):
        lib.db.execute(
            "INSERT OR REPLACE INTO hand_fields VALUES (?, ?, ?)",
            (record, name, encode(name, value)),
        )
    for text in reset:
        lib.db.execute(
            "DELETE FROM hand_fields WHERE record_id = ? AND field = ?", (record, field_name(text))
        )
    lib.refresh_record(record)
    if not lib.record_variants(record):  # no citation to merge from: write the row itself
        _write_uncited(lib, record, changes)
    return live


def _write_uncited(lib: Library, record: int, changes: Mapping[str, Any]) -> None:
    from refs.library.schema import FIELD_COLS, fields_of_row, fields_row

    row = lib.db.execute(f"SELECT {FIELD_COLS} FROM records WHERE id = ?", (record,)).fetchone()
    fields = dataclasses.replace(fields_of_row(row), **dict(changes))
    cols = FIELD_COLS.split(", ")
    sets = ", ".join(f"{c} = ?" for c in cols)
    lib.db.execute(f"UPDATE records SET {sets} WHERE id = ?", (*fields_row(fields), record))


def tag(lib: Library, key: str, tags: Sequence[str], *, remove: bool = False) -> str:
    """Add (or with ``remove``, take away) tags of a reference. Returns the live key."""
    live = live_key(lib, key)
    record = lib.record_id(live)
    for name in tags:
        if not name.strip():
            raise UsageError("a tag cannot be empty")
        if remove:
            lib.db.execute("DELETE FROM tags WHERE record_id = ? AND tag = ?", (record, name))
        else:
            lib.db.execute("INSERT OR IGNORE INTO tags VALUES (?, ?)", (record, name.strip()))
    return live


def note(lib: Library, key: str, text: str) -> str:
    """Add a note to a reference. Returns the live key."""
    if not text.strip():
        raise UsageError("a note cannot be empty")
    live = live_key(lib, key)
    lib.db.execute(
        "INSERT INTO notes (record_id, text) VALUES (?, ?)", (lib.record_id(live), text.strip())
    )
    return live


def care_of(lib: Library, key: str) -> tuple[list[str], list[str], list[str]]:
    """The tags (sorted), notes (in the order written) and fields set by hand of a
    reference."""
    record = lib.record_id(key)
    tags = [
        str(r[0])
        for r in lib.db.execute("SELECT tag FROM tags WHERE record_id = ? ORDER BY tag", (record,))
    ]
    notes = [
        str(r[0])
        for r in lib.db.execute("SELECT text FROM notes WHERE record_id = ? ORDER BY id", (record,))
    ]
    hand = sorted(lib.hand_fields(record)) if record is not None else []
    return tags, notes, hand


def tags_by_key(lib: Library, record_ids: Sequence[int] | None = None) -> dict[str, set[str]]:
    """Key -> its tags, for every tagged reference (or those of ``record_ids``)."""
    sql = "SELECT r.key, t.tag FROM tags t JOIN records r ON r.id = t.record_id"
    rows = []
    if record_ids is None:
        rows = lib.db.execute(sql).fetchall()
    for start in range(0, len(record_ids or ()), 500):
        chunk = list((record_ids or ())[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows += lib.db.execute(f"{sql} WHERE t.record_id IN ({marks})", chunk).fetchall()
    out: dict[str, set[str]] = {}
    for key, name in rows:
        out.setdefault(str(key), set()).add(str(name))
    return out
