"""RawReference -> Reference: the date with its year, the outlet resolved, the CSL type."""

from __future__ import annotations

import re
from functools import lru_cache

from refs.dates import infer, read_date
from refs.models import PartialDate, RawReference, Reference
from refs.models.trusted import filled
from refs.outlets import resolve
from refs.patterns import compiled

# Cues in a title, strongest first: the first that matches decides the CSL type.
_TYPE_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (compiled(r"\binterview(?:ed)?\b|\bQ\s*&\s*A\b", re.IGNORECASE), "interview"),
    (
        compiled(
            r"^transcript\b|\bbriefing\b|\bremarks\b|\bpress (?:stakeout|availability|conference)\b"
            r"|\bspeech\b|\baddress(?:es)? (?:to|at|by|before)\b|\btestimony\b|\blecture\b"
            r"|\bnews conference\b",
            re.IGNORECASE,
        ),
        "speech",
    ),
    (
        compiled(
            r"^text\b|\bstatement\b|^reply by\b|\bcommuniqu[eé]\b|\bdeclaration\b|\bresolution\b"
            r"|\bfact sheet\b|\bletter\b|\bjoint statement\b|\btreaty\b|\bagreement text\b",
            re.IGNORECASE,
        ),
        "document",
    ),
)


# The first words of every cue above: a title without any of them keeps the default type.
_CUE_WORDS = frozenset(
    "interview interviewed q transcript briefing remarks press speech address addresses "
    "testimony lecture conference news text statement reply communique communiqué declaration "
    "resolution fact letter treaty agreement".split()
)
_WORD_RE = compiled(r"\w+")


# For a news outlet a cue counts only where it opens the title ("Text of ...", "Interview
# with ..."): "Treaty backers trade charges" or "Clinton remarks" are news stories.
_NEWS_KINDS = frozenset(["wire", "newspaper", "broadcaster", "unknown"])
_LEADING_CUE_RE = compiled(
    r"^\W*(?:(?:full\s+)?text\b|transcript\b|interview\b|q\s*&\s*a\b|(?:joint\s+)?statement"
    r"\s+(?:by|of|from|on)\b|speech\b|address\s+(?:by|to)\b|remarks\s+(?:by|of|at)\b"
    r"|(?:press|news|background)\s+(?:conference|briefing)\b|briefing\b|communiqu|declaration\b"
    r"|letter\s+(?:from|to|by)\b|fact\s+sheet\b|reply\s+by\b|testimony\b)",
    re.IGNORECASE,
)


def csl_type(title: str, default: str, news: bool = False) -> str:
    """The CSL type an entry's title suggests, else the outlet's default. For a news
    outlet (``news``) only a cue that opens the title counts."""
    if _CUE_WORDS.isdisjoint(_WORD_RE.findall(title.lower())):
        return default
    if news and not _LEADING_CUE_RE.match(title):
        return default
    for pattern, kind in _TYPE_CUES:
        if pattern.search(title):
            return kind
    return default


def resolve_date(date_text: str | None, issue_date: PartialDate | None) -> PartialDate | None:
    """The date of an entry with its year inferred from the issue date (see ``dates.infer``)."""
    if date_text is None:
        return None
    if issue_date is None:
        return _resolve(date_text, None, None)
    return _resolve(date_text, issue_date.year, issue_date.month)


@lru_cache(maxsize=16384)
def _resolve(date_text: str, year: int | None, month: int | None) -> PartialDate | None:
    written = read_date(date_text)
    if written is None:
        return None
    issue = filled(PartialDate, {"year": year, "month": month}) if year is not None else None
    return infer(written, issue)


def normalize(raw: RawReference, issued: PartialDate | None, source: str, key: str) -> Reference:
    """The Reference of one parsed entry, dated ``issued`` (see ``resolve_date``); no
    validation: the parts were built by the parser."""
    outlet = resolve(raw.outlet) if raw.outlet else None
    return filled(
        Reference,
        {
            "key": key,
            "raw": raw.raw,
            "title": raw.title,
            "outlet": raw.outlet,
            "outlet_canonical": outlet.name if outlet else None,
            "issued": issued,
            "type": csl_type(
                raw.title,
                outlet.type if outlet else "article-newspaper",
                outlet is not None and outlet.kind in _NEWS_KINDS,
            ),
            "publisher": outlet.publisher if outlet else None,
            "container_title": outlet.container if outlet else None,
            "source": source,
            "index": raw.index,
            "span": raw.span,
            "flags": raw.flags,
        },
    )
