"""Merge and distinct decisions kept by the text of the variants too (table
``variant_decisions``): a decision on two references is also remembered as "a variant
with this text (its identity: outlet, date, normalised title, authors) is in / apart
from reference KEY". A variant that comes back as a new record (a corrected article
added again with ``--replace``, an article removed and added again) then follows the
decision: it joins the reference it was merged into, or is kept apart from the one it
was told apart from, instead of being proposed again by ``refs dedupe``. Runs inside
the caller's transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable

from refs.dedupe.identity import Identity, variant_identity
from refs.library.store import Library
from refs.models import Fields

MERGED, DISTINCT = "merged", "distinct"


def text_form(identity: Identity) -> str:
    """The text a decision is kept under: the variant's identity as JSON."""
    return json.dumps(identity, ensure_ascii=False)


def variant_forms(lib: Library, record_id: int) -> list[str]:
    """The text forms of the variants a record is cited as (its own fields when it has no
    citation), sorted."""
    variants: list[Fields] = list(lib.record_variants(record_id))
    if not variants:
        row = lib.db.execute("SELECT key FROM records WHERE id = ?", (record_id,)).fetchone()
        own = lib.reference(str(row[0])) if row else None
        variants = [own] if own else []
    return sorted({text_form(variant_identity(v)) for v in variants})


def remember(lib: Library, forms: Iterable[str], key: str, decision: str) -> None:
    """Variants of these forms are ``decision`` (merged into / distinct from) ``key``."""
    lib.db.executemany(
        "INSERT OR REPLACE INTO variant_decisions (form, key, decision) VALUES (?, ?, ?)",
        ((f, key, decision) for f in forms),
    )


def remember_merge(lib: Library, keep: str, drop: str) -> None:
    """Before ``drop`` goes into ``keep``: the variants of both are in ``keep``."""
    for key in (keep, drop):
        record = lib.record_id(key)
        if record is not None:
            remember(lib, variant_forms(lib, record), keep, MERGED)


def remember_distinct(lib: Library, a: str, b: str) -> None:
    """The variants of ``a`` are apart from ``b``, and those of ``b`` from ``a``."""
    for mine, other in ((a, b), (b, a)):
        record = lib.record_id(mine)
        if record is not None:
            forms = variant_forms(lib, record)
            lib.db.executemany(
                "DELETE FROM variant_decisions WHERE form = ? AND decision = ?",
                ((f, MERGED) for f in forms if _merged_into(lib, f) == lib.resolve_key(other)),
            )
            remember(lib, forms, other, DISTINCT)


def _merged_into(lib: Library, form: str) -> str | None:
    row = lib.db.execute(
        "SELECT key FROM variant_decisions WHERE form = ? AND decision = ? ORDER BY key",
        (form, MERGED),
    ).fetchone()
    return None if row is None else lib.resolve_key(str(row[0]))


def decided(
    lib: Library, identities: Iterable[Identity]
) -> dict[Identity, tuple[str | None, set[str]]]:
    """For each identity with a decision: the live key it was merged into (None if none
    lives) and the live keys it is apart from."""
    out: dict[Identity, tuple[str | None, set[str]]] = {}
    if lib.db.execute("SELECT 1 FROM variant_decisions LIMIT 1").fetchone() is None:
        return out  # no decision yet: nothing to look up (a first add of many files)
    for ident in identities:
        rows = lib.db.execute(
            "SELECT key, decision FROM variant_decisions WHERE form = ? ORDER BY key",
            (text_form(ident),),
        ).fetchall()
        if not rows:
            continue
        merged = next((k for k, d in rows if d == MERGED and lib.resolve_key(str(k))), None)
        apart = {live for k, d in rows if d == DISTINCT if (live := lib.resolve_key(str(k)))}
        out[ident] = (None if merged is None else lib.resolve_key(str(merged)), apart)
    return out
