"""Title case as the reference processor (citeproc-js) applies it.

Words are split on spaces, hyphens, dashes and slashes. A part is capitalised when it
is all lower case, longer than one letter and not a stop word (a stop word opening a
hyphenated word is capitalised); the first word, a word after ``:``, ``?``
or ``!`` and a stop word at the very end are capitalised too. Words that already hold a
capital are left alone. The first word inside single quotes keeps its case unless the
closing quote ends the title or meets punctuation (citeproc-js's quote handling)."""

from __future__ import annotations

import re
from functools import lru_cache

from refs.patterns import compiled
from refs.render.escape import FIELD_APOSTROPHE

# Prepositions, articles and conjunctions that stay lower case (citeproc-js's list).
STOP_WORDS = frozenset(
    """about above across afore after against al along alongside amid amidst among
    amongst anenst apropos apud around as aside astride at athwart atop barring before
    behind below beneath beside besides between beyond but by circa despite down during
    et except for forenenst from given in inside into lest like modulo near next
    notwithstanding of off on onto out over per plus pro qua sans since than through
    thru throughout thruout till to toward towards under underneath until unto up upon
    versus vs. v. vs v via vis-à-vis with within without or yet so and nor a an the de
    d' von van c ca""".split()
)

# stand-ins of escape.py count as punctuation
_PUNCT = "\"'“”‘’()[]{}" + "".join(chr(c) for c in range(0xE000, 0xE030))
_SINGLE = ("'", FIELD_APOSTROPHE)
_TRAILING = ".,;:?!"
_BETWEEN = "-\u2013\u2014/"  # hyphen, en and em dash, slash: parts of one word each
_TOKEN = compiled(r"(\s+|[-\u2013\u2014/])")
_LEAD = compiled(r"^([\W\ue000-\ue0ff]*)(.*)$", re.S)


def _capitalise(word: str) -> str:
    lead, rest = _LEAD.match(word).groups()  # type: ignore[union-attr]
    return lead + rest[:1].upper() + rest[1:]


def _quote_keeps_case(text: str, start: int) -> bool:
    """For a single quote opening at ``start``: does the word after it keep its case?"""
    for i in range(start + 1, len(text)):
        if text[i] in _SINGLE and not text[i - 1].isspace():
            after = text[i + 1 : i + 2]
            if not after.isalnum():
                return after.isspace()
    return True  # an orphan quote: the word keeps its case


def _core(token: str) -> str:
    return token.strip(_PUNCT).rstrip(_TRAILING).strip(_PUNCT)


@lru_cache(maxsize=4096)
def title_case(text: str) -> str:
    """``text`` in title case (English); a title is cased once however often it is
    rendered (sort key, cite, entry)."""
    out: list[str] = []
    first = True
    after_punct = False
    last_word = -1
    offset = 0
    tokens = _TOKEN.split(text)
    for n, token in enumerate(tokens):
        start, offset = offset, offset + len(token)
        if not token or token.isspace() or token in _BETWEEN:
            out.append(token)
            continue
        core = _core(token)
        # a stop word that opens a hyphenated word is capitalised ("Pro-Environmental")
        opens_compound = tokens[n + 1 : n + 2] == ["-"] and tokens[n - 1 : n] != ["-"]
        stop = core.lower() in STOP_WORDS and not opens_compound
        capitalise = (len(core) > 1 and not stop) or first or after_punct
        if token.startswith(_SINGLE) and _quote_keeps_case(text, start):
            capitalise = False
        if capitalise and token == token.lower():
            token = _capitalise(token)
        out.append(token)
        last_word = len(out) - 1
        first = False
        after_punct = token.rstrip("\"'“”‘’)]\ue010\ue011")[-1:] in (":", "?", "!")
    if last_word >= 0:
        token = out[last_word]
        core = _core(token)
        if len(core) > 1 and core.lower() in STOP_WORDS and token == token.lower():
            out[last_word] = _capitalise(token)
    return "".join(out)
