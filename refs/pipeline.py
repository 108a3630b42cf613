"""The ordered stages: files -> Articles -> References (-> claims, links, coverage)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from refs.article import LineIndex, read_article
from refs.diagnostics import Diagnostic
from refs.keys import assign_keys, base_key
from refs.models import Article, RawReference, Reference
from refs.normalize import normalize, resolve_date
from refs.reader import read_all
from refs.sources import parse_list


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
    article, found = read_article(text, source)
    raws: list[RawReference] = []
    if article.source_list is not None:
        raws, notes = parse_list(article.source_list, LineIndex(text), source)
        found.extend(notes)
    return article, raws, found


def _sort_key(raw: RawReference, article: Article) -> str:
    issued = resolve_date(raw.date_text, article.issue_date)
    return f"{issued.iso() if issued else ''}\x00{raw.title.lower()}\x00{raw.raw}"


def build(
    parsed: Sequence[tuple[Article, list[RawReference], list[Diagnostic]]],
) -> list[ParsedArticle]:
    """Normalise every entry and give keys that are unique over the whole run."""
    flat = [(a, r) for a, raws, _ in parsed for r in raws]
    bases = [base_key(r.outlet, resolve_date(r.date_text, a.issue_date), r.title) for a, r in flat]
    keys = iter(assign_keys(bases, [_sort_key(r, a) for a, r in flat]))
    out: list[ParsedArticle] = []
    for article, raws, found in parsed:
        refs = tuple(normalize(r, article.issue_date, article.source, next(keys)) for r in raws)
        out.append(ParsedArticle(article, refs, tuple(found)))
    return out


def parse_paths(paths: Sequence[Path]) -> ParseResult:
    """Read every article under ``paths`` and parse its source list."""
    parsed = []
    file_level: list[Diagnostic] = []
    for file, text, notes in read_all(paths):
        if text is None:
            file_level.extend(notes)
            continue
        article, raws, found = parse_text(text, str(file))
        parsed.append((article, raws, notes + found))
    return ParseResult(build(parsed), file_level)
