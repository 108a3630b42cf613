"""Title case as the reference processor (citeproc-js) applies it.

Words are split on spaces and hyphens. A part is capitalised when it is all lower case,
longer than one letter and not a stop word; the first word and a word after ``:``,
``?`` or ``!`` are capitalised even when they are stop words. Words that already hold a
capital are left alone."""

from __future__ import annotations

import re

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
_PUNCT = "\"'“”‘’()[]{}" + "".join(chr(c) for c in range(0xE000, 0xE010))
_TOKEN = re.compile(r"(\s+|-)")
_LEAD = re.compile(r"^([\W\ue000-\ue0ff]*)(.*)$", re.S)


def _capitalise(word: str) -> str:
    lead, rest = _LEAD.match(word).groups()  # type: ignore[union-attr]
    return lead + rest[:1].upper() + rest[1:]


def title_case(text: str) -> str:
    """``text`` in title case (English)."""
    out: list[str] = []
    first = True
    after_punct = False
    for token in _TOKEN.split(text):
        if not token or token.isspace() or token == "-":
            out.append(token)
            continue
        core = token.strip(_PUNCT)
        lower = core.lower()
        capitalise = (len(core) > 1 and lower not in STOP_WORDS) or first or after_punct
        if capitalise and token == token.lower():
            token = _capitalise(token)
        out.append(token)
        first = False
        after_punct = token.rstrip("\"'“”‘’)]")[-1:] in (":", "?", "!")
    return "".join(out)
