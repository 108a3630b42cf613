"""How CSL types map to BibTeX and BibLaTeX entry types, both ways.

BibTeX has no entry type for authorless news items that ``plain.bst`` accepts without
a warning except ``@misc``, so every BibTeX entry is ``@misc`` and the CSL type travels
in ``entrysubtype`` (a field no standard style prints). BibLaTeX uses ``@article`` with
``entrysubtype = {newspaper}`` (its documented convention) for periodical items,
``@online`` for web items and ``@misc`` for the rest.
"""

from __future__ import annotations

from refs.dates import MONTH_NAMES

NO_YEAR = "n.d."  # the year of an undated entry, as author-year styles print it
# the BibTeX month macros, January first
MONTHS = tuple(name[:3].lower() for name in MONTH_NAMES)

# CSL types that BibLaTeX writes as @article, with their entrysubtype.
ARTICLE_SUBTYPES: dict[str, str | None] = {
    "article-newspaper": "newspaper",
    "article-magazine": "magazine",
    "article-journal": None,
    "article": "article",
}
ONLINE_TYPES = frozenset({"webpage", "post", "post-weblog"})
# BibLaTeX list fields: a name that holds " and " is braced to stay one name.
LIST_FIELDS = frozenset({"publisher", "organization", "institution", "location"})

# Foreign entry types read on import, when no entrysubtype says better.
ENTRY_TYPE_TO_CSL: dict[str, str] = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "manual": "report",
    "mastersthesis": "thesis",
    "phdthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "unpublished": "manuscript",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "misc": "document",
}
SUBTYPE_TO_CSL = {"newspaper": "article-newspaper", "magazine": "article-magazine"}

# The CSL 1.0.2 item types (an entrysubtype that names one is taken as it is).
CSL_TYPES = frozenset(
    [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ]
)


def biblatex_type(csl_type: str) -> tuple[str, str | None]:
    """BibLaTeX entry type and entrysubtype for a CSL type."""
    if csl_type in ARTICLE_SUBTYPES:
        return "article", ARTICLE_SUBTYPES[csl_type]
    if csl_type in ONLINE_TYPES:
        return "online", csl_type
    if csl_type == "report":
        return "report", None
    return "misc", csl_type


def csl_type(entry_type: str, subtype: str | None) -> str:
    """The CSL type of an imported entry: its entrysubtype where that names one, else
    a mapping of the entry type (``document`` for what is unknown)."""
    entry_type = entry_type.lower()
    if subtype:
        sub = subtype.strip().lower()
        if sub in SUBTYPE_TO_CSL and entry_type == "article":
            return SUBTYPE_TO_CSL[sub]
        if sub in CSL_TYPES:
            return sub
    return ENTRY_TYPE_TO_CSL.get(entry_type, "document")
