"""What a command works on: the articles and references of these PATHs, or, without
PATHs, the library's. One function for ``refs export``, ``render`` and ``check``, so
"these files" and "the library" mean the same in each.

Without PATHs the library is opened read-only and never changed. Problems that stop the
command are raised as :class:`refs.errors.RefsError` (exit 2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from refs.errors import RefsError, UsageError
from refs.pipeline import ParsedArticle, ParseResult, merged_references
from refs.select import Selection, article_named, select, unmatched_articles

if TYPE_CHECKING:
    from refs.diagnostics import Diagnostic
    from refs.library.connection import ServerUrl
    from refs.library.store import Library
    from refs.models import Keyed, LibraryReference

Loader = Callable[[list[Path]], ParseResult]


@dataclass(frozen=True)
class Gathered:
    articles: list[ParsedArticle] = field(default_factory=list)  # with ``texts`` only
    references: list[Keyed] = field(default_factory=list)  # one per key
    diagnostics: list[Diagnostic] = field(default_factory=list)
    missing_path: bool = False  # a PATH named does not exist (exit 2)


def gather(
    paths: Sequence[Path],
    library: Path | ServerUrl,
    load: Loader,
    selection: Selection | None = None,
    *,
    texts: bool = False,
    keys: Sequence[str] = (),
    with_articles: bool = False,
) -> Gathered:
    """The references of ``paths`` (parsed with ``load``) or of the ``library``, one per
    key with the most complete fields over its citations, those ``selection`` picks; with
    ``texts`` the articles too (the library's parsed again from the text it keeps, with
    library keys). Each ``--article`` of the selection must name an article."""
    selection = selection or Selection()
    if not paths:
        if texts:
            return _library_articles(library, selection)
        return _library(library, selection, keys, with_articles)
    result = load(list(paths))
    _check_names(selection.articles, [p.article.source for p in result.articles])
    kept = [
        p
        for p in result.articles
        if not selection.articles or article_named(p.article.source, selection.articles)
    ]
    every = [r for p in result.articles for r in p.references]
    chosen = {r.key for r in select(every, selection)}
    return Gathered(
        kept if texts else [],
        [r for r in merged_references(result.articles) if r.key in chosen],
        list(result.diagnostics)
        + [d for p in (kept if texts else result.articles) for d in p.diagnostics],
        any(d.code == "R001" for d in result.diagnostics),
    )


def _library(
    path: Path | ServerUrl,
    selection: Selection,
    keys: Sequence[str] = (),
    with_articles: bool = False,
) -> Gathered:
    """The library's references that ``selection`` picks (tags included), and with
    ``with_articles`` the library's digest articles as items after them."""
    from refs.library.article_items import article_items, article_rows
    from refs.library.edits import tags_by_key
    from refs.library.store import Library

    with Library(path, create=False) as lib:
        held = _held(lib, keys)
        tags = tags_by_key(lib) if selection.tags else None
        extra = list(article_items(article_rows(lib))) if with_articles else []
    _check_names(selection.articles, [c.article for r in held for c in r.citations])
    return Gathered(references=[*select(held, selection, tags), *extra])


def _held(lib: Library, keys: Sequence[str]) -> list[LibraryReference]:
    """The library's references, or those with ``keys`` (merged-away keys work too)."""
    if not keys:
        return lib.references()
    resolved = []
    for key in keys:
        found = lib.resolve_key(key)
        if found is None:
            raise UsageError(
                f"no such file, folder or library key: {key}", hint="`refs list` shows the keys"
            )
        resolved.append(found)
    return lib.references(dict.fromkeys(resolved))


def _check_names(names: Sequence[str], articles: list[str]) -> None:
    for name in unmatched_articles(names, articles):
        raise UsageError(
            f"no article matched --article {name}", hint="give a path, file name or stem"
        )


def _library_articles(path: Path | ServerUrl, selection: Selection) -> Gathered:
    """The library's articles (read-only) parsed from their kept text, with library keys;
    none (with the L001 errors) when the library keeps no text of any of them."""
    from refs.check.stored import chosen, library_articles
    from refs.library.store import Library
    from refs.library.texts import stored_articles

    names = selection.articles
    try:
        with Library(path, readonly=True) as lib:
            stored = stored_articles(lib)
    except RefsError as exc:
        raise type(exc)(
            exc.message, hint=exc.hint or "refs check PATH... checks article files"
        ) from None
    if not stored:
        raise UsageError(
            f"the library {path} has no articles", hint="add articles first: refs add PATH..."
        )
    _check_names(
        names, [s.source for s in stored] + [s.text_source for s in stored if s.text_source]
    )
    picked = chosen(stored, names)
    if not picked:
        raise UsageError(f"no article of {path} matched --article " + ", ".join(names))
    parsed, diagnostics = library_articles(picked)
    diagnostics += [d for p in parsed for d in p.diagnostics]
    return Gathered(parsed, [r for p in parsed for r in p.references], diagnostics)
