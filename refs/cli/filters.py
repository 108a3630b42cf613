"""The one set of filters that `list`, `search`, `export` and `render` share: the options
(each means the same in every command) and the Selection they make."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from refs.cli.app import check_articles, fail

if TYPE_CHECKING:
    from refs.library.store import Library
    from refs.models import LibraryReference
    from refs.select import Selection

ArticleOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--article", metavar="ARTICLE", help="Only references cited by this article (path or name)."
    ),
]
OutletOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--outlet", metavar="OUTLET", help="Only references from this outlet (any of its aliases)."
    ),
]
TypeOpt = Annotated[
    list[str] | None,
    typer.Option("--type", metavar="TYPE", help="Only references of this CSL type."),
]
TagOpt = Annotated[
    list[str] | None, typer.Option("--tag", metavar="TAG", help="Only references with this tag.")
]
SinceOpt = Annotated[
    str | None,
    typer.Option("--since", metavar="DATE", help="Only references dated on/after YYYY[-MM[-DD]]."),
]
UntilOpt = Annotated[
    str | None,
    typer.Option("--until", metavar="DATE", help="Only references dated on/before YYYY[-MM[-DD]]."),
]
WithArticlesOpt = Annotated[
    bool, typer.Option("--articles", help="Also the digest articles, as citable items.")
]
CitedByOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--cited-by", metavar="ISSUE", help="Only references cited by this issue (52, 'No. 52')."
    ),
]


def selection_of(
    article: Sequence[str] | None = None,
    outlet: Sequence[str] | None = None,
    types: Sequence[str] | None = None,
    tag: Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    cited_by: Sequence[str] | None = None,
) -> Selection:
    """The Selection the options make; exit 2 on a date that does not parse or an empty
    range."""
    from refs.select import Selection, empty_range, parse_bound

    bounds = {}
    for name, text in (("--since", since), ("--until", until)):
        if text is not None:
            bound = parse_bound(text)
            if bound is None:
                fail(f"{name} {text!r} is not a date", hint="use YYYY, YYYY-MM or YYYY-MM-DD")
            bounds[name] = bound
    if empty_range(bounds.get("--since"), bounds.get("--until")):
        fail(f"--since {since} is after --until {until}")
    return Selection(
        articles=tuple(article or ()),
        outlets=tuple(outlet or ()),
        since=bounds.get("--since"),
        until=bounds.get("--until"),
        types=tuple(types or ()),
        tags=tuple(tag or ()),
        cited_by=tuple(cited_by or ()),
    )


def library_selection(
    lib: Library, refs: Sequence[LibraryReference], selection: Selection, *, check: bool = True
) -> list[LibraryReference]:
    """The library references that pass ``selection`` (with ``check``, an ``--article``
    that names no article of ``refs`` exits 2)."""
    from refs.library.edits import tags_by_key
    from refs.select import select

    if check:
        check_articles(selection.articles, [c.article for r in refs for c in r.citations])
    tags = tags_by_key(lib) if selection.tags else None
    return select(refs, selection, tags)
