"""Adding to the library: parsed articles (``refs add``) and imported references
(``refs import``), deduplicated exactly and then by the conservative fuzzy rule, against
the library and within the batch (refs.library.placing). Runs inside the caller's
transaction."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from refs.library.known_articles import known_articles
from refs.library.placing import Entry, IngestReport, place
from refs.library.store import Library
from refs.library.texts import keep_texts
from refs.library.writes import ArticleRow
from refs.models import (
    Article,
    Citation,
    LibraryReference,
    Reference,
    fields_digest,
    fields_of,
)
from refs.models.trusted import trusted
from refs.outlets import resolve
from refs.parse.page_url import page_url
from refs.pipeline import ParsedArticle
from refs.text import loose


def storable(name: str) -> str:
    """A file name as the library can keep it: bytes that are not UTF-8 (kept by Python
    as surrogates) become U+FFFD instead of failing the whole command."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def article_identity(article: Article, references: Sequence[Reference]) -> str:
    """Hash of publication, issue, title and the normalised source list: the same article
    in another layout (or file) has the same identity."""
    parts = [loose(article.publication), loose(article.issue), loose(article.title)]
    parts.extend(loose(r.raw) for r in references)
    if not any(parts):
        parts.append(loose(article.text))
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
    texts_here: set[str] = set()  # articles given a text here
    batch = [
        (pa, _names(pa)) for pa in sorted(parsed, key=lambda p: os.path.normpath(p.article.source))
    ]
    for pa, _ in batch:
        ids[pa.article.source] = article_identity(pa.article, pa.references)
    known = known_articles(lib.db, [ids[pa.article.source] for pa, _ in batch])
    rows: list[ArticleRow] = []
    texts: list[tuple[str, str, str]] = []
    for pa, (source, file) in batch:
        art = pa.article
        aid = ids[art.source]
        if file in seen[aid] or (aid, file) in known.files:
            report.articles_known += 1
        else:
            if aid in known.articles or seen[aid]:
                in_library.add(aid)
            known_here = bool(seen[aid]) or aid in in_library
            seen[aid].add(file)
            rows.append(_article_row(art, aid, source, file))
            if known_here:
                report.copies += 1
            else:
                report.articles_added += 1
                new_here.add(aid)
            entries.extend(_entries(pa, aid, source))
        # the first file's text; an article of a version-1 library gets it when added again
        if aid not in known.texts and aid not in texts_here:
            texts_here.add(aid)
            texts.append((aid, source, art.text))
            if aid not in new_here:
                report.texts_filled += 1
        if progress is not None:
            progress(1)
    lib.insert_articles(rows)
    keep_texts(lib, texts)
    place(lib, entries, report, in_library)
    return report


def _names(pa: ParsedArticle) -> tuple[str, str]:
    """The article's file as given (normalised) and resolved, as the library keeps them."""
    normal = os.path.normpath(pa.article.source)
    return storable(normal), storable(str(Path(normal).resolve()))


def _article_row(art: Article, aid: str, source: str, file: str) -> ArticleRow:
    return ArticleRow(
        aid,
        source,
        file,
        art.publication,
        art.issue,
        art.issue_date_iso(),
        art.title,
        art.layout,
        page_url(art),
    )


def _entries(pa: ParsedArticle, aid: str, source: str) -> Iterator[Entry]:
    """The article's citations with the fields each cites."""
    art = pa.article
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
        yield Entry(cite, fields_of(ref))


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
            variant = dataclasses.replace(variant, outlet_canonical=resolve(variant.outlet).name)
        aid = "import:" + fields_digest(variant)
        cite = Citation(article=source, article_id=aid, index=0, raw=_import_raw(ref))
        entries.append(Entry(cite, variant, (ref.key, *ref.aliases)))
        entries.extend(Entry(c, variant) for c in ref.citations)
    place(lib, entries, report, {e.citation.article_id for e in entries})


def _import_raw(ref: LibraryReference) -> str:
    bits = [ref.title, ref.outlet or "", ref.issued.iso() if ref.issued else ""]
    return f"[{ref.key}] " + ", ".join(b for b in bits if b)
