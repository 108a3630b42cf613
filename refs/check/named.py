"""People, organisations and places a claim names: rule-based, from runs of capitalised
words (a title or a first name makes a person; an organisation word, an acronym or the
gazetteer of refs.lexicon a place or an organisation)."""

from __future__ import annotations

from collections.abc import Collection
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
from refs.patterns import compiled

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
_TOKEN = compiled(r"[A-Za-z][\w'’-]*\.?|\S")


@dataclass(frozen=True)
class Names:
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    places: tuple[str, ...]


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


def _uniq(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
