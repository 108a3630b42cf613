"""`refs link confirm|reject|add|list`: the editor's review of claim links, kept in the
library and honoured by `refs check` over the library."""

from __future__ import annotations

from typing import Annotated

import typer

from refs.cli.app import LibraryOpt, app, fail, library_path
from refs.cli.outputs import write_output
from refs.errors import RefsError

link_app = typer.Typer(
    help="Review claim links: confirm or reject a suggested source, add the right one.",
    no_args_is_help=True,
)
app.add_typer(link_app, name="link")

ArticleArg = Annotated[str, typer.Argument(help="The article: path, file name or stem.")]
ClaimArg = Annotated[str, typer.Argument(help="The claim id (as refs check shows it).")]
KeyArg = Annotated[str, typer.Argument(help="The reference key.")]


def _decide(
    article: str, claim: str, key: str, decision: str, new: bool, lib_opt: str | None
) -> None:
    """Keep one decision; exits 2 on an unknown article, claim or key."""
    from refs.check.reviewed import find_claim, find_target
    from refs.library.decisions import live_key
    from refs.library.link_decisions import record_decision
    from refs.library.store import Library

    path = library_path(lib_opt)
    try:
        with Library(path, create=False) as lib:
            target = find_target(lib, article)
            found = find_claim(target, claim)
            suggested = {lk.key for lk in target.checked.sources(found.id)}
            with lib.transaction():
                if decision == "confirmed" and not new and live_key(lib, key) not in suggested:
                    fail(
                        f"claim {found.id} has no suggested link to {key}",
                        hint=f"attach it with: refs link add {article} {found.id} {key}",
                    )
                live = record_decision(lib, target.article_id, found.id, found.text, key, decision)
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint)
    typer.echo(f"refs: {decision} {found.id} -> {live} ({target.source})", err=True)


@link_app.command()
def confirm(article: ArticleArg, claim: ClaimArg, key: KeyArg, library: LibraryOpt = None) -> None:
    """Confirm a suggested link: it always counts, whatever the linker says later.

    Example: refs link confirm 000_ef633acc338f5415 c893e8a02 reuters2000us
    """
    _decide(article, claim, key, "confirmed", False, library)


@link_app.command()
def reject(article: ArticleArg, claim: ClaimArg, key: KeyArg, library: LibraryOpt = None) -> None:
    """Reject a link: shown as rejected, it never counts again.

    Example: refs link reject 000_ef633acc338f5415 caaf8cfd5 ap2000kim
    """
    _decide(article, claim, key, "rejected", False, library)


@link_app.command()
def add(article: ArticleArg, claim: ClaimArg, key: KeyArg, library: LibraryOpt = None) -> None:
    """Attach the right source to a claim the linker missed (a confirmed link).

    Example: refs link add 000_ef633acc338f5415 c61bceb7e ap2000kim
    """
    _decide(article, claim, key, "confirmed", True, library)


@link_app.command("list")
def list_decisions(
    article: Annotated[str | None, typer.Argument(help="Only this article.")] = None,
    library: LibraryOpt = None,
) -> None:
    """List the editor's decisions: article, claim, key, decision and the claim's text.

    Example: refs link list 000_ef633acc338f5415
    """
    from refs.check.reviewed import find_target, reviewed
    from refs.library.store import Library
    from refs.library.texts import stored_articles
    from refs.report.link_review import review_table

    try:
        with Library(library_path(library), readonly=True) as lib:
            targets = (
                [find_target(lib, article)] if article else reviewed(lib, stored_articles(lib))
            )
            text = review_table(targets)
    except RefsError as exc:
        fail(exc.message, exc.exit_code, exc.hint)
    write_output(text, None)
