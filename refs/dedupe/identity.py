"""Which references are one reference, and the key of each: the single rule that a run
over article files (``refs parse``, ``export``, ``render``, ``check``) and the library
(``refs add``, ``import``) share.

Two references are one when their canonical outlet (folded), their date (year, month,
day), their normalised title (lowercase ASCII words, ``N. Korea`` -> ``north korea``,
punctuation dropped) and their authors (folded family names, none for a wire story)
are equal: ``Korea: talks stall in Geneva`` and ``Korea - talks
stall in Geneva`` from Reuters on October 5 are one. The key of a reference is made from
its merged fields (the most complete value of each over its citations), so a run and
the library give the same key. The library goes further, merging near-duplicates by the
conservative fuzzy rule of :mod:`refs.dedupe.pairs` (which also joins a reference that
names its authors with one that names none); a run over files does not."""

from __future__ import annotations

from collections.abc import Sequence

from refs.dedupe.merge import merge_variants
from refs.dedupe.title_forms import author_form, normalise_outlet, normalise_title
from refs.keys import KeyRequest, author_word, base_key, library_keys, sort_identity
from refs.models import Fields, Name, PartialDate
from refs.outlets import resolve

Identity = tuple[str, int | None, int | None, int | None, str, str]


def canonical_outlet(outlet: str | None, canonical: str | None) -> str:
    """The canonical outlet name: the one given, else the registry's for ``outlet``."""
    if canonical:
        return canonical
    return resolve(outlet).name if outlet and outlet.strip() else ""


def identity(
    title: str,
    outlet: str | None,
    canonical: str | None,
    issued: PartialDate | None,
    author: Sequence[Name] = (),
) -> Identity:
    """What makes two references one: (outlet, year, month, day, title, authors),
    normalised."""
    return (
        normalise_outlet(canonical_outlet(outlet, canonical)),
        issued.year if issued else None,
        issued.month if issued else None,
        issued.day if issued else None,
        normalise_title(title),
        author_form(author),
    )


def variant_identity(v: Fields) -> Identity:
    return identity(v.title, v.outlet, v.outlet_canonical, v.issued, v.author)


def key_request(fields: Fields) -> KeyRequest:
    """The key wanted for a reference with these (merged) fields."""
    name = fields.outlet_canonical or fields.outlet
    return KeyRequest(
        base_key(name, fields.issued, fields.title, author_word(fields.author)),
        sort_identity(name, fields.issued, fields.title),
    )


def group_keys(groups: Sequence[Sequence[Fields]], taken: set[str] | None = None) -> list[str]:
    """One key per group of variants of one reference (in the order of ``groups``), from
    the group's merged fields; none of ``taken``."""
    requests = [key_request(merge_variants(list(g))) for g in groups]
    return library_keys(requests, taken or ())
