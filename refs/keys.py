"""Deterministic, readable citation keys: outlet abbreviation, year, first significant title
word (``reuters2000putin``), lowercase ASCII; other scripts transliterated
(``izvestiya2000sdelka``, ``rmrb2000mei``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from refs.models import Name, PartialDate
from refs.models.trusted import by_fields
from refs.outlets import resolve
from refs.patterns import compiled
from refs.text import ascii_fold

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "not",
        "no",
        "text",
        "transcript",
        "re",
        "into",
        "over",
        "after",
        "before",
        "about",
    ]
)
_WORD_RE = compiled(r"[a-z0-9]+")


def title_word(title: str) -> str:
    """The first significant word of a title (``Transcript - Albright remarks`` -> ``albright``)."""
    words: list[str] = _WORD_RE.findall(ascii_fold(title))
    for word in words:
        if word not in STOP_WORDS and len(word) > 1 and not word.isdigit():
            return word[:20]
    return words[0][:20] if words else "untitled"


def author_word(names: Sequence[Name]) -> str | None:
    """The key word of a reference's first personal author (``van Gogh`` -> ``vangogh``),
    None where it has none (institutions and wire stories keep the outlet rule)."""
    for name in names[:1]:
        if name.personal:
            word = "".join(_WORD_RE.findall(ascii_fold(name.family_full())))
            return word[:20] or None
    return None


def base_key(
    outlet: str | None, issued: PartialDate | None, title: str, author: str | None = None
) -> str:
    """The key before any collision suffix: the first author's family name where the
    reference has a personal author (``gordon2000allies``), else the outlet's
    abbreviation (``reuters2000putin``)."""
    abbrev = author or (resolve(outlet).abbrev if outlet else "anon")
    year = str(issued.year) if issued is not None and issued.year is not None else "nd"
    return f"{abbrev}{year}{title_word(title)}"


def suffix(n: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa": collision suffixes."""
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(97 + rem) + out
    return out


# ---------------------------------------------------------------- library keys


@dataclass(frozen=True, slots=True)
class KeyRequest:
    """A key to give in the library: its base and a content identity that orders
    colliding requests independently of the order they came in."""

    base: str
    identity: str

    __reduce__ = by_fields


def sort_identity(outlet: str | None, issued: PartialDate | None, title: str) -> str:
    """A content string that orders colliding references (date, folded title, outlet)."""
    date = issued.iso() if issued is not None else ""
    return f"{date}\x1f{ascii_fold(title)}\x1f{ascii_fold(outlet or '')}\x1f{title}"


class TakenKeys:
    """Keys already given, as ``library_keys`` asks about them: membership and ``add``.
    A plain set serves; a library answers from its index instead of listing every key."""

    def __contains__(self, key: object) -> bool:
        raise NotImplementedError

    def add(self, key: str) -> None:
        raise NotImplementedError


def library_keys(
    requests: Sequence[KeyRequest],
    taken: Iterable[str] | TakenKeys = (),
    start: dict[str, int] | None = None,
) -> list[str]:
    """Keys for new library references (same order as ``requests``), never one in ``taken``.

    The stable rule: a base key is used as it is while free; later holders of the same base
    get the first free suffix ``a``, ``b``, ... ``z``, ``aa``. Inside one batch the
    colliding requests are served in ``(base, identity)`` order, so a batch gives the same
    keys whatever the order of its input. Keys already given are never touched.
    ``start``, when given, holds per base the first position known not to be taken
    (-1: the bare base, 0: suffix ``a``, ...) and is updated with the positions given.
    """
    order = sorted(range(len(requests)), key=lambda i: (requests[i].base, requests[i].identity))
    known = {} if start is None else start
    tried: dict[str, int] = {}
    out = [""] * len(requests)
    bases = (requests[i].base for i in order)
    for i, key in zip(order, keys_in_order(bases, taken, known, tried), strict=True):
        out[i] = key
    for base, n in tried.items():
        known[base] = n + 1
    return out


def keys_in_order(
    bases: Iterable[str],
    taken: Iterable[str] | TakenKeys = (),
    start: dict[str, int] | None = None,
    tried: dict[str, int] | None = None,
    keep: int = 65536,
) -> Iterator[str]:
    """The keys of ``library_keys`` for requests already sorted by (base, identity),
    one base after the other. Memory stays bounded for any number of requests: a key
    below the current base can equal no later key (each starts with its base), so such
    keys are forgotten once more than about ``keep`` are held. ``tried`` receives, per
    base still held, the last suffix position given; ``start``, when given, the next
    position of each base left behind (else, as no base comes twice, it is forgotten)."""
    index = taken if isinstance(taken, TakenKeys) else None
    used: set[str] = set() if index is not None else set(taken)  # type: ignore[arg-type]
    known: dict[str, int] = {} if start is None else start
    tried = {} if tried is None else tried
    limit = 2 * len(used) + keep
    for base in bases:
        n = tried.get(base, known.get(base, -1))
        key = base if n < 0 else base + suffix(n)
        while key in used or (index is not None and key in index):
            n += 1
            key = base + suffix(n)
        if len(used) > limit:
            used = {k for k in used if k >= base}
            for b in [b for b in tried if b < base]:
                last = tried.pop(b)
                if start is not None:
                    known[b] = last + 1
            limit = 2 * len(used) + keep
        tried[base] = n
        used.add(key)
        if index is not None:
            index.add(key)
        yield key


def is_valid_key(key: str) -> bool:
    """Lowercase ASCII letters and digits only."""
    return bool(_KEY_RE.fullmatch(key))


_KEY_RE = compiled(r"[a-z0-9]+")


_IMPORTED_KEY_RE = compiled(r"[A-Za-z0-9][A-Za-z0-9_:.+-]*")


def is_keepable_key(key: str) -> bool:
    """A key from an imported file that refs can keep as it is: letters, digits and
    ``_:.+-`` (what BibTeX, biber, pandoc and citeproc accept in a key)."""
    return bool(_IMPORTED_KEY_RE.fullmatch(key))


def kept_keys(
    wanted: Sequence[Sequence[str]],
    requests: Sequence[KeyRequest],
    taken: Iterable[str] | TakenKeys = (),
    start: dict[str, int] | None = None,
) -> tuple[list[str], list[list[str]]]:
    """Keys for new references that came with keys of their own (``wanted``, one list
    per reference, beside its ``requests`` for a made key), and each one's aliases.

    A reference keeps the first of its wanted keys that is keepable and free (keys are
    compared case-insensitively, as citeproc compares ids); one whose keys are all taken
    gets a made key (``library_keys``), and its free wanted keys become its aliases."""
    index = taken if isinstance(taken, TakenKeys) else None
    used: set[str] = set() if index is not None else {k.lower() for k in taken}  # type: ignore[union-attr]

    def free(key: str) -> bool:
        if key.lower() in used:
            return False
        return index is None or (key not in index and key.lower() not in index)

    keys: list[str | None] = []
    aliases: list[list[str]] = []
    for own in wanted:
        ok = [k for k in dict.fromkeys(own) if is_keepable_key(k) and free(k)]
        keys.append(ok[0] if ok else None)
        aliases.append(ok[1:])
        used.update(k.lower() for k in ok)
    pending = [r for r, k in zip(requests, keys, strict=True) if k is None]
    others: Iterable[str] | TakenKeys = used if index is None else _Joined(index, used)
    made = iter(library_keys(pending, others, start))
    return [k if k is not None else next(made) for k in keys], aliases


class _Joined(TakenKeys):
    """A library's keys and the keys a command has just kept, asked as one."""

    def __init__(self, index: TakenKeys, kept: set[str]) -> None:
        self.index, self.kept = index, kept

    def __contains__(self, key: object) -> bool:
        return key in self.kept or key in self.index

    def add(self, key: str) -> None:
        self.kept.add(key)
        self.index.add(key)
