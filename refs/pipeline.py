"""The ordered stages: files -> Articles -> References (-> claims, links, coverage)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from refs import diagnostics as diag
from refs.diagnostics import Diagnostic
from refs.keys import KeyRequest, base_key, library_keys, sort_identity
from refs.models import Article, RawReference, Reference
from refs.outlets import resolve
from refs.parse.article import LineIndex, read_article
from refs.parse.entries import parse_list
from refs.parse.given_issue import with_issue
from refs.parse.normalise import normalize, resolve_date
from refs.parse.year_guess import year_guesses
from refs.reader import discover, read_text


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


def build(
    parsed: Sequence[tuple[Article, list[RawReference], list[Diagnostic]]],
) -> list[ParsedArticle]:
    """Normalise every entry and give keys that are unique over the whole run."""
    flat = [(a, r, resolve_date(r.date_text, a.issue_date)) for a, raws, _ in parsed for r in raws]
    # one key per reference: the same entry cited by several articles (the same title but
    # for case and spacing, the same canonical outlet and date) is one reference
    identities = [
        (
            " ".join(r.title.casefold().split()),
            resolve(r.outlet).name if r.outlet else "",
            issued.iso() if issued else "",
        )
        for _, r, issued in flat
    ]
    first: dict[tuple[str, str, str], int] = {}
    for i, identity in enumerate(identities):
        first.setdefault(identity, i)
    unique = sorted(first.values())
    given = library_keys(
        [
            KeyRequest(
                base_key(r.outlet, issued, r.title), sort_identity(r.outlet, issued, r.title)
            )
            for _, r, issued in (flat[i] for i in unique)
        ]
    )
    key_of = {identities[i]: key for i, key in zip(unique, given, strict=True)}
    keys = [key_of[identity] for identity in identities]
    refs = [
        normalize(r, issued, a.source, key) for (a, r, issued), key in zip(flat, keys, strict=True)
    ]
    out: list[ParsedArticle] = []
    cursor = 0
    for article, raws, found in parsed:
        mine = refs[cursor : cursor + len(raws)]
        notes = (*found, *year_guesses(article, mine))
        out.append(ParsedArticle(article, tuple(mine), notes))
        cursor += len(raws)
    return out


def parse_paths(paths: Sequence[Path]) -> ParseResult:
    """Read every article under ``paths`` and parse its source list."""
    files, found = discover(paths)
    return parse_files(files, found)


def parse_files(
    files: Sequence[Path],
    found: Sequence[Diagnostic] = (),
    on_file: Callable[[Path], None] | None = None,
    issue: str | None = None,
) -> ParseResult:
    """Parse the article ``files`` (as ``discover`` lists them, with its diagnostics
    ``found``); ``on_file`` is told of each file once it is read (for a progress bar);
    ``issue`` is the issue of pages without an issue line (refs.parse.given_issue)."""
    collecting = gc.isenabled()
    gc.disable()  # the cyclic collector grows superlinear over many small objects
    try:
        parsed = []
        file_level = list(found)
        for file in files:
            text, notes = read_text(file)
            if on_file is not None:
                on_file(file)
            if text is None:
                file_level.extend(notes)
                continue
            article, raws, found_here = parse_text(text, str(file))
            if issue is not None and article.issue is None and article.issue_date is None:
                article = with_issue(article, issue)  # no longer without an issue header
                found_here = [d for d in found_here if d.code != "A001"]
            parsed.append((article, raws, notes + found_here))
        return ParseResult(build(parsed), file_level)
    finally:
        if collecting:
            gc.enable()
