"""A parsed article made ready for the store where it was parsed (``refs add`` runs this
in its worker processes): its identity and, per citation, what placing asks of the
variant cited (its identity, matching view, key request and columns), worked out once.
The process that stores then looks up and writes; the variant's fields themselves are
made again from its columns, which cross between processes as plain values (a
reference model costs several times as much to send). Pure."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from refs.dedupe.identity import Identity, key_request, variant_identity
from refs.dedupe.pairs import Item
from refs.diagnostics import Diagnostic
from refs.keys import KeyRequest
from refs.library.schema import fields_row
from refs.library.writes import Columns, match_item
from refs.models import Article, Fields, Reference, fields_of
from refs.models.trusted import by_fields
from refs.parse.year_guess import guessed
from refs.pipeline import ParsedArticle, collected, file_job, unkeyed
from refs.pipeline.workers import Workers
from refs.text import loose


@dataclass(frozen=True, slots=True)
class Ready:
    """What placing a citation asks of its variant."""

    identity: Identity  # the one identity rule (refs.dedupe.identity)
    view: Item  # its matching view, without a key
    request: KeyRequest  # the key a reference of this variant alone asks for
    columns: Columns  # its fields as the library stores them (refs.library.schema)

    __reduce__ = by_fields


def made_ready(variant: Fields) -> Ready:
    view = match_item("", variant)
    return Ready(variant_identity(variant), view, key_request(variant), fields_row(variant))


@dataclass(frozen=True, slots=True)
class ReadyCitation:
    index: int  # the entry's place in the source list (0-based)
    raw: str
    line: int | None
    ready: Ready

    __reduce__ = by_fields


@dataclass(frozen=True, slots=True)
class ReadyArticle:
    """An article, its identity, its citations made ready, its findings but for the S008
    ones (they name the key the library gives: refs.library.ingest.keyed_guesses), and
    the references whose year is a guess (their S008 findings)."""

    article: Article
    identity: str
    citations: tuple[ReadyCitation, ...]
    diagnostics: tuple[Diagnostic, ...]
    guessed: tuple[Reference, ...]

    __reduce__ = by_fields


def article_identity(article: Article, references: Sequence[Reference]) -> str:
    """Hash of publication, issue, title and the normalised source list: the same article
    in another layout (or file) has the same identity."""
    parts = [loose(article.publication), loose(article.issue), loose(article.title)]
    parts.extend(loose(r.raw) for r in references)
    if not any(parts):
        parts.append(loose(article.text))
    digest = hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()
    return digest[:32]


def ready(parsed: ParsedArticle | ReadyArticle) -> ReadyArticle:
    """A parsed article made ready (one made ready already stays as it is)."""
    if isinstance(parsed, ReadyArticle):
        return parsed
    art, refs = parsed.article, parsed.references
    cited = tuple(
        ReadyCitation(r.index, r.raw, r.span.line if r.span else None, made_ready(fields_of(r)))
        for r in refs
    )
    kept = tuple(d for d in parsed.diagnostics if d.code != "S008")
    return ReadyArticle(art, article_identity(art, refs), cited, kept, tuple(guessed(art, refs)))


def ready_job(file: Path, issue: str | None) -> ReadyArticle | list[Diagnostic]:
    """One file read, parsed and made ready, or why it cannot be read."""
    one = file_job(file, issue)
    return one if isinstance(one, list) else ready(unkeyed(one))


def ready_later(
    files: Sequence[Path],
    workers: Workers,
    on_file: Callable[[Path], None] | None = None,
    issue: str | None = None,
) -> Callable[[], tuple[list[ReadyArticle], list[Diagnostic]]]:
    """Start making ``files`` ready in ``workers`` and go on: the call returned waits for
    the articles (in the files' order) and the findings of the files that cannot be read
    (``on_file`` is told of each file then)."""
    done = workers.start(partial(ready_job, issue=issue), files)
    return lambda: collected(files, done(), on_file)
