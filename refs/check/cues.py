"""Cues of a claim besides dates: people, organisations and places (rule-based, from runs
of capitalised words), quoted passages, the reporting verb, the outlets it names and the
kinds of document it mentions."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from refs.check.terms import STOP_WORDS
from refs.lexicon import (
    ORG_ACRONYMS,
    ORG_WORDS,
    PLACE_ACRONYMS,
    PLACES,
    TITLE_WORDS,
    words,
)

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
_KIND_RX = re.compile(
    r"\b(" + "|".join(re.escape(s) for s in sorted(_KIND_OF, key=len, reverse=True)) + r")s?\b"
)
CALENDAR = frozenset(
    words(
        """
        January February March April May June July August September October November
        December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday
        Wednesday Thursday Friday Saturday Sunday
        """
    )
)
COMMON_WORDS = STOP_WORDS | {"earlier", "later", "meanwhile", "speaking", "asked", "notes"}
CONNECTORS = frozenset({"of", "for", "the", "and", "de", "von", "van", "al", "bin", "on"})
_LOWER_WORD = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*\.?|\S")
_QUOTE_PAIRS = re.compile(r"\"([^\"]+)\"|“([^”]+)”")


@dataclass(frozen=True)
class Names:
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    places: tuple[str, ...]


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


def _runs(text: str) -> list[tuple[list[str], bool]]:
    """Runs of capitalised tokens (connectors allowed inside); flag: starts a sentence."""
    runs: list[tuple[list[str], bool]] = []
    cur: list[str] = []
    cur_start = False
    sentence_start = True
    for m in _TOKEN.finditer(text):
        tok = m[0]
        word = tok.rstrip(".")
        if word[:1].isupper() and word[:1].isalpha():
            if not cur:
                cur_start = sentence_start
            cur.append(word)
            sentence_start = False
            if tok.endswith(".") and len(word) > 1 and word.lower() not in ("st", "mr", "dr"):
                runs.append((cur, cur_start))
                cur = []
                sentence_start = True
            continue
        if cur and tok in CONNECTORS:
            cur.append(tok)
            continue
        if cur:
            runs.append((cur, cur_start))
            cur = []
        sentence_start = tok in (".", "!", "?", ":", '"', "“", "…") or (
            sentence_start and not tok[:1].isalnum()
        )
    if cur:
        runs.append((cur, cur_start))
    out = []
    for run, start in runs:
        while run and run[-1] in CONNECTORS:
            run.pop()
        if run:
            out.append((run, start))
    return out


def _demonym(word: str) -> bool:
    """``Korean``, ``Russians``, ``American``: an adjective of a place, not a name."""
    w = word[:-1] if word.endswith("s") else word
    return w.endswith(("an", "ian")) and (w[:-1] in PLACES or w[:-2] in PLACES)


def _bare(word: str) -> str:
    """``Korea's`` / ``Korea'`` -> ``Korea``."""
    for tail in ("'s", "’s", "'", "’"):
        if word.endswith(tail):
            return word[: -len(tail)]
    return word


def names(text: str, lower_vocab: Collection[str], known_people: Collection[str]) -> Names:
    """People, organisations and places named in ``text``.

    ``lower_vocab`` holds words seen in lower case in the article (a capitalised word at
    a sentence start that is also used in lower case is an ordinary word);
    ``known_people`` holds surnames seen with a title or a first name elsewhere."""
    people: list[str] = []
    orgs: list[str] = []
    places: list[str] = []
    for raw_run, at_start in _runs(text):
        run = _trimmed([_bare(w) for w in raw_run], at_start, lower_vocab)
        if not run:
            continue
        tail = _person(run, lower_vocab, known_people)
        if tail:
            people.append(" ".join(tail))
            head = run[: len(run) - len(tail)]
        else:
            head = run
        while head and (head[-1] in TITLE_WORDS or head[-1] in CONNECTORS):
            head = head[:-1]
        _place_or_org(head, orgs, places)
    return Names(_uniq(people), _uniq(orgs), _uniq(places))


def _trimmed(run: list[str], at_start: bool, lower_vocab: Collection[str]) -> list[str]:
    """A run of capitalised words without an ordinary word opening a sentence, calendar
    words and connectors at its edges."""
    first = run[0].lower()
    if at_start and (first in lower_vocab or first in COMMON_WORDS) and run[0] not in TITLE_WORDS:
        run = run[1:]
    while run and run[0] in CALENDAR:
        run = run[1:]
    if any(w in CALENDAR for w in run):
        run = run[: next(i for i, w in enumerate(run) if w in CALENDAR)]
    while run and run[-1] in CONNECTORS:
        run = run[:-1]
    while run and run[0] in CONNECTORS:
        run = run[1:]
    return run


def _person(
    run: list[str], lower_vocab: Collection[str], known_people: Collection[str]
) -> list[str]:
    """The person the run ends with (after a title, in full, or a known surname), else
    an empty list."""
    tail: list[str] = []
    for w in reversed(run):
        if w in TITLE_WORDS or w in CONNECTORS or w in PLACES or w in ORG_WORDS:
            break
        if w in CALENDAR or (w.isupper() and len(w) > 1):
            break
        tail.insert(0, w)
    head = run[: len(run) - len(tail)]
    titled = bool(head) and head[-1] in TITLE_WORDS
    person = bool(tail) and (titled or len(tail) >= 2 or tail[-1] in known_people)
    if person and (
        any(_demonym(w) for w in tail)
        or tail[-1].lower() in lower_vocab
        or " ".join(tail) in PLACES
        or len(tail[-1]) < 2
    ):
        person = False
    return tail if person else []


def _place_or_org(head: list[str], orgs: list[str], places: list[str]) -> None:
    """The organisations and places in what is left of a run once its person is taken."""
    phrase = " ".join(head)
    for w in head:
        if w in PLACE_ACRONYMS:
            places.append(PLACE_ACRONYMS[w])
        elif w in ORG_ACRONYMS:
            orgs.append(w)
    if any(w in ORG_WORDS for w in head):
        orgs.append(phrase)
    elif phrase in PLACES:
        places.append(phrase)
    elif len(head) > 1 and " ".join(head[-2:]) in PLACES:
        places.append(" ".join(head[-2:]))
    elif head and head[-1] in PLACES:
        places.append(head[-1])


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


def _uniq(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
