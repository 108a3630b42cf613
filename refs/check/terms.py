"""Content terms of a text for matching claims with reference titles: lower-cased,
stemmed (Snowball), stop words dropped, a few spellings and near-synonyms folded
(``N. Korea`` = ``North Korea``, ``Russian`` = ``Russia``, ``talks`` = ``discussions``,
``not clear`` = ``unclear``), and the rarity of each term in an article."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

from refs.lexicon import words
from refs.patterns import compiled

STOP_WORDS = frozenset(
    words(
        """
        a about above after again against all also am an and any are as at be because
        been before being below between both but by can could did do does doing down
        during each few for from further had has have having he her here hers him his
        how i if in into is it its itself just me more most my no nor not now of off on
        once only or other our out over own same she should so some such than that the
        their them then there these they this those through to too under until up very
        was we were what when where which while who whom why will with would you your
        yours said says say told tell telling according one two three also us mr mrs ms
        dr text transcript report reports reported news its ll ve re s t d m n o january
        february march april may june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec
        """
    )
)
# job titles: shared by many unrelated people, so they count half
ROLE_STEMS = frozenset(
    str(s)
    for s in snowballstemmer.stemmer("english").stemWords(
        words(
            """
            president vice secretary minister foreign defense defence prime chairman
            leader spokesperson spokesman ambassador general senator official officials
            deputy chief assistant under state envoy director
            """
        )
    )
)

# folded after stemming: stem -> canonical stem
_FOLD = {
    "russian": "russia",
    "korean": "korea",
    "american": "america",
    "chines": "china",
    "japanes": "japan",
    "discuss": "talk",
    "negoti": "talk",
    "meet": "talk",
}
_ACRONYMS = {"DPRK": "northkorea", "ROK": "southkorea", "USA": "us"}

_TOKEN = compiled(r"[A-Za-z][A-Za-z0-9]*(?:[’'][a-z]+)?|\d+")
_NORTH = compiled(r"\b(?:N\.\s?|North\s+)(Korea(?:n|ns)?)\b", re.IGNORECASE)
_SOUTH = compiled(r"\b(?:S\.\s?|South\s+)(Korea(?:n|ns)?)\b", re.IGNORECASE)
_NOT_CLEAR = compiled(r"\bnot\s+(clear|certain|known|likely)\b", re.IGNORECASE)
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The folded Snowball stem of a lower-case word."""
    s = str(_STEMMER.stemWord(word))
    return _FOLD.get(s, s)


def terms(text: str) -> list[str]:
    """Content terms of ``text`` in order (with repeats)."""
    return [t for t, _ in worded_terms(text)]


def worded_terms(text: str) -> list[tuple[str, str]]:
    """Content terms of ``text`` in order, each with the word of the text it comes from
    (for evidence a person reads: ``missiles``, not the stem ``missil``)."""
    text = _NORTH.sub(" northkorea ", text)
    text = _SOUTH.sub(" southkorea ", text)
    text = _NOT_CLEAR.sub(lambda m: " un" + m.group(1), text)
    out: list[tuple[str, str]] = []
    for m in _TOKEN.finditer(text):
        if len(m[0]) > 2 and m[0].isupper() and m[0].isalpha():
            # an acronym matches only an acronym (START != start)
            out.append((_ACRONYMS.get(m[0], "=" + m[0]), m[0]))
            continue
        word = m[0].lower().replace("’", "'")
        word = word.split("'", 1)[0]
        if word in STOP_WORDS or (len(word) < 3 and not word.isdigit()) or word.isdigit():
            continue
        out.append((stem(word), _SPOKEN.get(word, m[0].split("'", 1)[0].split("’", 1)[0])))
    return out


# folded forms shown as a person reads them
_SPOKEN = {"northkorea": "North Korea", "southkorea": "South Korea"}


class Rarity:
    """Inverse document frequency of terms over an article's units (claims, titles),
    scaled to 0..1: 1 for a term found in two units (a claim and a title), near 0 for
    one found everywhere."""

    def __init__(self, units: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for unit in units:
            n += 1
            df.update(set(unit))
        self._df = df
        self._n = max(n, 2)
        self._top = math.log((self._n + 1) / 2)

    def weight(self, term: str) -> float:
        """How distinctive ``term`` is in this article (0..1)."""
        df = self._df.get(term, 0)
        w = min(1.0, max(0.0, math.log((self._n + 1) / max(df, 2)) / self._top))
        return w / 2 if term in ROLE_STEMS else w
