"""A corrected article (``refs add`` of a file whose publication, issue and title match an
article of the library but whose text differs): found here, and replaced with
``--replace``: the old article goes with its citations and the references left without
any (unless edited by hand), then the new one is added. Runs inside the caller's
transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from refs.library.ingest import article_identity
from refs.library.removal import plan_article, remove
from refs.library.store import Library
from refs.pipeline import ParsedArticle
from refs.text import loose


@dataclass(frozen=True)
class Correction:
    source: str  # the new file
    old_ids: tuple[str, ...]  # the articles of the library it corrects
    old_sources: tuple[str, ...]


def corrections(lib: Library, parsed: Sequence[ParsedArticle]) -> list[Correction]:
    """The articles of ``parsed`` that correct one in the library: the same publication,
    issue and title (a title and a publication or issue known), another text."""
    known: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for aid, source, pub, issue, title in lib.db.execute(
        "SELECT id, source, publication, issue, title FROM articles ORDER BY id"
    ):
        ident = (loose(pub), loose(issue), loose(title))
        known.setdefault(ident, []).append((str(aid), str(source)))
    out = []
    for pa in parsed:
        art = pa.article
        ident = (loose(art.publication), loose(art.issue), loose(art.title))
        if not ident[2] or not (ident[0] or ident[1]):
            continue
        new_id = article_identity(art, pa.references)
        olds = [(aid, src) for aid, src in known.get(ident, []) if aid != new_id]
        if olds:
            out.append(Correction(art.source, tuple(a for a, _ in olds), tuple(s for _, s in olds)))
    return out


def replace_old(lib: Library, found: Sequence[Correction]) -> list[str]:
    """Remove the articles that ``found`` corrects; the keys of the references that went."""
    gone: list[str] = []
    for c in found:
        for aid in c.old_ids:
            plan = plan_article(lib, aid)
            remove(lib, plan)
            gone.extend(plan.keys)
    return sorted(gone)
