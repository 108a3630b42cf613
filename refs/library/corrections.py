"""A corrected article (``refs add`` of a file whose publication, issue and title match an
article of the library but whose text differs): found here, and replaced with
``--replace``: the old article goes with its citations and the references left without
any (unless edited by hand), then the new one is added. A correction of the body alone
(the same publication, issue, title and source list: the same article identity) keeps
the article, its citations and references, and replaces its text and files; the
editor's link decisions stay for the claims the new text still makes. Runs inside the
caller's transaction."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from refs.library.ingest import storable
from refs.library.known_articles import known_articles, sharing_form
from refs.library.ready import ReadyArticle, ready
from refs.library.removal import article_plan, remove
from refs.library.same_article import same_as
from refs.library.store import Library
from refs.models import Article
from refs.patterns import compiled
from refs.pipeline import ParsedArticle, parse_text
from refs.text import loose

_NOT_LETTERS = compiled(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Correction:
    source: str  # the new file
    old_ids: tuple[str, ...]  # the articles of the library it corrects
    old_sources: tuple[str, ...]
    body: Article | None = None  # the new article, when only its body changed


def _letters(article: Article) -> str:
    """The body's letters and digits: the same in every layout of one text."""
    return _NOT_LETTERS.sub("", " ".join(p.text for p in article.paragraphs).casefold())


def _body_corrected(lib: Library, aid: str, article: Article) -> str | None:
    """The source of the kept text of article ``aid`` when ``article`` (of the same
    identity) has another body; None when the body is the same or no text is kept."""
    row = lib.db.execute(
        "SELECT source, text FROM article_texts WHERE article_id = ?", (aid,)
    ).fetchone()
    if row is None:
        return None
    kept, _, _ = parse_text(str(row[1]), str(row[0]))
    return None if _letters(kept) == _letters(article) else str(row[0])


def corrections(lib: Library, parsed: Sequence[ParsedArticle | ReadyArticle]) -> list[Correction]:
    """The articles of ``parsed`` that correct one in the library: the same publication,
    issue and title (a title and a publication or issue known), another text."""
    new_ids = [ready(pa).identity for pa in parsed]
    forms = [same_as(pa.article.publication, pa.article.issue, pa.article.title) for pa in parsed]
    known = known_articles(lib.db, new_ids).articles
    sharing = sharing_form(lib.db, [f for f in forms if f is not None])
    out = []
    for pa, new_id, form in zip(parsed, new_ids, forms, strict=True):
        art = pa.article
        if new_id in known and (kept := _body_corrected(lib, new_id, art)):
            out.append(Correction(art.source, (new_id,), (kept,), art))
            continue
        olds = [(aid, src) for aid, src in sharing.get(form or "", []) if aid != new_id]
        if form is not None and olds:
            out.append(Correction(art.source, tuple(a for a, _ in olds), tuple(s for _, s in olds)))
    return out


def replace_old(lib: Library, found: Sequence[Correction]) -> list[str]:
    """Remove the articles that ``found`` corrects; the keys of the references that went."""
    gone: list[str] = []
    for c in found:
        if c.body is not None:
            _replace_body(lib, c.old_ids[0], c.body)
            continue
        for aid in c.old_ids:
            if not lib.has_article(aid):  # corrected by two files at once: gone already
                continue
            plan = article_plan(lib, aid)
            remove(lib, plan)
            gone.extend(plan.keys)
    return sorted(gone)


def _replace_body(lib: Library, aid: str, article: Article) -> None:
    """The article ``aid`` gets the text and file of ``article`` (its body corrected):
    its citations are those of the new file, its other files and their citations go,
    and so do the link decisions on claims the new text no longer makes."""
    db = lib.db
    source = storable(os.path.normpath(article.source))
    first = db.execute("SELECT source FROM articles WHERE id = ?", (aid,)).fetchone()[0]
    db.execute("DELETE FROM citations WHERE article_id = ? AND article != ?", (aid, first))
    db.execute("UPDATE citations SET article = ? WHERE article_id = ?", (source, aid))
    for table in ("article_files", "file_digests"):
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
    db.execute(
        "UPDATE articles SET source = ?, layout = ? WHERE id = ?", (source, article.layout, aid)
    )
    db.execute(
        "UPDATE article_texts SET source = ?, text = ? WHERE article_id = ?",
        (source, article.text, aid),
    )
    text = loose(article.text)
    gone = [
        (int(rowid),)
        for rowid, claim in db.execute(
            "SELECT rowid, claim_text FROM link_decisions WHERE article_id = ?", (aid,)
        )
        if loose(str(claim)) not in text
    ]
    db.executemany("DELETE FROM link_decisions WHERE rowid = ?", gone)
