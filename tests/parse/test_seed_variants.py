"""The seeds in the other shapes the archive has: each variant must give the same entries
as the seed itself (titles, outlets, dates), changed only where the variant changes them."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from refs.pipeline import build, parse_text
from tests.helpers import SEEDS

Entry = tuple[str, str | None, str | None, bool]  # title, outlet, issued, year inferred


def entries(text: str) -> list[Entry]:
    article, raws, notes = parse_text(text, "v.txt")
    (result,) = build([(article, raws, notes)])
    return [
        (
            r.title,
            r.outlet,
            r.issued.iso() if r.issued else None,
            bool(r.issued and r.issued.year_inferred),
        )
        for r in result.references
    ]


def _flatten(text: str) -> str:
    return re.sub(r"\s*\n\s*", "", text)


def _headless(text: str) -> str:
    return text[text.find("\n\n", text.find("Issue No") + 30) :]


def _glue_label(text: str) -> str:
    return re.sub(r'\.?"?\s*\n\s*\nReports:', ".Reports:", text)


VARIANTS: dict[str, Callable[[str], str]] = {
    "windows line endings": lambda t: t.replace("\n", "\r\n"),
    "non-breaking spaces": lambda t: t.replace(", ", ",\u00a0").replace(
        "Reports: ", "Reports:\u00a0"
    ),
    "tabs after ';'": lambda t: t.replace("; ", ";\t"),
    "no space after ';'": lambda t: t.replace("; ", ";"),
    "upper-case label": lambda t: t.replace("Reports:", "REPORTS:"),
    "stray spaces": lambda t: t.replace(", ", " ,  "),
    "flattened page": _flatten,
    "label glued to the body": _glue_label,
    "no footer": lambda t: t[: t.find("©")],
    "apostrophes as entities": lambda t: t.replace("'", "&#8217;"),
    "curly apostrophes": lambda t: t.replace("'", "\u2019"),
    "ampersand entities": lambda t: t.replace(" and ", " &amp; "),
    "page starts mid-article": _headless,
}


def expected(variant: str, seed: list[Entry]) -> list[Entry]:
    if variant in ("apostrophes as entities", "curly apostrophes"):
        return [(t.replace("'", "\u2019"), o, d, y) for t, o, d, y in seed]
    if variant == "ampersand entities":
        return [(t.replace(" and ", " & "), o, d, y) for t, o, d, y in seed]
    if variant == "page starts mid-article":  # no issue: no inferred year
        return [(t, o, "-" + d[4:] if d and y else d, False) for t, o, d, y in seed]
    return seed


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_variant_reads_like_the_seed(seed: str, variant: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    changed = VARIANTS[variant](text)
    assert changed != text or variant == "no space after ';'"
    assert entries(changed) == expected(variant, entries(text))
