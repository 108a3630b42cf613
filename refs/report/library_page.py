"""The library page (`refs report --format html`): one self-contained HTML file (inline
CSS and SVG, no script, nothing fetched) showing which outlets the digest relies on over
which years, the coverage of each issue, and the citations of one story over time; and
the same data as JSON or text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from refs.keys import title_word
from refs.models import LibraryReference
from refs.report.json_doc import dumps
from refs.report.library_charts import (
    IssueCoverage,
    coverage_bars,
    outlet_of,
    outlet_year_grid,
    outlet_years,
    story_timeline,
)
from refs.report.table import table

_CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 62rem;
       color: #1d2430; background: #fff; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.facts { color: #556; } figure { margin: 1rem 0; overflow-x: auto; }
figcaption { color: #556; font-size: .9rem; } svg text:not([fill]) { fill: #1d2430; }
"""


@dataclass(frozen=True)
class LibraryReport:
    refs: tuple[LibraryReference, ...]
    coverage: tuple[IssueCoverage, ...]
    story: str

    def story_refs(self) -> list[LibraryReference]:
        return story_refs(self.refs, self.story)


def default_story(refs: Sequence[LibraryReference]) -> str:
    """The most frequent first significant title word (the story told most often)."""
    words = Counter(title_word(r.title) for r in refs)
    words.pop("untitled", None)
    if not words:
        return ""
    return min(words, key=lambda w: (-words[w], w))


def story_refs(refs: Sequence[LibraryReference], story: str) -> list[LibraryReference]:
    """The references whose title names the story (case-insensitive)."""
    needle = story.casefold()
    return [r for r in refs if needle and needle in r.title.casefold()]


def _facts(report: LibraryReport) -> str:
    refs = report.refs
    years = sorted({r.issued.year for r in refs if r.issued and r.issued.year})
    outlets = {outlet_of(r) for r in refs}
    citations = sum(len(r.citations) for r in refs)
    span = f"{years[0]}–{years[-1]}" if years else "no dated references"
    return (
        f"{len(refs)} references from {len(outlets)} outlets, {span}; "
        f"{citations} citations in the digest's articles"
    )


def library_html(report: LibraryReport) -> str:
    """The whole page."""
    figures = [
        (
            "Which outlets the digest relies on, over which years",
            outlet_year_grid(report.refs),
            "References per outlet and year (the 15 outlets cited most; darker: more).",
        ),
        (
            "Coverage per issue",
            coverage_bars(report.coverage),
            "Share of each issue's claims that a listed source supports (refs check).",
        ),
        (
            f"The story of “{report.story}” over time",
            story_timeline(report.story_refs(), report.story),
            "Each report of the story by date and outlet (larger: cited more often).",
        ),
    ]
    sections = "".join(
        f"<h2>{escape(title)}</h2><figure>{picture}"
        f"<figcaption>{escape(caption)}</figcaption></figure>\n"
        for title, picture, caption in figures
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>refs: the library</title>"
        f"<style>{_CSS}</style></head>\n<body><h1>The library</h1>"
        f'<p class="facts">{escape(_facts(report))}</p>\n{sections}</body></html>\n'
    )


def library_json(report: LibraryReport) -> str:
    """The data behind the pictures."""
    years = outlet_years(report.refs)
    story = sorted(report.story_refs(), key=lambda r: (r.issued.iso() if r.issued else "", r.key))
    doc = {
        "references": len(report.refs),
        "outlet_years": {o: {str(y): n for y, n in sorted(c.items())} for o, c in years.items()},
        "coverage": [
            {"issue": c.issue, "supported": c.supported, "claims": c.claims}
            for c in report.coverage
        ],
        "story": {
            "words": report.story,
            "references": [
                {
                    "key": r.key,
                    "issued": r.issued.iso() if r.issued else None,
                    "outlet": outlet_of(r),
                    "citations": len(r.citations),
                }
                for r in story
            ],
        },
    }
    return dumps(doc)


def library_text(report: LibraryReport) -> str:
    """A summary for a terminal: the facts, then outlets by number of references."""
    rows = [
        [o, str(sum(c.values())), f"{min(c)}–{max(c)}" if min(c) != max(c) else str(min(c))]
        for o, c in outlet_years(report.refs).items()
    ]
    cover = [[c.issue, f"{c.supported}/{c.claims}", f"{c.share:.0%}"] for c in report.coverage]
    parts = [_facts(report), "", table(["outlet", "references", "years"], rows)]
    if cover:
        parts += ["", table(["issue", "supported", "coverage"], cover)]
    return "\n".join(parts) + "\n"
