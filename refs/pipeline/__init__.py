"""The ordered stages: files -> Articles -> References (-> claims, links, coverage)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from refs import diagnostics as diag
from refs.dedupe.identity import Identity, group_keys, identity
from refs.dedupe.merge import merge_variants
from refs.diagnostics import Diagnostic
from refs.models import (
    Article,
    CoverageReport,
    Fields,
    PartialDate,
    RawReference,
    Reference,
    fields_of,
)
from refs.models.trusted import filled
from refs.outlets import resolve
from refs.parse.article import read_article
from refs.parse.entries import parse_list
from refs.parse.given_issue import with_issue
from refs.parse.line_index import LineIndex
from refs.parse.normalise import normalize, resolve_date
from refs.parse.year_guess import year_guesses
from refs.pipeline.collector import paused
from refs.reader import discover, read_text

T = TypeVar("T")

if TYPE_CHECKING:
    from refs.check.coverage import Checked


@dataclass(frozen=True)
class ParsedArticle:
    article: Article
    references: tuple[Reference, ...]
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class ParseResult:
    articles: list[ParsedArticle] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # file-level (unreadable...)


def parse_text(text: str, source: str) -> tuple[Article, list[RawReference], list[Diagnostic]]:
    """One article's text -> the Article and its raw entries (pure; never raises)."""
    lines = LineIndex(text)
    article, found = read_article(text, source, lines)
    raws: list[RawReference] = []
    if article.source_list is not None:
        raws, notes = parse_list(article.source_list, lines, source)
        found.extend(notes)
        if not raws:
            found.append(
                diag.error(
                    "A007",
                    source,
                    lines.line(
                        max(
                            0,
                            text.rfind(
                                article.source_list.label, 0, article.source_list.span.start
                            ),
                        )
                    ),
                    f"the source list ('{article.source_list.label}:') holds no entry",
                )
            )
    return article, raws, found


@dataclass(frozen=True, slots=True)
class Entry:
    """One source-list entry on its way to a Reference: its date, canonical outlet and
    identity (the entries of one identity are one reference)."""

    raw: RawReference
    issued: PartialDate | None
    canonical: str | None
    identity: Identity

    def variant(self) -> Fields:  # what its key is made from
        return filled(
            Fields,
            {
                "title": self.raw.title,
                "outlet": self.raw.outlet,
                "outlet_canonical": self.canonical,
                "issued": self.issued,
            },
        )


def entries(article: Article, raws: Sequence[RawReference]) -> list[Entry]:
    out = []
    for r in raws:
        issued = resolve_date(r.date_text, article.issue_date)
        canonical = resolve(r.outlet).name if r.outlet else None
        out.append(Entry(r, issued, canonical, identity(r.title, r.outlet, canonical, issued)))
    return out


def build(
    parsed: Sequence[tuple[Article, list[RawReference], list[Diagnostic]]],
) -> list[ParsedArticle]:
    """Normalise every entry and give keys over the whole run: the entries that are one
    reference (``refs.dedupe.identity``) share the key of their merged fields, the key
    the library would give them."""
    found = [(a, entries(a, raws), notes) for a, raws, notes in parsed]
    groups: dict[Identity, list[Fields]] = {}
    for _, listed, _ in found:
        for e in listed:
            groups.setdefault(e.identity, []).append(e.variant())
    key_of = dict(zip(groups, group_keys(list(groups.values())), strict=True))
    out = []
    for a, listed, notes in found:
        refs = tuple(normalize(e.raw, e.issued, a.source, key_of[e.identity]) for e in listed)
        out.append(ParsedArticle(a, refs, (*notes, *year_guesses(a, refs))))
    return out


def unkeyed(parsed: Parsed) -> ParsedArticle:
    """One article's entries normalised as :func:`build` does, but without keys (each
    ``""``) and without the S008 findings (they name a key): for ``refs add``, where the
    library gives the keys (refs.library.ingest names them), and done per file, in the
    workers."""
    article, raws, notes = parsed
    refs = tuple(normalize(e.raw, e.issued, article.source, "") for e in entries(article, raws))
    return ParsedArticle(article, refs, tuple(notes))


def merged_references(articles: Sequence[ParsedArticle]) -> list[Reference]:
    """One reference per key (first cited first), each with the most complete value of
    every field over its citations, as the library shows it."""
    by_key: dict[str, list[Reference]] = {}
    for parsed in articles:
        for ref in parsed.references:
            by_key.setdefault(ref.key, []).append(ref)
    out = []
    for cited in by_key.values():
        fields = merge_variants([fields_of(r) for r in cited])
        out.append(dataclasses.replace(cited[0], **fields.__dict__))
    return out


def check(parsed: ParsedArticle) -> Checked:
    """The check stage of one parsed article: claims, links and coverage. Two entries of
    an article may be one reference: a claim then links to its key once (its best link)
    and the key is listed once among the unused."""
    from refs.check.coverage import Checked, check_article  # only the check commands

    with paused():  # as in parsing: the cyclic collector grows superlinear over many dates
        checked = check_article(parsed.article, parsed.references)
    seen: set[tuple[str, str]] = set()
    links = []
    for lk in checked.links:
        if (lk.claim_id, lk.key) not in seen:
            seen.add((lk.claim_id, lk.key))
            links.append(lk)
    if len(links) == len(checked.links) and len({r.key for r in parsed.references}) == len(
        parsed.references
    ):
        return checked
    report = filled(
        CoverageReport,
        {
            "supported": checked.report.supported,
            "unsupported": checked.report.unsupported,
            "unused_references": tuple(dict.fromkeys(checked.report.unused_references)),
        },
    )
    return Checked(checked.claims, tuple(links), report)


def parse_paths(paths: Sequence[Path]) -> ParseResult:
    """Read every article under ``paths`` and parse its source list."""
    files, found = discover(paths)
    return parse_files(files, found)


def parse_stdin(data: bytes) -> ParseResult:
    """One article read from standard input (text or an HTML page), named ``<stdin>``."""
    from refs.reader import decode_page

    text, notes = decode_page(data, STDIN)
    if text is None:
        return ParseResult([], notes)
    article, raws, found_here = parse_text(text, STDIN)
    return ParseResult(build([(article, raws, notes + found_here)]), [])


STDIN = "<stdin>"


def parse_files(
    files: Sequence[Path],
    found: Sequence[Diagnostic] = (),
    on_file: Callable[[Path], None] | None = None,
    issue: str | None = None,
    jobs: int = 1,
) -> ParseResult:
    """Parse the article ``files`` (as ``discover`` lists them, with its diagnostics
    ``found``); ``on_file`` is told of each file once it is read (for a progress bar);
    ``issue`` is the issue of pages without an issue line (refs.parse.given_issue).
    ``jobs`` > 1 reads and parses the files in that many worker processes; the result
    is the same (files are taken back in their order, the whole-run steps stay here)."""
    from refs.pipeline.workers import in_order

    done = in_order(partial(file_job, issue=issue), files, jobs, count=len(files))
    return _collected(files, done, found, on_file)


def collected(
    files: Sequence[Path],
    done: Iterable[T | list[Diagnostic]],
    on_file: Callable[[Path], None] | None = None,
) -> tuple[list[T], list[Diagnostic]]:
    """The jobs ``done`` for ``files`` (one each, in their order) taken back: what the
    readable ones gave, and why the others cannot be read; ``on_file`` is told of each."""
    with paused():  # the cyclic collector grows superlinear over many small objects
        parsed: list[T] = []
        unreadable: list[Diagnostic] = []
        for file, one in zip(files, done, strict=True):
            if on_file is not None:
                on_file(file)
            if isinstance(one, list):  # unreadable: why
                unreadable.extend(one)
            else:
                parsed.append(one)
        return parsed, unreadable


def _collected(
    files: Sequence[Path],
    done: Iterable[Parsed | list[Diagnostic]],
    found: Sequence[Diagnostic],
    on_file: Callable[[Path], None] | None,
) -> ParseResult:
    """The parse of ``files`` from the jobs ``done`` (one each, in their order)."""
    parsed, unreadable = collected(files, done, on_file)
    with paused():
        return ParseResult(build(parsed), [*found, *unreadable])


Parsed = tuple[Article, list[RawReference], list[Diagnostic]]


def file_job(file: Path, issue: str | None) -> Parsed | list[Diagnostic]:
    """One file read and parsed (article, entries, findings), or why it cannot be read."""
    text, notes = read_text(file)
    if text is None:
        return list(notes)
    article, raws, found_here = parse_text(text, str(file))
    if issue is not None and article.issue is None and article.issue_date is None:
        article = with_issue(article, issue)  # no longer without an issue header
        found_here = [d for d in found_here if d.code != "A001"]
    return article, raws, [*notes, *found_here]
