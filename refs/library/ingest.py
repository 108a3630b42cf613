"""Adding to the library: parsed articles (``refs add``) and imported references
(``refs import``), deduplicated exactly and then by the conservative fuzzy rule, against
the library and within the batch (refs.library.placing). Runs inside the caller's
transaction."""

from __future__ import annotations

import dataclasses
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path

from refs.library.known_articles import known_articles
from refs.library.placing import Entry, IngestReport, place
from refs.library.ready import ReadyArticle, ready
from refs.library.schema import fields_of_row
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
from refs.parse.year_guess import year_guesses
from refs.pipeline import ParsedArticle
from refs.pipeline.collector import paused


def storable(name: str) -> str:
    """A file name as the library can keep it: bytes that are not UTF-8 (kept by Python
    as surrogates) become U+FFFD instead of failing the whole command."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def add_articles(
    lib: Library,
    parsed: Sequence[ParsedArticle | ReadyArticle],
    progress: Callable[[int], None] | None = None,
    ids: dict[str, str] | None = None,
    files: Mapping[str, str] | None = None,
) -> IngestReport:
    """Record parsed articles (made ready here where they are not yet,
    refs.library.ready). The same file again changes nothing; the same article from
    another file adds its citations to the references the first one made. ``ids``, when
    given, is told each article's identity (by its source); ``files`` may say the
    resolved file of an article's source (else it is resolved here)."""
    with paused():
        articles = [ready(pa) for pa in parsed]
        return _add_articles(lib, articles, progress, {} if ids is None else ids, files or {})


def keyed_guesses(
    lib: Library, articles: Sequence[ReadyArticle], ids: Mapping[str, str]
) -> list[ReadyArticle]:
    """The articles with their S008 findings (refs.parse.year_guess), which name the key
    the library gave each entry: ``KEY`` for an article that is not in the library
    (``ids``: the identities of the articles added)."""
    out = []
    for ra in articles:
        if not ra.guessed:
            out.append(ra)
            continue
        aid = ids.get(ra.article.source)
        keys = lib.cited_keys(aid) if aid is not None else {}
        notes = year_guesses(ra.article, ra.guessed, partial(_key_of, keys))
        out.append(dataclasses.replace(ra, diagnostics=(*ra.diagnostics, *notes)))
    return out


def _key_of(keys: Mapping[int, str], ref: Reference) -> str:
    return keys.get(ref.index, "KEY")


def _add_articles(
    lib: Library,
    articles: Sequence[ReadyArticle],
    progress: Callable[[int], None] | None,
    ids: dict[str, str],
    files: Mapping[str, str],
) -> IngestReport:
    report = IngestReport()
    entries: list[Entry] = []
    in_library: set[str] = set()  # articles the library had before: copies may attach
    seen: dict[str, set[str]] = defaultdict(set)
    new_here: set[str] = set()  # articles this command adds to the library
    texts_here: set[str] = set()  # articles given a text here
    batch = [
        (ra, _names(ra.article.source, files))
        for ra in sorted(articles, key=lambda a: os.path.normpath(a.article.source))
    ]
    for ra, _ in batch:
        ids[ra.article.source] = ra.identity
    known = known_articles(lib.db, [ra.identity for ra, _ in batch])
    rows: list[ArticleRow] = []
    texts: list[tuple[str, str, str]] = []
    for ra, (source, file) in batch:
        art = ra.article
        aid = ra.identity
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
            entries.extend(_entries(ra, source))
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


def resolved(file: str | Path) -> str:
    """The file as the library keys it: its resolved path."""
    return storable(str(Path(os.path.normpath(file)).resolve()))


def _names(source: str, files: Mapping[str, str]) -> tuple[str, str]:
    """The article's file as given (normalised) and resolved, as the library keeps them."""
    file = files.get(source)
    return storable(os.path.normpath(source)), resolved(source) if file is None else file


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


def _entries(ra: ReadyArticle, source: str) -> Iterator[Entry]:
    """The article's citations with the fields each cites (made again from their
    columns)."""
    issue = ra.article.issue
    for c in ra.citations:
        cite = trusted(  # our own parse: validated already
            Citation,
            {
                "article": source,
                "article_id": ra.identity,
                "issue": issue,
                "index": c.index,
                "raw": c.raw,
                "line": c.line,
            },
        )
        yield Entry(cite, fields_of_row(c.ready.columns), ready=c.ready)


IMPORT_BATCH = 10_000  # imported references deduplicated together


def import_references(lib: Library, refs: Sequence[LibraryReference], source: str) -> IngestReport:
    """Record imported references (one citation each, from the import file), in batches of
    ``IMPORT_BATCH``: each is deduplicated against the library and the batches before it."""
    report = IngestReport()
    with paused():
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
