"""Cues of a claim besides dates: people, organisations and places (refs.check.named),
quoted passages, the reporting verb, the outlets it names and the
kinds of document it mentions."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from refs.check.named import Names, names
from refs.lexicon import (
    words,
)
from refs.patterns import compiled

REPORTING_VERBS = frozenset(
    words(
        """
        said says say told tells announced announces added adds urged urges argued
        argues replied replies replying cautioned cautions noted noting commented
        recalled recalls stated declared declares declaring warned warns insisted
        insists claimed stressed stresses explained explains asked asks quoted remarked
        remarking confirmed confirms denied denies admitted admits acknowledged
        suggested suggests predicted predicts described describes reported reiterated
        maintained maintains indicated indicates telling saying adding arguing issued
        voiced addressed emphasised emphasized wrote writes hinted urging rejected
        rejects dismissed welcomed welcomes condemned condemns criticised criticized
        promised pledged vowed threatened backed repeated repeats conceded concedes
        responded responds
        """
    )
)

# document kinds a claim may name, with the words that signal them
KINDS: dict[str, tuple[str, ...]] = {
    "interview": ("interview",),
    "press stakeout": ("stakeout", "press stakeout"),
    "briefing": ("briefing", "briefed"),
    "statement": ("statement", "communiqué", "communique"),
    "press conference": ("press conference", "news conference"),
    "press availability": ("press availability",),
    "remarks": ("remarks", "address", "speech"),
    "reply": ("reply", "answer to a question", "question from"),
    "testimony": ("testimony", "testified"),
}

_KIND_OF = {signal: kind for kind, signals in KINDS.items() for signal in signals}
_KIND_RX = compiled(
    r"\b(" + "|".join(re.escape(s) for s in sorted(_KIND_OF, key=len, reverse=True)) + r")s?\b"
)
_LOWER_WORD = compiled(r"[a-z]+")
_QUOTE_PAIRS = compiled(r"\"([^\"]+)\"|“([^”]+)”")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the double-quoted passages of ``text`` (inside the marks)."""
    if text.count('"') % 2:
        return [(m.start(2), m.end(2)) for m in _QUOTE_PAIRS.finditer(text) if m.group(2)]
    return [
        (m.start(1), m.end(1)) if m.group(1) else (m.start(2), m.end(2))
        for m in _QUOTE_PAIRS.finditer(text)
    ]


def outside_quotes(text: str) -> str:
    """``text`` with quoted passages blanked out (offsets kept)."""
    chars = list(text)
    for s, e in quote_spans(text):
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def quotes(text: str) -> tuple[str, ...]:
    return tuple(" ".join(text[s:e].split()) for s, e in quote_spans(text))


def reporting_verb(text: str) -> str | None:
    """The first reporting verb outside quotes."""
    for m in _LOWER_WORD.finditer(outside_quotes(text)):
        if m[0] in REPORTING_VERBS:
            return m[0]
    return None


def kinds(text: str) -> tuple[str, ...]:
    """Document kinds that ``text`` names."""
    low = text.lower()
    found = {_KIND_OF[m.group(1)] for m in _KIND_RX.finditer(low)}
    return tuple(k for k in KINDS if k in found)


def outlet_names(known: Collection[str]) -> tuple[str, ...]:
    """Known outlet names, longest first (the order ``outlets_named`` wants)."""
    return tuple(sorted({n for n in known if n}, key=lambda n: (-len(n), n)))


def _whole_word_at(text: str, name: str) -> bool:
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            return True
        at = text.find(name, at + 1)
    return False


def outlets_named(text: str, known: Sequence[str]) -> tuple[str, ...]:
    """Known outlet names (``outlet_names``) in ``text`` outside quotes, as whole words;
    a name inside a longer one found (``Washington File`` in ``US State Department
    (Washington File)``) still counts."""
    plain = " ".join(outside_quotes(text).split())
    return tuple(sorted(n for n in known if _whole_word_at(plain, n)))


def speaker(text: str, people: Collection[str]) -> str | None:
    """The person who speaks in a claim: the first one named before the reporting verb
    (outside quotes), else the first one named after it."""
    lead = outside_quotes(text)
    verb = reporting_verb(text)
    if people and verb is None and ":" in lead and quote_spans(text):
        firsts = [(at, n) for n in people if (at := lead.find(n.split()[-1])) >= 0]
        return min(firsts)[1] if firsts else None
    if not people or verb is None:
        return None
    cut = re.search(r"\b" + verb + r"\b", lead)
    before = lead[: cut.start()] if cut else lead
    best: tuple[int, str] | None = None
    for name in people:
        at = before.rfind(name.split()[-1])
        if at >= 0 and (best is None or at < best[0]):
            best = (at, name)
    if best is not None:
        return best[1]
    after = lead[cut.end() :] if cut else ""
    found = [(after.find(n.split()[-1]), n) for n in people if n.split()[-1] in after]
    return min(found)[1] if found else None


__all__ = [
    "Names",
    "kinds",
    "names",
    "outlet_names",
    "outlets_named",
    "outside_quotes",
    "quote_spans",
    "quotes",
    "reporting_verb",
    "speaker",
]
