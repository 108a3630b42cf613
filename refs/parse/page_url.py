"""The URL a page gives for itself: a line of its header that is a URL alone (``URL:``
or ``Source:`` before it allowed), above the source list. None when there is none;
``refs add --url`` gives one by hand."""

from __future__ import annotations

import re

from refs.models import Article
from refs.patterns import compiled

_URL_LINE = compiled(
    r"^[ \t]*(?:(?:URL|Source|Link)[ \t]*:[ \t]*)?<?(https?://[^\s<>]+)>?[ \t]*$", re.I | re.M
)


def page_url(article: Article) -> str | None:
    """The first line of ``article``'s text above its source list that is a URL."""
    end = article.source_list.span.start if article.source_list is not None else len(article.text)
    found = _URL_LINE.search(article.text, 0, end)
    return found.group(1) if found else None
