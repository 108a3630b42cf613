"""The user's decisions on duplicates: ``refs dedupe``, ``refs merge``, ``refs distinct``.
Each runs inside the caller's transaction."""

from __future__ import annotations

from difflib import get_close_matches

from refs.dedupe.clusters import DedupeResult, find_duplicates
from refs.errors import UsageError
from refs.library.store import Library
from refs.library.unmerge import merged_away, remember, split


def live_key(lib: Library, key: str) -> str:
    """The live key that ``key`` leads to (keys are lowercase: ``AP2000Gore`` works too);
    a UsageError naming the nearest keys when there is none."""
    live = lib.resolve_key(key) or lib.resolve_key(key.strip().lower())
    if live is None:
        near = get_close_matches(key.strip().lower(), sorted(lib.taken_keys()), n=3, cutoff=0.75)
        hint = f"did you mean: {', '.join(near)}?" if near else "see the keys with: refs list"
        raise UsageError(f"no reference with key {key!r}", hint=hint)
    return live


def library_duplicates(lib: Library) -> DedupeResult:
    """Candidate clusters over the whole library; pairs marked distinct are left out."""
    return find_duplicates(lib.items(), lib.distinct_pairs())


def clustered_keys(result: DedupeResult) -> set[str]:
    """The keys a dedupe listing shows (only these need their records read)."""
    return {k for cluster in result.clusters for k in cluster.keys}


def merge(lib: Library, keep: str, drop: str, auto: bool = False) -> tuple[str, str]:
    """Merge ``drop`` into ``keep``: every citation and key goes to ``keep``, whose fields
    become the most complete of all variants. Returns the live keys (kept, dropped)."""
    a, b = live_key(lib, keep), live_key(lib, drop)
    if a == b:
        raise UsageError(f"{keep} and {drop} are already one reference ({a})")
    keep_id, drop_id = lib.record_id(a), lib.record_id(b)
    assert keep_id is not None and drop_id is not None
    lib.set_distinct(a, b, False)
    remember(lib, a, b, drop_id, auto)  # `refs split` can undo it
    lib.move_record(drop_id, keep_id)
    lib.refresh_record(keep_id)
    return a, b


def mark_distinct(lib: Library, a: str, b: str) -> tuple[str, str]:
    """Remember that ``a`` and ``b`` are different items: never proposed again. When one
    was merged into the other (by hand or automatically), the merge is split first."""
    la, lb = live_key(lib, a), live_key(lib, b)
    if la == lb:
        away = next((k for k in (b, a) if merged_away(lib, k)), None)
        if away is None:
            raise UsageError(f"{a} and {b} are one reference ({la}); nothing to keep apart")
        kept, dropped, _ = split(lib, away)
        return (kept, dropped) if away == b else (dropped, kept)
    lib.set_distinct(la, lb, True)
    return la, lb


def apply_auto(lib: Library, result: DedupeResult) -> list[tuple[str, str]]:
    """Merge the groups the conservative rule decides; the oldest key of a group stays.
    Returns (kept, dropped) pairs."""
    done: list[tuple[str, str]] = []
    for group in result.auto_groups:
        ids = {k: lib.record_id(k) or 0 for k in group}
        keep = min(group, key=lambda k: (ids[k], k))
        for other in sorted(group):
            if other != keep:
                done.append(merge(lib, keep, other, auto=True))
    return done
