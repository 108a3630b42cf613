"""A merge the user asks for (``refs merge A B``), with care: a merge of references of
different outlets or by different authors, or of two entries of one source list (two
stories, never one), is refused unless forced; ``--keep FIELD=A|B`` chooses a field's
value, which is then kept as set by hand. Runs inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from refs.dedupe.pairs import authors_differ, item_of
from refs.errors import UsageError
from refs.library.decisions import live_key, merge
from refs.library.edits import field_name
from refs.library.hand import encode
from refs.library.store import Library
from refs.outlets import fold


def choices(texts: Sequence[str]) -> dict[str, str]:
    """``FIELD=A`` / ``FIELD=B`` arguments -> field name -> "A" or "B"."""
    out: dict[str, str] = {}
    for text in texts:
        name, _, side = text.partition("=")
        side = side.strip().upper()
        if side not in ("A", "B"):
            raise UsageError(
                f"--keep {text!r}: write FIELD=A (the first key's) or FIELD=B (the second's)"
            )
        out[field_name(name)] = side
    return out


def objections(lib: Library, a: str, b: str) -> list[str]:
    """Why merging the live keys ``a`` and ``b`` looks wrong (empty: it looks fine)."""
    ra, rb = lib.reference(a), lib.reference(b)
    assert ra is not None and rb is not None
    out = []
    oa, ob = ra.outlet_canonical or ra.outlet, rb.outlet_canonical or rb.outlet
    if oa and ob and fold(oa) != fold(ob):
        out.append(f"their outlets differ ({oa} / {ob})")
    if authors_differ(item_of(ra), item_of(rb)):
        names = [", ".join(n.family_full() or n.given or "" for n in r.author) for r in (ra, rb)]
        out.append(f"their authors differ ({names[0]} / {names[1]})")
    shared = {c.article_id for c in ra.citations} & {c.article_id for c in rb.citations}
    shared = {s for s in shared if not s.startswith("import:")}
    if shared:
        where = sorted(c.article for c in ra.citations if c.article_id in shared)[0]
        out.append(f"both are entries of one source list ({where})")
    return out


def careful_merge(
    lib: Library,
    keep: str,
    drop: str,
    chosen: Mapping[str, str] | None = None,
    *,
    force: bool = False,
) -> tuple[str, str]:
    """Merge ``drop`` into ``keep`` unless it looks wrong (then a UsageError, unless
    ``force``); ``chosen`` fields take the value of side "A" (``keep``) or "B"."""
    a, b = live_key(lib, keep), live_key(lib, drop)
    if a == b:
        raise UsageError(f"{keep} and {drop} are already one reference ({a})")
    problems = objections(lib, a, b)
    if problems and not force:
        raise UsageError(
            f"not merging {a} and {b}: " + "; ".join(problems),
            hint="if they are one item all the same, add --force",
        )
    sides = {"A": lib.reference(a), "B": lib.reference(b)}
    values = {name: getattr(sides[side], name) for name, side in (chosen or {}).items()}
    kept, dropped = merge(lib, a, b)
    record = lib.record_id(kept)
    for name, value in sorted(values.items()):
        lib.db.execute(
            "INSERT OR REPLACE INTO hand_fields VALUES (?, ?, ?)",
            (record, name, encode(name, value)),
        )
    if values and record is not None:
        lib.refresh_record(record)
    return kept, dropped
