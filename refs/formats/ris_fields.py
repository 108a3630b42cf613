"""The fields beyond title, outlet and issue date, RIS both ways, as Zotero's RIS
translator reads and writes them: names one per line (``AU``, ``A2``, ``A3``, ``A4``)
as ``Last, First, Suffix``, pages as ``SP``/``EP``, the access date in ``Y2``,
keywords one per ``KW``. One table from the fields model to the tags."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from refs.dates import written_date
from refs.formats.bib_types import CSL_TYPES
from refs.formats.imported import iso_date, number, valid_date
from refs.models import KINDS, Keyed, Name, PartialDate, set_fields

# model field -> RIS tag (names and dates by their kind, the rest as text)
RIS_TAGS: dict[str, str] = {
    "author": "AU",
    "editor": "A2",
    "collection_editor": "A3",
    "translator": "A4",
    "accessed": "Y2",
    "volume": "VL",
    "issue": "IS",
    "number": "M1",
    "edition": "ET",
    "number_of_volumes": "NV",
    "url": "UR",
    "doi": "DO",
    "isbn": "SN",
    "publisher_place": "CY",
    "language": "LA",
    "abstract": "AB",
    "note": "N1",
    "keyword": "KW",
    "title_short": "ST",
    "container_title_short": "J2",
    "collection_title": "T3",
    "archive_location": "AN",
    "call_number": "CN",
    "library_catalog": "DP",
    "archive": "DB",
    "genre": "M3",
}
_WRITTEN_APART = frozenset(
    {"title", "outlet", "outlet_canonical", "issued", "type", "publisher", "container_title"}
)
TAG_FIELDS = frozenset(RIS_TAGS.values()) | {"SP", "EP"}


def ris_date_of(value: str) -> PartialDate | None:
    """``2000``, ``2000/10``, ``2000/10/24``, ``2000/10/24/other``, ``/10/24``, ISO 8601
    (``2000-10-24``) and words without a year (``March 5``)."""
    parts = [p.strip() for p in value.strip().split("/")][:3]
    if not all(p == "" or p.isdigit() for p in parts):
        return iso_date(value) or written_date(value)
    nums = [number(p) if p else None for p in parts] + [None, None]
    if any(p and n is None for p, n in zip(parts, nums, strict=False)):
        return None
    return valid_date(nums[0], nums[1], nums[2])


def ris_name(name: Name) -> str:
    if name.literal is not None or not name.family:
        return name.literal or name.given or ""
    last = " ".join(p for p in (name.non_dropping_particle, name.family) if p)
    first = " ".join(p for p in (name.given, name.dropping_particle) if p)
    return ", ".join(p for p in (last, first, name.suffix) if p)


def name_of_ris(text: str) -> Name | None:
    parts = [p.strip() for p in text.split(",")]
    if not parts[0]:
        return None
    if len(parts) == 1:
        return Name(literal=parts[0])
    last, given = parts[0], parts[1].split()
    dropping: list[str] = []
    while len(given) > 1 and given[-1][:1].islower():
        dropping.insert(0, given.pop())
    words = last.split()
    particle = []
    while len(words) > 1 and words[0][:1].islower():
        particle.append(words.pop(0))
    return Name(
        family=" ".join(words),
        given=" ".join(given) or None,
        dropping_particle=" ".join(dropping) or None,
        non_dropping_particle=" ".join(particle) or None,
        suffix=", ".join(parts[2:]) or None,
    )


def _date(date: PartialDate) -> str | None:
    if date.year is None:
        return None
    parts = [f"{date.year:04d}", *(f"{p:02d}" for p in (date.month, date.day) if p)]
    return "/".join(parts)


def ris_more(ref: Keyed) -> list[tuple[str, str]]:
    """The tags of the fields of RIS_TAGS that ``ref`` sets, then ``SP``/``EP``."""
    tags: list[tuple[str, str]] = []
    for name, tag in RIS_TAGS.items():
        value = getattr(ref, name)
        if value in (None, "", ()) or (name == "genre" and ref.type in _M3_TYPES):
            continue
        kind = KINDS[name]
        if kind == "name":
            tags += [(tag, ris_name(n)) for n in value]
        elif kind == "date":
            text = _date(value)
            if text:
                tags.append((tag, text))
        elif name == "keyword":
            tags += [(tag, k.strip()) for k in str(value).split(",") if k.strip()]
        else:
            tags.append((tag, str(value)))
    if ref.page:
        first, sep, last = ref.page.partition("-")
        tags.append(("SP", first.strip() if sep else ref.page))
        if sep and last.strip():
            tags.append(("EP", last.strip()))
    return tags


# CSL types whose M3 tag names the type itself (ris_write.SHARED): no genre there
_M3_TYPES = frozenset({"speech", "interview", "personal_communication", "document", "article"})


def ris_uncarried(ref: Keyed) -> list[str]:
    out = [n for n in set_fields(ref) if n not in _WRITTEN_APART and n not in RIS_TAGS]
    return sorted(n for n in out if n != "page")


def ris_read_more(every: Callable[[str], list[str]]) -> dict[str, Any]:
    """Model values from a record's tags (``every(tag)`` gives each value of a tag)."""
    out: dict[str, Any] = {}
    for name, tag in RIS_TAGS.items():
        values = [v.strip() for v in every(tag) if v.strip()]
        if tag == "M3":  # the CSL type where it names one (ris_read), else the genre
            values = [v for v in values if v.lower() not in CSL_TYPES]
        if not values:
            continue
        kind = KINDS[name]
        if kind == "name":
            names = tuple(n for n in map(name_of_ris, values) if n is not None)
            if names:
                out[name] = names
        elif kind == "date":
            date = ris_date_of(values[0])
            if date is not None:
                out[name] = date
        else:
            out[name] = ", ".join(values) if name == "keyword" else values[0]
    sp, ep = every("SP"), every("EP")
    if sp and sp[0].strip():
        out["page"] = sp[0].strip() + (f"-{ep[0].strip()}" if ep and ep[0].strip() else "")
    return out
