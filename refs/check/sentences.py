"""Sentence boundaries in a paragraph of news text, as character spans.

Rule-based and offset-preserving: a boundary is a ``.``, ``!``, ``?`` or ellipsis followed
by whitespace and a capital (or an opening quote or bracket), outside double quotes and
brackets, and not after an abbreviation (``Mr.``, ``Nov.``) or an initial (``N.``,
``Leon S.``). A quotation that runs over several sentences stays in one sentence; so does
a bracketed insertion. Where the double quotes of a paragraph do not pair up (damaged
text), quotes are ignored rather than swallowing the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from refs.lexicon import words
from refs.patterns import compiled

# Words that end in a full stop without ending the sentence (compared lower-case,
# without the stop).
ABBREVIATIONS = frozenset(
    words(
        """
        mr mrs ms dr prof gen lt col capt cmdr adm sgt maj sen rep gov pres amb rev st
        jr sr hon messrs mme mlle jan feb mar apr jun jul aug sep sept oct nov dec no
        nos vol vols pp fig figs approx dept est inc corp co ltd bros vs etc cf al ed
        eds univ govt assn ave blvd mt ft u.s u.k u.n e.g i.e a.m p.m
        """
    )
)

OPEN_BR = "([{"
CLOSE_BR = ")]}"
ENDERS = ".!?…"
CLOSERS = "\"”»'’)]}"
STARTERS = "\"“«'‘([{"


_MARKS = compiled(r"[\"“”«»()\[\]{}.!?…]")


def _word_before(text: str, dot: int) -> str:
    """The token that ends at ``dot`` (exclusive), e.g. ``Nov`` or ``U.S``."""
    i = dot
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    return text[i:dot]


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the ``.`` at ``dot`` closes an abbreviation or an initial."""
    word = _word_before(text, dot)
    if not word:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "N. Korea", "Leon S. Fuerth"
    return word.lower() in ABBREVIATIONS


def _pairs_up(text: str) -> bool:
    """Whether the paragraph's straight double quotes pair up and curly ones balance."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


@dataclass
class _Nesting:
    """Whether the scan is inside double quotes (when they pair up) or brackets."""

    quotes: bool  # track the double quotes (they pair up in the paragraph)
    straight: bool = False
    curly: int = 0
    brackets: int = 0

    def see(self, ch: str) -> None:
        """A quote or bracket met: before a sentence ender, or closing one after it."""
        if self.quotes and ch == '"':
            self.straight = not self.straight
        elif self.quotes and ch in "“«":
            self.curly += 1
        elif self.quotes and ch in "”»":
            self.curly = max(0, self.curly - 1)
        elif ch in OPEN_BR:
            self.brackets += 1
        elif ch in CLOSE_BR:
            self.brackets = max(0, self.brackets - 1)

    @property
    def inside(self) -> bool:
        return self.straight or self.curly > 0 or self.brackets > 0


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text`` (end exclusive, trimmed)."""
    spans: list[tuple[int, int]] = []
    nesting = _Nesting(_pairs_up(text))
    n = len(text)
    start = _skip_space(text, 0)
    i = start
    while i < n:
        found = _MARKS.search(text, i)
        if found is None:
            break
        i = found.start()
        if text[i] not in ENDERS:
            nesting.see(text[i])
            i += 1
            continue
        # extend over a run of enders ("...", "?!", "…."), then closing marks
        j = i
        while j < n and text[j] in ENDERS:
            j += 1
        k = j
        while k < n and text[k] in CLOSERS:
            nesting.see(text[k])  # CLOSERS holds no opening mark
            k += 1
        if k >= n:
            break
        if not text[k].isspace():
            i = k
            continue
        m = _skip_space(text, k)
        if m >= n:
            break
        if _boundary(text, i, j, m, nesting):
            spans.append((start, k))
            start = m
        i = m
    end = n
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
    return [(s, e) for s, e in spans if e > s]


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _boundary(text: str, ender: int, after: int, nxt: int, nesting: _Nesting) -> bool:
    """The enders ``text[ender:after]`` end a sentence whose successor starts at ``nxt``."""
    run = text[ender:after]
    return (
        not nesting.inside
        and (text[nxt].isupper() or text[nxt] in STARTERS)
        and not (run == "." and _is_abbreviation(text, ender))
    )
