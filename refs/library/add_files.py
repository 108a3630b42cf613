"""``refs add`` over many files, streamed: files go through parse and ingest in batches
of ``BATCH`` (in path order), so memory follows the batch, not the whole run; a file
added before with the same content is known before it is read or parsed (its findings
are shown again from the library).
Runs inside the caller's transaction: the whole command is still all or nothing.

A batch is deduplicated against the library, which holds the batches before it: adding
many files in one command gives what adding them in consecutive commands of ``BATCH``
files gives (and, up to ``BATCH`` files, exactly what one batch gives).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from refs.diagnostics import Diagnostic, has_errors
from refs.library.digests import (
    file_digest,
    findings_json,
    findings_of,
    known_digests,
    record_digests,
)
from refs.library.ingest import add_articles, keyed_guesses, resolved
from refs.library.placing import IngestReport
from refs.library.ready import ReadyArticle, ready_later
from refs.library.store import Library
from refs.pipeline.collector import paused
from refs.pipeline.workers import Workers

BATCH = 250  # articles parsed and stored together (a batch of 1,000 held about 200 MB)


@dataclass
class AddOutcome:
    """What ``add_files`` did, for the summary and the exit code."""

    report: IngestReport = field(default_factory=IngestReport)
    readable: int = 0  # files read as articles (parsed now, or known by their content)
    errors: bool = False  # an error diagnostic was emitted


# what a caller may do with each batch's articles before they are added
Prepare = Callable[[Library, list[ReadyArticle]], list[ReadyArticle]]


def add_files(
    lib: Library,
    files: Sequence[str | Path],
    emit: Callable[[Sequence[Diagnostic]], None],
    on_file: Callable[[Path], None] | None = None,
    batch: int = BATCH,
    prepare: Prepare | None = None,
    issue: str | None = None,
    jobs: int = 1,
    ahead: bool = True,
) -> AddOutcome:
    """Add the article ``files`` (as ``discover`` or, compact, ``article_names`` lists
    them: a batch's names become ``Path``s only when it is read); ``emit`` gets each batch's
    diagnostics once it is stored, ``on_file`` each file once it is dealt with;
    ``prepare`` may drop or replace what each batch adds (corrections), ``issue`` is the
    issue of pages without an issue line; ``jobs`` worker processes read and parse
    (the library is the same whatever their number), with ``ahead`` the next batch while
    one is stored: not where storing may forget files of the next (``prepare`` replacing
    an article removes what the library knew of its files).

    The cyclic garbage collector is paused over the run (the results taken back from the
    workers are many small objects, each collection over a heap that holds the batches'
    work took a tenth of the run) and collects the young objects after each batch."""
    outcome = AddOutcome()
    ordered = sorted(files, key=lambda f: os.path.normpath(str(f)))
    with Workers(jobs) as workers, paused():
        before: _Batch | None = None
        for start in range(0, len(ordered), batch):
            chunk = [Path(f) for f in ordered[start : start + batch]]
            if before is not None and not ahead:
                _stored(lib, before, emit, outcome, prepare)
                before = None
            begun = _begun(lib, chunk, workers, on_file, outcome, issue)  # parsed meanwhile
            if before is not None:
                _stored(lib, before, emit, outcome, prepare)
            before = begun
        if before is not None:
            _stored(lib, before, emit, outcome, prepare)
    return outcome


@dataclass
class _Batch:
    """A batch on its way: its files, where the library keys them and their digests,
    the findings of those it knows by their content, and the parse of the others."""

    files: list[Path]
    paths: list[str]
    digests: list[str | None]
    known: dict[str, list[Diagnostic]]  # file as named -> its findings, kept
    # waits for the parse (the articles made ready, the unreadable files' findings)
    parsed: Callable[[], tuple[list[ReadyArticle], list[Diagnostic]]]


def _begun(
    lib: Library,
    files: list[Path],
    workers: Workers,
    on_file: Callable[[Path], None] | None,
    outcome: AddOutcome,
    issue: str | None,
) -> _Batch:
    """The files of a batch the library knows by their content, and the parse of the
    others started (the batch before is stored meanwhile: it holds other files)."""
    paths = [resolved(f) for f in files]
    digests = [file_digest(f) for f in files]
    stored = known_digests(lib, paths)
    known: dict[str, list[Diagnostic]] = {}
    todo: list[Path] = []
    for file, path, digest in zip(files, paths, digests, strict=True):
        kept = stored.get(path)
        if digest is not None and kept is not None and kept[0] == digest:
            known[str(file)] = findings_of(kept[1], str(file))
            if on_file is not None:
                on_file(file)
        else:
            todo.append(file)
    outcome.report.articles_known += len(known)
    parsed = ready_later(todo, workers, on_file, issue) if todo else _nothing
    return _Batch(files, paths, digests, known, parsed)


def _stored(
    lib: Library,
    batch: _Batch,
    emit: Callable[[Sequence[Diagnostic]], None],
    outcome: AddOutcome,
    prepare: Prepare | None = None,
) -> None:
    """Store a batch once its parse is done, then emit its findings in file order (those
    naming a reference's key name the key the library gave it)."""
    articles, unreadable = batch.parsed()
    ids: dict[str, str] = {}
    where = {
        str(f): (p, d) for f, p, d in zip(batch.files, batch.paths, batch.digests, strict=True)
    }
    adding = prepare(lib, articles) if prepare is not None else articles
    if adding:
        files = {name: path for name, (path, _) in where.items()}
        _merge(outcome.report, add_articles(lib, adding, ids=ids, files=files))
    parsed = {ra.article.source: ra for ra in keyed_guesses(lib, articles, ids)}
    record_digests(lib, _digest_rows([parsed[ra.article.source] for ra in adding], where, ids))
    # findings in the order a parse of every file shows them
    found = list(unreadable)
    known = batch.known
    for name in map(str, batch.files):
        found.extend(
            known[name] if name in known else parsed[name].diagnostics if name in parsed else ()
        )
    emit(found)
    outcome.errors = outcome.errors or has_errors(found)
    outcome.readable += len(known) + len(articles)
    gc.collect(1)  # what the batch left in cycles (the collector is paused over the run)


def _nothing() -> tuple[list[ReadyArticle], list[Diagnostic]]:
    return [], []


def _digest_rows(
    parsed: Sequence[ReadyArticle],
    where: dict[str, tuple[str, str | None]],
    ids: dict[str, str],
) -> list[tuple[str, str, str, str]]:
    """(resolved file, digest, article id, findings) of the articles parsed."""
    rows = []
    for pa in parsed:
        path, digest = where[pa.article.source]
        if digest is not None:
            rows.append((path, digest, ids[pa.article.source], findings_json(pa.diagnostics)))
    return rows


def _merge(total: IngestReport, part: IngestReport) -> None:
    total.articles_added += part.articles_added
    total.articles_known += part.articles_known
    total.copies += part.copies
    total.citations += part.citations
    total.new_references += part.new_references
    total.matched += part.matched
    total.texts_filled += part.texts_filled
    total.auto_merged += part.auto_merged  # few: each can be split (refs split KEY)
    # new_keys is left out: a list of every key would grow with the run
