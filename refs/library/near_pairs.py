"""What the conservative rule (refs.dedupe.clusters) joins among a batch's new items and
the records of the library they can pair with, found through the store's index
(refs.dedupe.reach, refs.library.lookups). No pair is ever of two outlets, so the
records are read and compared an outlet at a time: in a dense library a batch reaches
many times more records than it holds, and it holds one outlet's of them at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from refs.dedupe.clusters import Item, find_duplicates
from refs.dedupe.reach import reach
from refs.library.lookups import distinct_pairs_among, items_near
from refs.library.store import Library


def joined(
    lib: Library, new_items: Sequence[Item], apart: dict[str, set[str]]
) -> tuple[dict[str, tuple[str, ...]], dict[str, Item]]:
    """The group the conservative rule puts each key in, among ``new_items`` and the
    records they can pair with (never with the keys they are ``apart`` from), and the
    views of the records in a group."""
    by_outlet: dict[str, list[Item]] = defaultdict(list)
    for it in new_items:
        by_outlet[it.outlet].append(it)
    distinct = {(min(k, o), max(k, o)) for k, others in apart.items() for o in others}
    distinct |= distinct_pairs_among(lib) if by_outlet else set()
    group_of: dict[str, tuple[str, ...]] = {}
    view_of: dict[str, Item] = {}
    for _, items in sorted(by_outlet.items()):
        existing = items_near(lib, reach(items))
        focus = {it.key for it in items}
        result = find_duplicates([*existing, *items], distinct, focus=focus)
        group_of.update((k, g) for g in result.auto_groups for k in g)
        view_of.update((it.key, it) for it in existing if it.key in group_of)
    return group_of, view_of
