"""The issue a user names for a headless page (``refs add --issue 'No. 52, November
2000'``): its number and date, given to an article that has no issue line, so the years
of its entries are inferred as for any issue. Pure."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from refs.dates import read_issue_date
from refs.errors import UsageError
from refs.models import Article
from refs.patterns import compiled

_NUMBER_RE = compiled(r"^\s*(?:issue\s*)?(?:no\.?\s*)?(\d+)\b", re.IGNORECASE)


def check_issue(text: str) -> None:
    """Raise UsageError unless ``text`` names an issue number or date."""
    if _NUMBER_RE.match(text) is None and read_issue_date(text) is None:
        raise UsageError(
            f"--issue {text!r}: no issue number or date in it",
            hint="write it as on an issue line: --issue 'No. 52, November 2000'",
        )


def with_issue(article: Article, text: str) -> Article:
    """``article`` with the issue ``text`` names, if it has no issue of its own."""
    if article.issue is not None or article.issue_date is not None:
        return article
    check_issue(text)
    number = _NUMBER_RE.match(text)
    dates = read_issue_date(text)
    update: dict[str, Any] = {"issue": number.group(1) if number else None}
    if dates is not None:
        update["issue_date_start"], update["issue_date"] = dates
    return dataclasses.replace(article, **update)
