"""What makes two articles of the library one article in two texts (a correction): the
same publication, issue and title, spacing and case aside. Stored with each article
(``articles.same_as``, indexed) so that `refs add` asks for the articles a new one may
correct instead of reading every article."""

from __future__ import annotations

from refs.text import loose


def same_as(publication: str | None, issue: str | None, title: str | None) -> str | None:
    """The form an article shares with its corrections; None for an article no other is
    taken to correct (no title, or neither publication nor issue known)."""
    pub, num, name = loose(publication), loose(issue), loose(title)
    if not name or not (pub or num):
        return None
    return "\x1f".join((pub, num, name))
