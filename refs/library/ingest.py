"""Adding to the library: parsed articles (``refs add``) and imported references
(``refs import``), deduplicated exactly and then by the conservative fuzzy rule, against
the library and within the batch. Runs inside the caller's transaction."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from refs.dedupe.clusters import Item, find_duplicates, make_item
from refs.dedupe.identity import Identity, key_request, variant_identity
from refs.dedupe.merge import merge_variants
from refs.dedupe.reach import cells_for
from refs.keys import is_keepable_key, kept_keys
from refs.library.lookups import (
    LibraryKeys,
    candidate_keys,
    distinct_pairs_among,
    items_in,
    key_starts,
    save_key_starts,
)
from refs.library.store import Library
from refs.library.texts import keep_text
from refs.models import (
    Article,
    Citation,
    Fields,
    LibraryReference,
    Reference,
    fields_digest,
    fields_of,
)
from refs.outlets import resolve
from refs.parse.trusted import trusted
from refs.pipeline import ParsedArticle

NEW = "~"  # prefix of batch-local keys (sorts after every real key)


@dataclass(frozen=True, slots=True)
class Entry:
    """One citation to record, with the variant it was cited as."""

    citation: Citation
    variant: Fields
    wanted: tuple[str, ...] = ()  # keys an imported file gave it (kept where free)


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


def storable(name: str) -> str:
    """A file name as the library can keep it: bytes that are not UTF-8 (kept by Python
    as surrogates) become U+FFFD instead of failing the whole command."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def article_identity(article: Article, references: Sequence[Reference]) -> str:
    """Hash of publication, issue, title and the normalised source list: the same article
    in another layout (or file) has the same identity."""
    parts = [_fold(article.publication), _fold(article.issue), _fold(article.title)]
    parts.extend(_fold(r.raw) for r in references)
    if not any(parts):
        parts.append(_fold(article.text))
    digest = hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()
    return digest[:32]


@contextmanager
def _bulk() -> Iterator[None]:
    """No cyclic garbage collection while many small objects are built: with it the
    work grows faster than linearly with the batch (see FACTS: gc.freeze/disable)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def add_articles(
    lib: Library,
    parsed: Sequence[ParsedArticle],
    progress: Callable[[int], None] | None = None,
    ids: dict[str, str] | None = None,
) -> IngestReport:
    """Record parsed articles. The same file again changes nothing; the same article from
    another file adds its citations to the references the first one made. ``ids``, when
    given, is told each article's identity (by its source)."""
    with _bulk():
        return _add_articles(lib, parsed, progress, {} if ids is None else ids)


def _add_articles(
    lib: Library,
    parsed: Sequence[ParsedArticle],
    progress: Callable[[int], None] | None,
    ids: dict[str, str],
) -> IngestReport:
    report = IngestReport()
    entries: list[Entry] = []
    in_library: set[str] = set()  # articles the library had before: copies may attach
    seen: dict[str, set[str]] = defaultdict(set)
    new_here: set[str] = set()  # articles this command adds to the library
    for pa in sorted(parsed, key=lambda p: os.path.normpath(p.article.source)):
        art = pa.article
        source = storable(os.path.normpath(art.source))
        file = storable(str(Path(os.path.normpath(art.source)).resolve()))
        aid = ids[art.source] = article_identity(art, pa.references)
        if file in seen[aid] or lib.has_article_file(aid, file):
            report.articles_known += 1
        else:
            if lib.has_article(aid):
                in_library.add(aid)
            known = bool(seen[aid]) or aid in in_library
            seen[aid].add(file)
            lib.insert_article(
                aid,
                source,
                file,
                art.publication,
                art.issue,
                art.issue_date_iso(),
                art.title,
                art.layout,
            )
            if known:
                report.copies += 1
            else:
                report.articles_added += 1
                new_here.add(aid)
            for ref in pa.references:
                cite = trusted(  # our own parse: validated already
                    Citation,
                    {
                        "article": source,
                        "article_id": aid,
                        "issue": art.issue,
                        "index": ref.index,
                        "raw": ref.raw,
                        "line": ref.span.line if ref.span else None,
                    },
                )
                entries.append(Entry(cite, fields_of(ref)))
        # the first file's text; an article of a version-1 library gets it when added again
        if keep_text(lib, aid, source, art.text) and aid not in new_here:
            report.texts_filled += 1
        if progress is not None:
            progress(1)
    _ingest(lib, entries, report, in_library)
    return report


IMPORT_BATCH = 10_000  # imported references deduplicated together


def import_references(lib: Library, refs: Sequence[LibraryReference], source: str) -> IngestReport:
    """Record imported references (one citation each, from the import file), in batches of
    ``IMPORT_BATCH``: each is deduplicated against the library and the batches before it."""
    report = IngestReport()
    with _bulk():
        for start in range(0, len(refs), IMPORT_BATCH):
            _import_references(lib, refs[start : start + IMPORT_BATCH], source, report)
    return report


def _import_references(
    lib: Library, refs: Sequence[LibraryReference], source: str, report: IngestReport
) -> None:
    source = storable(source)
    entries: list[Entry] = []
    for ref in refs:
        variant = fields_of(ref)
        if variant.outlet and not variant.outlet_canonical:
            variant = variant.model_copy(update={"outlet_canonical": resolve(variant.outlet).name})
        aid = "import:" + fields_digest(variant)
        cite = Citation(article=source, article_id=aid, index=0, raw=_import_raw(ref))
        entries.append(Entry(cite, variant, (ref.key, *ref.aliases)))
        entries.extend(Entry(c, variant) for c in ref.citations)
    _ingest(lib, entries, report, {e.citation.article_id for e in entries})


def _free_aliases(
    lib: Library, attach: Sequence[tuple[int, Citation, Fields]], entries: Sequence[Entry]
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


def _import_raw(ref: LibraryReference) -> str:
    bits = [ref.title, ref.outlet or "", ref.issued.iso() if ref.issued else ""]
    return f"[{ref.key}] " + ", ".join(b for b in bits if b)


def _ingest(
    lib: Library, entries: Sequence[Entry], report: IngestReport, maybe_known: set[str]
) -> None:
    """Record ``entries``; only those of ``maybe_known`` articles (or imports) can be in
    the library already."""
    # A copy of an article already in the library: its entries go where the first went.
    fresh: list[Entry] = []
    placed: dict[str, dict[int, int]] = {}
    attach: list[tuple[int, Citation, Fields]] = []
    touched: set[int] = set()
    for e in entries:
        c = e.citation
        if c.article_id not in maybe_known:
            fresh.append(e)
            continue
        if lib.has_citation(c.article_id, c.article, c.index):
            continue
        if c.article_id not in placed:
            placed[c.article_id] = lib.cited_records(c.article_id)
        record = placed[c.article_id].get(c.index)
        if record is not None:
            attach.append((record, c, e.variant))
            touched.add(record)
        else:
            fresh.append(e)

    # Group the rest on their normalised fields, then match the groups with the library.
    by_ident: dict[Identity, list[Entry]] = defaultdict(list)
    first_view: dict[Identity, Item] = {}
    for e in fresh:
        v = e.variant
        it = make_item("", v.title, v.outlet, v.issued, v.outlet_canonical, v.author)
        ident = variant_identity(v)  # the one identity rule, as in a run over files
        by_ident[ident].append(e)
        first_view.setdefault(ident, it)
    # batch-local keys, numbered in content order (they sort after every real key)
    groups: dict[str, list[Entry]] = {}
    views: dict[str, Item] = {}
    for n, ident in enumerate(sorted(by_ident, key=repr)):
        key = f"{NEW}{n:09d}"
        groups[key] = by_ident[ident]
        it = first_view[ident]
        views[key] = dataclasses.replace(it, key=key)
    new_items = list(views.values())
    # only the records a new item can pair with, found through the store's index
    existing = items_in(lib, cells_for(new_items))
    distinct = distinct_pairs_among(lib, [it.key for it in existing])
    result = find_duplicates([*existing, *new_items], distinct, focus=set(groups))
    group_of = {k: g for g in result.auto_groups for k in g}

    creations: list[list[str]] = []
    done: set[str] = set()
    for key in sorted(groups):
        if key in done:
            continue
        members = group_of.get(key, (key,))
        done.update(members)
        new_keys = [k for k in members if k.startswith(NEW)]
        old_keys = [k for k in members if not k.startswith(NEW)]
        if old_keys:
            record = lib.record_id(min(old_keys))
            assert record is not None
            for k in new_keys:
                attach.extend((record, e.citation, e.variant) for e in groups[k])
                report.matched += len(groups[k])
            touched.add(record)
        else:
            creations.append(new_keys)

    fields = [merge_variants([e.variant for k in made for e in groups[k]]) for made in creations]
    requests = [key_request(f) for f in fields]
    wanted = [[k for m in made for e in groups[m] for k in e.wanted] for made in creations]
    starts = key_starts(lib, [r.base for r in requests])
    given = LibraryKeys(lib)
    given.expect([*candidate_keys(requests, starts), *(k for own in wanted for k in own)])
    keys, aliases = kept_keys(wanted, requests, given, starts) if requests else ([], [])
    save_key_starts(lib, starts)
    rows: list[tuple[int, Citation, Fields]] = []
    ids = lib.insert_records(
        [
            (key, f, views[made[0]] if len(made) == 1 else None)
            for key, f, made in zip(keys, fields, creations, strict=True)
        ]
    )
    for record, made in zip(ids, creations, strict=True):
        rows.extend((record, e.citation, e.variant) for k in made for e in groups[k])
    lib.add_aliases((a, record) for record, own in zip(ids, aliases, strict=True) for a in own)
    lib.add_aliases(_free_aliases(lib, attach, entries))
    lib.insert_citations(rows)
    lib.insert_citations(attach)
    for record in sorted(touched):
        lib.refresh_record(record)
    report.citations += len(rows) + len(attach)
    report.new_references += len(keys)
    report.new_keys.extend(sorted(keys))
