"""References -> RIS (Research Information Systems tagged format).

Per the specification each line is ``XX  - value`` and ends in CR LF; a record opens
with ``TY`` and closes with ``ER  - ``, with no blank line between records. Types follow
Zotero's RIS mapping where RIS has none of its own (speech -> ``SLIDE``, interview ->
``PCOMM``), and ``M3`` (type of work) carries the CSL type for those, so that reading
the file back gives the same type. ``PY`` holds the year, ``DA`` the date at the known
precision (``2000/10/24``, ``2000/10``)."""

from __future__ import annotations

from collections.abc import Sequence

from refs.formats.bib_entries import sorted_refs
from refs.models import Keyed, PartialDate

EOL = "\r\n"

CSL_TO_RIS: dict[str, str] = {
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "article-journal": "JOUR",
    "article": "JOUR",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CONF",
    "report": "RPRT",
    "thesis": "THES",
    "manuscript": "MANSCPT",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "legislation": "STAT",
    "bill": "BILL",
    "legal_case": "CASE",
    "hearing": "HEAR",
    "map": "MAP",
    "patent": "PAT",
    "dataset": "DATA",
    "pamphlet": "PAMP",
    "speech": "SLIDE",
    "interview": "PCOMM",
    "personal_communication": "PCOMM",
    "document": "GEN",
}
# RIS types that several CSL types share: M3 names the CSL type for these.
SHARED = frozenset({"PCOMM", "SLIDE", "GEN", "JOUR"})


def ris_type(csl_type: str) -> str:
    return CSL_TO_RIS.get(csl_type, "GEN")


def one_line(value: str) -> str:
    """RIS values are one line: line breaks and other control characters become spaces."""
    return "".join(" " if ord(ch) < 32 or ch in "\x7f\u2028\u2029\x85" else ch for ch in value)


def ris_date(date: PartialDate) -> str:
    parts = [f"{date.year:04d}" if date.year is not None else ""]
    if date.month is not None:
        parts.append(f"{date.month:02d}")
        if date.day is not None:
            parts.append(f"{date.day:02d}")
    return "/".join(parts)


def record(ref: Keyed) -> list[tuple[str, str]]:
    """The tags of one record, in the order written."""
    ty = ris_type(ref.type)
    tags = [("TY", ty), ("ID", ref.key), ("TI", ref.title)]
    container = ref.container_title or (None if ref.publisher else ref.outlet)
    if container:
        tags.append(("T2", container))
    if ref.publisher:
        tags.append(("PB", ref.publisher))
    if ref.issued is not None:
        if ref.issued.year is not None:
            tags.append(("PY", f"{ref.issued.year:04d}"))
        if ref.issued.month is not None:
            tags.append(("DA", ris_date(ref.issued)))
    if ty in SHARED and ref.type != _default_type(ty):
        tags.append(("M3", ref.type))
    from refs.formats.ris_fields import ris_more

    tags += ris_more(ref)
    tags += [(t, v) for t, v in ref.extra_fields if len(t) == 2 and t.isalnum() and t.isupper()]
    tags.append(("ER", ""))
    return tags


def _default_type(ty: str) -> str:
    return RIS_TO_CSL.get(ty, "document")


# What a RIS type is read as when no M3 says otherwise.
RIS_TO_CSL: dict[str, str] = {ris: csl for csl, ris in reversed(CSL_TO_RIS.items())}
RIS_TO_CSL.update({"JOUR": "article-journal", "PCOMM": "personal_communication", "GEN": "document"})
RIS_TO_CSL.update({"EJOUR": "article-journal", "CPAPER": "paper-conference", "GOVDOC": "report"})
RIS_TO_CSL.update({"INPR": "article-journal", "UNPB": "manuscript", "EBOOK": "book"})


def export(refs: Sequence[Keyed]) -> str:
    """RIS for ``refs``, sorted by key, CR LF line ends."""
    lines: list[str] = []
    for ref in sorted_refs(refs):
        for tag, value in record(ref):
            lines.append(f"{tag}  - {one_line(value)}")
    return "".join(line + EOL for line in lines)
