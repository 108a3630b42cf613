"""Article body -> Claims: sentences (a sentence ending in a colon owns the quoted passage
that follows it), each with its cues: dates (relative ones resolved against the claims
before), people, organisations, places, quotes, reporting verb, outlets and kinds named.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from refs.check import cues
from refs.check import named_dates as claimdates
from refs.check.sentences import split_sentences
from refs.models import Article, Claim, Cues, Paragraph, PartialDate, Span
from refs.models.trusted import filled
from refs.parse.line_index import LineIndex
from refs.patterns import compiled

QUOTE_OPENERS = "\"“'‘«"
_LABEL = compiled(r"^(?:Notes?|Update|Background)\s*:\s*", re.IGNORECASE)
_WORD = compiled(r"[A-Za-z]+")
_ID_WORD = compiled(r"[^\W_]+")

# outlets recognised in claim text even when no reference names them
COMMON_OUTLETS = (
    "Associated Press", "Reuters", "Agence France-Presse", "AFP", "Interfax", "Itar-Tass",
    "Xinhua", "Kyodo", "Yonhap", "Washington File", "New York Times", "Washington Post",
    "BBC", "CNN", "Financial Times", "Wall Street Journal", "Los Angeles Times",
)  # fmt: skip


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    paragraph: int


def _pieces(paragraphs: Sequence[Paragraph]) -> list[_Piece]:
    """Sentence spans (absolute), a colon sentence merged with the quote paragraph after."""
    out: list[_Piece] = []
    skip_next = False
    for p, para in enumerate(paragraphs):
        if skip_next:
            skip_next = False
            continue
        base = para.span.start
        spans = split_sentences(para.text)
        for i, (s, e) in enumerate(spans):
            start, end = base + s, base + e
            last = i == len(spans) - 1
            if last and para.text[s:e].rstrip().endswith(":") and p + 1 < len(paragraphs):
                nxt = paragraphs[p + 1]
                if nxt.text.lstrip()[:1] in QUOTE_OPENERS:
                    end = nxt.span.start + len(nxt.text.rstrip())
                    skip_next = True
            out.append(_Piece(start, end, p))
    return out


def _is_claim(text: str) -> bool:
    words = _WORD.findall(text)
    return len(words) >= 4 and any(w.islower() for w in words)


def claim_text_form(text: str) -> str:
    """A claim's text as its identity sees it: words and numbers only, case folded (the
    same sentence in another layout, with other quotes or spacing, has one form)."""
    return " ".join(_ID_WORD.findall(text.casefold()))


def claim_ids(texts: Sequence[str]) -> list[str]:
    """Stable ids of an article's claims: ``c`` and a hash of the normalised text (not
    the position, so another splitter or a better linker keeps them); a sentence found
    twice in one article takes ``-2``, ``-3`` after its id."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for text in texts:
        digest = hashlib.sha256(claim_text_form(text).encode("utf-8")).hexdigest()[:8]
        seen[digest] = seen.get(digest, 0) + 1
        out.append(f"c{digest}" + (f"-{seen[digest]}" if seen[digest] > 1 else ""))
    return out


def lower_vocabulary(text: str) -> frozenset[str]:
    """Words the text uses in lower case."""
    return frozenset(w for w in _WORD.findall(text) if w.islower())


def _own_dates(
    lead: str, issue: PartialDate | None, before: PartialDate | None
) -> tuple[tuple[PartialDate, ...], str | None]:
    """Dates of a claim's own text (outside quotes); a relative expression (``the
    following day``, ``on Thursday``) is resolved against ``before`` (the last full date
    of the claims before). Returns the dates and the relative expression used, if any."""
    found = claimdates.find_dates(lead, issue)
    if found:
        return tuple(d for m in found for d in m.dates), None
    if before is None:
        return (), None
    for rel in claimdates.find_relative(lead):
        moved = claimdates.shift(before, rel.offset_days)
        if moved is not None:
            return (moved,), rel.text
    for day in claimdates.find_weekdays(lead):
        offset = claimdates.weekday_offset(before, day)
        moved = claimdates.shift(before, offset) if offset is not None else None
        if moved is not None:
            return (moved,), day.text
    return (), None


def extract_claims(
    article: Article, known_outlets: Collection[str] = (), paragraphs: Sequence[Paragraph] = ()
) -> tuple[Claim, ...]:
    """The claims of ``article``'s body (``paragraphs`` overrides article.paragraphs)."""
    paras = tuple(paragraphs) or article.paragraphs
    text = article.text
    issue = article.issue_date
    vocab = lower_vocabulary(" ".join(p.text for p in paras))
    outlets = cues.outlet_names(set(COMMON_OUTLETS) | {o for o in known_outlets if o})
    pieces = _claim_pieces(text, paras)
    # first pass: surnames of people named in full or with a title
    known_people: set[str] = set()
    first = [cues.names(text[p.start : p.end], vocab, ()) for p in pieces]
    for found in first:
        known_people.update(person.split()[-1] for person in found.people)
    ids = claim_ids([text[p.start : p.end] for p in pieces])
    claims: list[Claim] = []
    last_full: PartialDate | None = None
    context: tuple[PartialDate, ...] = ()  # the date in force, until a new one is given
    lines = LineIndex(text)
    for n, piece in enumerate(pieces, start=1):
        body = text[piece.start : piece.end]
        lead = cues.outside_quotes(body)
        dates, relative = _own_dates(lead, issue, last_full)
        inherited = () if dates else context
        if dates:
            context = dates
            full = [d for d in dates if d.day is not None and d.year is not None]
            if full:
                last_full = full[-1]
        found = first[n - 1]
        named = {p.split()[-1] for p in found.people}
        if any(k in body and k not in named for k in known_people):
            found = cues.names(body, vocab, known_people)
        span = {"start": piece.start, "end": piece.end, "line": lines.line(piece.start)}
        cued = _cues(body, lead, found, outlets, dates, inherited, relative)
        claims.append(  # refs's own values, of the models' types: built without validation
            filled(
                Claim, {"id": ids[n - 1], "text": body, "span": filled(Span, span), "cues": cued}
            )
        )
    return tuple(claims)


def _claim_pieces(text: str, paras: Sequence[Paragraph]) -> list[_Piece]:
    """The pieces of the paragraphs that are claims, without a label opening them."""
    pieces = []
    for piece in _pieces(paras):
        label = _LABEL.match(text[piece.start : piece.end])
        start = piece.start + (label.end() if label else 0)
        if _is_claim(text[start : piece.end]):
            pieces.append(_Piece(start, piece.end, piece.paragraph))
    return pieces


def _cues(
    body: str,
    lead: str,
    found: cues.Names,
    outlets: tuple[str, ...],
    dates: tuple[PartialDate, ...],
    inherited: tuple[PartialDate, ...],
    relative: str | None,
) -> Cues:
    """What a claim's text names: ``lead`` is its text outside quotes."""
    named = {"people": found.people, "organisations": found.organisations}
    return filled(
        Cues,
        {
            "dates": dates,
            **named,
            "places": found.places,
            "quotes": cues.quotes(body),
            "verb": cues.reporting_verb(body),
            "outlets": cues.outlets_named(body, outlets),
            "kinds": cues.kinds(lead),
            "context_dates": inherited,
            "relative": relative,
            "speaker": cues.speaker(body, found.people),
        },
    )
