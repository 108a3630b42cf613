"""The library page's pictures as inline SVG: references per outlet per year (a grid),
coverage per issue (bars) and the citations of one story over time (a timeline)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from refs.models import LibraryReference, PartialDate
from refs.report.svg import circle, line, rect, shade, svg, text
from refs.report.table import width as display_width

LABEL_WIDTH = 220
CELL = 26


def outlet_of(ref: LibraryReference) -> str:
    return (
        ref.outlet_canonical or ref.container_title or ref.publisher or ref.outlet or "(no outlet)"
    )


def outlet_years(refs: Sequence[LibraryReference], top: int = 15) -> dict[str, Counter[int]]:
    """References per year of the ``top`` outlets (most references first)."""
    per: dict[str, Counter[int]] = {}
    for ref in refs:
        if ref.issued is not None and ref.issued.year is not None:
            per.setdefault(outlet_of(ref), Counter())[ref.issued.year] += 1
    ranked = sorted(per, key=lambda o: (-sum(per[o].values()), o))[:top]
    return {o: per[o] for o in ranked}


def _cut(label: str, columns: int = 32) -> str:
    return label if display_width(label) <= columns else label[: columns - 1] + "…"


def outlet_year_grid(refs: Sequence[LibraryReference]) -> str:
    """Rows: outlets; columns: years; a cell's shade is its number of references."""
    grid = outlet_years(refs)
    years = sorted({y for counts in grid.values() for y in counts})
    if not grid:
        return svg(300, 30, [text(4, 20, "no dated references")], "references per outlet")
    peak = max(n for counts in grid.values() for n in counts.values())
    body: list[str] = []
    for j, year in enumerate(years):
        body.append(text(LABEL_WIDTH + j * CELL + CELL / 2, 14, str(year)[2:], "middle", 10))
    for i, (outlet, counts) in enumerate(grid.items()):
        y = 20 + i * CELL
        body.append(text(LABEL_WIDTH - 6, y + CELL * 0.65, _cut(outlet), "end"))
        for j, year in enumerate(years):
            n = counts.get(year, 0)
            fill = shade(n / peak) if n else "#f4f4f4"
            tip = f"{outlet}, {year}: {n} reference(s)"
            body.append(rect(LABEL_WIDTH + j * CELL, y, CELL - 2, CELL - 2, fill, tip))
            if n:
                colour = "#fff" if n / peak > 0.5 else "#123"
                body.append(
                    _count(LABEL_WIDTH + j * CELL + CELL / 2 - 1, y + CELL * 0.62, n, colour)
                )
    size = (LABEL_WIDTH + len(years) * CELL + 10, 30 + len(grid) * CELL)
    return svg(*size, body, "references per outlet per year")


def _count(x: float, y: float, n: int, colour: str) -> str:
    return text(x, y, str(n), "middle", 10).replace("<text ", f'<text fill="{colour}" ', 1)


@dataclass(frozen=True)
class IssueCoverage:
    issue: str  # "Disarmament Diplomacy 52"
    supported: int
    claims: int

    @property
    def share(self) -> float:
        return self.supported / self.claims if self.claims else 1.0


def coverage_bars(rows: Sequence[IssueCoverage]) -> str:
    """One bar per issue: the share of its claims that a listed source supports."""
    if not rows:
        return svg(300, 30, [text(4, 20, "no article texts in the library")], "coverage")
    bar, gap, height = 300, 6, 18
    body: list[str] = []
    for i, row in enumerate(rows):
        y = 6 + i * (height + gap)
        body.append(text(LABEL_WIDTH - 6, y + height * 0.72, _cut(row.issue), "end"))
        body.append(rect(LABEL_WIDTH, y, bar, height, "#f6d5d5"))
        tip = f"{row.issue}: {row.supported}/{row.claims} claims supported"
        body.append(rect(LABEL_WIDTH, y, bar * row.share, height, "#5aa469", tip))
        label = f"{row.share:.0%} of {row.claims}"
        body.append(text(LABEL_WIDTH + bar + 6, y + height * 0.72, label))
    return svg(LABEL_WIDTH + bar + 90, 12 + len(rows) * (height + gap), body, "coverage per issue")


def _day_number(date: PartialDate) -> float:
    """A date as a number of days (about), where its year is known."""
    assert date.year is not None
    return date.year * 372 + ((date.month or 6) - 1) * 31 + (date.day or 15)


def story_timeline(refs: Sequence[LibraryReference], story: str) -> str:
    """The dated references of one story along a time axis, a row per outlet."""
    dated = [r for r in refs if r.issued is not None and r.issued.year is not None]
    if not dated:
        return svg(300, 30, [text(4, 20, f"no dated reports of {story!r}")], "story timeline")
    outlets = sorted({outlet_of(r) for r in dated})
    first = min(_day_number(r.issued) for r in dated if r.issued)
    last = max(_day_number(r.issued) for r in dated if r.issued)
    span = max(last - first, 1.0)
    axis = 520
    body: list[str] = []
    for i, outlet in enumerate(outlets):
        y = 24 + i * 22
        body.append(text(LABEL_WIDTH - 6, y + 4, _cut(outlet), "end"))
        body.append(line(LABEL_WIDTH, y, LABEL_WIDTH + axis, y, "#ddd"))
    for ref in sorted(dated, key=lambda r: (r.issued.iso() if r.issued else "", r.key)):
        assert ref.issued is not None
        x = LABEL_WIDTH + axis * (_day_number(ref.issued) - first) / span
        y = 24 + outlets.index(outlet_of(ref)) * 22
        tip = f"{ref.issued.iso()} {outlet_of(ref)}: {ref.title} ({len(ref.citations)} citation(s))"
        body.append(circle(x, y, 4 + min(len(ref.citations), 6), "#3b6fb6", tip))
    bottom = 24 + len(outlets) * 22
    for ref, x, anchor in (
        (min(dated, key=_when), 0, "start"),
        (max(dated, key=_when), axis, "end"),
    ):
        shown = ref.issued.iso() if ref.issued is not None else ""
        body.append(text(LABEL_WIDTH + x, bottom + 6, shown, anchor))
    return svg(LABEL_WIDTH + axis + 20, bottom + 16, body, f"timeline of {story}")


def _when(ref: LibraryReference) -> float:
    return _day_number(ref.issued) if ref.issued is not None else 0.0
