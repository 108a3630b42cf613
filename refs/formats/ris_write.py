"""References -> RIS (Research Information Systems tagged format).

Per the specification each line is ``XX  - value`` and ends in CR LF; a record opens
with ``TY`` and closes with ``ER  - ``, with no blank line between records.

Types are the ones Zotero's RIS translator, pandoc and citation.js read as the nearest
kind: a speech is ``SLIDE`` (Zotero's presentation), a broadcast ``MPCT`` (Zotero's
choice for TV broadcasts), an interview published by an outlet ``NEWS``, a document
``RPRT`` (``GEN`` is read as a journal article by Zotero and as nothing by older
pandoc; ``PCOMM`` is a letter). ``M3`` (type of work) names the CSL type wherever the
RIS type stands for several or is read as another kind (citation.js reads ``SLIDE`` as
a motion picture), so that reading the file back gives the same type.

Dates: ``PY`` holds the date in ISO 8601 at the known precision (pandoc and citation.js
read only ``PY`` for news items, and pandoc reads only the ISO form); ``DA`` holds it
in the specification's ``2000/10/24`` form for Zotero. A date without a year is written
as words in ``DA`` (``March 5``), which Zotero reads as month and day, where the
specification's ``/03/05`` is read as the 3rd."""

from __future__ import annotations

from collections.abc import Sequence

from refs.dates import format_date
from refs.formats.bib_entries import sorted_refs
from refs.formats.safe_text import one_line
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
    "motion_picture": "MPCT",
    "broadcast": "MPCT",
    "interview": "NEWS",
    "personal_communication": "PCOMM",
    "document": "RPRT",
}

# CSL types whose RIS type a consumer reads as another kind (citation.js: ``SLIDE`` is a
# motion picture), so ``M3`` names them too.
MISREAD = frozenset({"speech"})


def ris_type(csl_type: str) -> str:
    return CSL_TO_RIS.get(csl_type, "RPRT")


def ris_date(date: PartialDate) -> str:
    """``2000/10/24`` or ``2000/10`` where the year is known, else ``October 24``."""
    if date.year is None:
        return format_date(date, with_year=False)
    parts = [f"{date.year:04d}"]
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
            tags.append(("PY", ref.issued.iso()))
        if ref.issued.month is not None:
            tags.append(("DA", ris_date(ref.issued)))
    if ref.type != _default_type(ty) or ref.type in MISREAD:
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
RIS_TO_CSL.update({"SOUND": "song", "VIDEO": "motion_picture", "WEB": "webpage"})
RIS_TO_CSL.update({"EJOUR": "article-journal", "CPAPER": "paper-conference", "GOVDOC": "report"})
RIS_TO_CSL.update({"INPR": "article-journal", "UNPB": "manuscript", "EBOOK": "book"})


def export(refs: Sequence[Keyed]) -> str:
    """RIS for ``refs``, sorted by key, CR LF line ends."""
    lines: list[str] = []
    for ref in sorted_refs(refs):
        for tag, value in record(ref):
            lines.append(f"{tag}  - {one_line(value)}")
    return "".join(line + EOL for line in lines)
