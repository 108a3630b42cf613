"""Placing the citations of a batch into records, inside the caller's transaction: a
copy of an article already in the library goes where the first went; the rest are
grouped by the one identity rule (refs.dedupe.identity), matched with the records the
store's index finds near them (refs.dedupe.reach) by the conservative fuzzy rule, and
what matches nothing becomes new records with keys from the one key rule. A group
joined to a record by the fuzzy rule (not equal on normalised fields) is an automatic
merge: it gets the key it would have had, as an alias, and is remembered as a merge
(refs.library.unmerge), so that `refs split KEY` gives back the reference it would have
been."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from refs.dedupe.clusters import Item, make_item
from refs.dedupe.identity import Identity, key_request, variant_identity
from refs.dedupe.merge import merge_variants
from refs.dedupe.pairs import exact_form
from refs.keys import KeyRequest, is_keepable_key, kept_keys
from refs.library.lookups import LibraryKeys, candidate_keys, key_starts, save_key_starts
from refs.library.near_pairs import joined
from refs.library.ready import Ready
from refs.library.store import Library
from refs.library.unmerge import remember_joined
from refs.library.variant_decisions import decided
from refs.library.writes import Columns
from refs.models import Citation, Fields

NEW = "~"  # prefix of batch-local keys (sorts after every real key)


@dataclass(frozen=True, slots=True)
class Entry:
    """One citation to record, with the variant it was cited as."""

    citation: Citation
    variant: Fields
    wanted: tuple[str, ...] = ()  # keys an imported file gave it (kept where free)
    ready: Ready | None = None  # what placing asks of the variant, where worked out already

    @property
    def identity(self) -> Identity:
        return variant_identity(self.variant) if self.ready is None else self.ready.identity

    @property
    def stored(self) -> Fields | Columns:
        """The variant as the citation's row gets it (its columns where made already)."""
        return self.variant if self.ready is None else self.ready.columns


@dataclass
class IngestReport:
    articles_added: int = 0
    articles_known: int = 0  # the same file was added before: nothing changed
    copies: int = 0  # the same article from another file or layout
    citations: int = 0  # citations recorded
    new_references: int = 0
    matched: int = 0  # citations that went to references already in the library
    texts_filled: int = 0  # articles added before the library kept texts, text now kept
    new_keys: list[str] = field(default_factory=list)
    auto_merged: list[tuple[str, str]] = field(default_factory=list)  # (key, merged into)


@dataclass
class _Placed:
    """Citations joining existing records, the records whose fields they change, and the
    groups merged into a record by the fuzzy rule (record id, group key)."""

    attach: list[tuple[int, Citation, Fields | Columns]] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)
    merged: list[tuple[int, str]] = field(default_factory=list)

    def join(self, record: int, entries: Sequence[Entry]) -> None:
        self.attach.extend((record, e.citation, e.stored) for e in entries)
        self.touched.add(record)


def place(
    lib: Library, entries: Sequence[Entry], report: IngestReport, maybe_known: set[str]
) -> None:
    """Record ``entries``; only those of ``maybe_known`` articles (or imports) can be in
    the library already."""
    placed = _Placed()
    fresh = _copies(lib, entries, maybe_known, placed)
    groups, views = _grouped(fresh)
    apart = _followed(lib, groups, placed, report)
    creations = _matched(lib, groups, views, placed, report, apart)
    new_ids, keys = _created(lib, creations, groups, views)
    for made, key in zip(creations, keys, strict=True):
        for other in sorted({k for m in made for k in apart.get(m, ())}):
            lib.set_distinct(key, other, True)
    rows = [
        (record, e.citation, e.stored)
        for record, made in zip(new_ids, creations, strict=True)
        for k in made
        for e in groups[k]
    ]
    placed.merged += [(r, k) for r, made in zip(new_ids, creations, strict=True) for k in made[1:]]
    lib.insert_citations(rows)
    lib.insert_citations(placed.attach)
    merged = {id(e.citation) for _, k in placed.merged for e in groups[k]}
    report.auto_merged += _remember_merges(lib, placed.merged, groups)
    lib.add_aliases(
        _free_aliases(lib, placed.attach, [e for e in entries if id(e.citation) not in merged])
    )
    for record in sorted(placed.touched):
        lib.refresh_record(record)
    report.citations += len(rows) + len(placed.attach)
    report.new_references += len(keys)
    report.new_keys.extend(sorted(keys))


def _copies(
    lib: Library, entries: Sequence[Entry], maybe_known: set[str], placed: _Placed
) -> list[Entry]:
    """Entries of a copy of an article already in the library join the records the first
    copy's went to; the others are returned."""
    fresh: list[Entry] = []
    cited: dict[str, dict[int, int]] = {}
    for e in entries:
        c = e.citation
        if c.article_id not in maybe_known:
            fresh.append(e)
            continue
        if lib.has_citation(c.article_id, c.article, c.index):
            continue
        if c.article_id not in cited:
            cited[c.article_id] = lib.cited_records(c.article_id)
        record = cited[c.article_id].get(c.index)
        if record is not None:
            placed.join(record, [e])
        else:
            fresh.append(e)
    return fresh


def _grouped(fresh: Sequence[Entry]) -> tuple[dict[str, list[Entry]], dict[str, Item]]:
    """The entries grouped on the one identity rule, under batch-local keys numbered in
    content order, with each group's matching view."""
    by_ident: dict[Identity, list[Entry]] = defaultdict(list)
    first_view: dict[Identity, Item] = {}
    for e in fresh:
        ident = e.identity  # the one identity rule, as in a run over files
        by_ident[ident].append(e)
        if ident not in first_view:
            v = e.variant
            first_view[ident] = (
                make_item("", v.title, v.outlet, v.issued, v.outlet_canonical, v.author)
                if e.ready is None
                else e.ready.view
            )
    groups: dict[str, list[Entry]] = {}
    views: dict[str, Item] = {}
    for n, ident in enumerate(sorted(by_ident, key=repr)):
        key = f"{NEW}{n:09d}"
        groups[key] = by_ident[ident]
        views[key] = dataclasses.replace(first_view[ident], key=key)
    return groups, views


def _followed(
    lib: Library, groups: dict[str, list[Entry]], placed: _Placed, report: IngestReport
) -> dict[str, set[str]]:
    """The decisions kept by the variants' text (refs.library.variant_decisions): a group
    whose text was merged into a reference that lives joins it (and leaves ``groups``);
    returns the live keys each other group was told apart from."""
    idents = {k: g[0].identity for k, g in groups.items()}
    decisions = decided(lib, set(idents.values()))
    apart: dict[str, set[str]] = {}
    for key, ident in sorted(idents.items()):
        merged, distinct = decisions.get(ident, (None, set()))
        record = lib.record_id(merged) if merged else None
        if record is not None:
            joined = groups.pop(key)
            placed.join(record, joined)
            report.matched += len(joined)
        elif distinct:
            apart[key] = distinct
    return apart


def _matched(
    lib: Library,
    groups: dict[str, list[Entry]],
    views: dict[str, Item],
    placed: _Placed,
    report: IngestReport,
    apart: dict[str, set[str]],
) -> list[list[str]]:
    """Groups the conservative rule joins with a record (placed there) or with each other
    (never with the keys they are ``apart`` from); returns the sets of groups that become
    one new record each."""
    group_of, view_of = joined(lib, [views[k] for k in groups], apart)
    creations: list[list[str]] = []
    done: set[str] = set()
    for key in sorted(groups):
        if key in done:
            continue
        members = group_of.get(key, (key,))
        done.update(members)
        new_keys = [k for k in members if k.startswith(NEW)]
        old_keys = [k for k in members if not k.startswith(NEW)]
        if not old_keys:
            creations.append(new_keys)
            continue
        kept = min(old_keys)
        record = lib.record_id(kept)
        assert record is not None
        for k in new_keys:
            placed.join(record, groups[k])
            report.matched += len(groups[k])
            if exact_form(views[k]) != exact_form(view_of[kept]):
                placed.merged.append((record, k))
    return creations


def _created(
    lib: Library,
    creations: Sequence[Sequence[str]],
    groups: dict[str, list[Entry]],
    views: dict[str, Item],
) -> tuple[list[int], list[str]]:
    """New records, one per set of groups, with their keys (an imported key where free,
    else the one key rule's) and aliases; their ids and keys in order."""
    fields = [merge_variants([e.variant for k in made for e in groups[k]]) for made in creations]
    readies = [_ready(f, groups[made[0]][0]) for f, made in zip(fields, creations, strict=True)]
    # the imported keys of the first group (the others are merged into it: their own)
    wanted = [[k for e in groups[made[0]] for k in e.wanted] for made in creations]
    requests = [
        key_request(f) if r is None else r.request for f, r in zip(fields, readies, strict=True)
    ]
    keys, aliases = _keys_for(lib, requests, wanted)
    ids = lib.insert_records(
        [
            (key, f, views[made[0]] if len(made) == 1 else None, None if r is None else r.columns)
            for key, f, made, r in zip(keys, fields, creations, readies, strict=True)
        ]
    )
    lib.add_aliases((a, record) for record, own in zip(ids, aliases, strict=True) for a in own)
    return ids, keys


def _ready(merged: Fields, first: Entry) -> Ready | None:
    """What was worked out for ``first``'s variant, where the merged fields are it."""
    return first.ready if merged is first.variant else None


def _keys_for(
    lib: Library, requests: Sequence[KeyRequest], wanted: Sequence[Sequence[str]]
) -> tuple[list[str], list[list[str]]]:
    """Keys for new references asking for these keys (an imported key of ``wanted``
    where free, else the one key rule's), and each one's further imported keys."""
    if not requests:
        return [], []
    starts = key_starts(lib, [r.base for r in requests])
    given = LibraryKeys(lib)
    given.expect([*candidate_keys(requests, starts), *(k for own in wanted for k in own)])
    keys, aliases = kept_keys(wanted, requests, given, starts)
    save_key_starts(lib, starts)
    return keys, aliases


def _remember_merges(
    lib: Library, merged: Sequence[tuple[int, str]], groups: dict[str, list[Entry]]
) -> list[tuple[str, str]]:
    """Each group merged into a record gets the keys it would have had as a reference of
    its own (aliases of the record) and is remembered as an automatic merge; returns
    (its key, the record's key) pairs."""
    fields = [merge_variants([e.variant for e in groups[k]]) for _, k in merged]
    wanted = [[w for e in groups[k] for w in e.wanted] for _, k in merged]
    keys, aliases = _keys_for(lib, [key_request(f) for f in fields], wanted)
    out = []
    for (record, k), key, more in zip(merged, keys, aliases, strict=True):
        cited = [(e.citation.article_id, e.citation.article, e.citation.index) for e in groups[k]]
        out.append((key, remember_joined(lib, record, [key, *more], cited)))
    return out


def _free_aliases(
    lib: Library, attach: Sequence[tuple[int, Citation, Fields | Columns]], entries: Sequence[Entry]
) -> list[tuple[str, int]]:
    """Imported keys of entries that joined existing records: aliases where free."""
    wanted = {id(e.citation): e.wanted for e in entries if e.wanted}
    if not wanted:
        return []
    taken = LibraryKeys(lib)
    out = []
    for record, cite, _ in attach:
        for key in wanted.get(id(cite), ()):
            if is_keepable_key(key) and key not in taken and key.lower() not in taken:
                out.append((key, record))
                taken.add(key)
                taken.add(key.lower())
    return out
