"""The CSL processor test suite (tests/data/csl-suite): read a fixture, render it through
refs (or through citeproc-py as shipped) and compare with its RESULT.

A fixture's sections are ``>>===== NAME =====>>`` ... ``<<===== NAME =====<<``. Without
CITATION-ITEMS or CITATIONS all INPUT items form one citation (the suite's convention);
CITATION-ITEMS lists citations (note n for the n-th); CITATIONS replays citeproc-js's
``processCitationCluster`` calls, and the final citations (in their final notes) are
compared, one ``[n] text`` line each. Items without an id are ITEM-1, ITEM-2, ...
Output is compared as HTML after layout whitespace between lines is dropped and
``&#38;`` is read as ``&amp;``.

    python -m tests.helpers.csl_suite [--engine refs|plain] [--write] [--show NAME]
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from refs.errors import RefsError
from refs.render.engine import CiteSpec, render_clusters
from refs.render.loader import Style

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "tests" / "data" / "csl-suite"
KNOWN = SUITE / "known-passes.list"
PLAIN = SUITE / "plain-passes.list"

_SECTION = re.compile(r"^>>=+ *([A-Z-]+) *=+>>[ \t]*\n(.*?)^<<=+ *\1 *=+<<", re.M | re.S)
_CITATION_LINE = re.compile(r"^(?:>>|\.\.)\[(\d+)\]\s?")

# fixtures not scored, by what they need
UNSCORED_SECTIONS = {
    "BIBENTRIES": "bibliography of a chosen subset (BIBENTRIES) not rendered",
    "BIBSECTION": "bibliography sections (BIBSECTION) not rendered",
}


@dataclass(frozen=True)
class Fixture:
    name: str
    mode: str
    csl: str
    items: list[dict[str, Any]]
    result: str
    clusters: list[list[dict[str, Any]]] = field(default_factory=list)
    numbered: bool = False  # CITATIONS: the result has one "[n] text" line per citation
    notes: list[int] | None = None  # CITATIONS: each citation's final noteIndex
    unscored: str | None = None

    @property
    def category(self) -> str:
        return self.name.split("_", 1)[0]


def _final_citations(calls: list[Any]) -> list[tuple[dict[str, Any], int]]:
    """The citations in document order after the last processCitationCluster call, each
    with its note (the calls renumber the notes of the citations around them)."""
    known: dict[str, dict[str, Any]] = {}
    note: dict[str, int] = {}
    order: list[str] = []
    for citation, before, after in calls:
        cid = citation["citationID"]
        known[cid] = citation
        note.update({c[0]: int(c[1]) for c in [*before, *after]})
        note[cid] = int(citation.get("properties", {}).get("noteIndex") or 0)
        order = [c[0] for c in before] + [cid] + [c[0] for c in after]
    return [(known[cid], note[cid]) for cid in order if cid in known]


def read(path: Path) -> Fixture:
    text = path.read_text(encoding="utf-8-sig")
    sections = {m.group(1): m.group(2) for m in _SECTION.finditer(text)}
    name = path.stem
    mode = sections.get("MODE", "").strip()
    items = json.loads(sections["INPUT"])
    for n, item in enumerate(items, 1):
        item.setdefault("id", f"ITEM-{n}")  # as citeproc-js's runner names them
    unscored = None
    if "VERSION" not in sections:
        unscored = "no VERSION section: a draft fixture upstream"
    for section, reason in UNSCORED_SECTIONS.items():
        if section in sections:
            unscored = reason
    if mode not in ("citation", "bibliography"):
        unscored = f"mode {mode!r} not rendered"
    clusters: list[list[dict[str, Any]]] = []
    numbered = False
    notes = None
    if "CITATIONS" in sections:
        numbered = True
        final = _final_citations(json.loads(sections["CITATIONS"]))
        clusters = [c["citationItems"] for c, _ in final]
        notes = [n for _, n in final]
    elif "CITATION-ITEMS" in sections:
        clusters = json.loads(sections["CITATION-ITEMS"])
    return Fixture(
        name,
        mode,
        sections["CSL"],
        items,
        sections["RESULT"].strip("\n"),
        clusters,
        numbered,
        notes,
        unscored,
    )


def fixtures() -> list[Fixture]:
    return [read(p) for p in sorted(SUITE.glob("*.txt"))]


def _spec(cite: dict[str, Any]) -> CiteSpec:
    locator = cite.get("locator")
    return CiteSpec(
        key=str(cite["id"]),
        locator=None if locator is None else str(locator),
        label=str(cite.get("label") or "page"),
        prefix=str(cite.get("prefix") or ""),
        suffix=str(cite.get("suffix") or ""),
    )


def _clusters(fx: Fixture) -> list[list[dict[str, Any]]]:
    return fx.clusters or [[{"id": item["id"]} for item in fx.items]]


def _output(fx: Fixture, cites: Sequence[str], entries: Sequence[str]) -> str:
    if fx.mode == "bibliography":
        return "\n".join(['<div class="csl-bib-body">', *entries, "</div>"])
    if fx.numbered:
        return "\n".join(f"[{n}] {text}" for n, text in enumerate(cites))
    return "\n".join(cites)


def run_refs(fx: Fixture) -> str:
    style = Style(fx.csl.encode("utf-8"), fx.name)
    clusters = [[_spec(c) for c in cluster] for cluster in _clusters(fx)]
    citing = fx.mode == "citation"
    # without CITATION-ITEMS or CITATIONS, citeproc-js's runner cites the items in
    # bibliography order
    result = render_clusters(
        fx.items,
        style,
        clusters,
        "html",
        citations=citing,
        cites_in_bibliography_order=not fx.clusters,
        notes=fx.notes,
    )
    return _output(fx, [c.text for c in result.citations], [e.text for e in result.entries])


def run_plain(fx: Fixture) -> str:
    """citeproc-py 0.11.1 as shipped, used the same way."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    style = CitationStylesStyle(io.BytesIO(fx.csl.encode("utf-8")), validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(fx.items), formatter.html)
    citations = []
    for cluster in _clusters(fx):
        cites = []
        for cite in cluster:
            extra: dict[str, Any] = {k: cite[k] for k in ("prefix", "suffix") if cite.get(k)}
            if cite.get("locator") is not None:
                extra["locator"] = Locator(cite.get("label") or "page", str(cite["locator"]))
            cites.append(CitationItem(str(cite["id"]), **extra))
        citations.append(Citation(cites))
    for citation in citations:
        bib.register(citation)
    if style.has_bibliography():
        bib.sort()
    cites = [str(bib.cite(c, lambda _c: None)) for c in citations] if fx.mode == "citation" else []
    entries = []
    if fx.mode == "bibliography":
        entries = [f'<div class="csl-entry">{e}</div>' for e in bib.bibliography()]
    return _output(fx, cites, entries)


def normalise(text: str, mode: str) -> str:
    text = text.replace("&#38;", "&amp;").replace("&#60;", "&lt;").replace("&#62;", "&gt;")
    lines = [_CITATION_LINE.sub(r"[\1] ", line) for line in text.strip().splitlines()]
    if mode == "bibliography":
        return "".join(line.strip() for line in lines)
    return "\n".join(line.rstrip() for line in lines)


def passes(fx: Fixture, engine: Callable[[Fixture], str]) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = engine(fx)
    except (Exception, RefsError):
        return False
    return normalise(out, fx.mode) == normalise(fx.result, fx.mode)


ENGINES: dict[str, Callable[[Fixture], str]] = {"refs": run_refs, "plain": run_plain}


def score(engine: str = "refs") -> tuple[dict[str, bool], dict[str, str], dict[str, str]]:
    """(scored fixture -> passes, unscored fixture -> reason, fixture -> category)."""
    run = ENGINES[engine]
    results: dict[str, bool] = {}
    unscored: dict[str, str] = {}
    category: dict[str, str] = {}
    for fx in fixtures():
        category[fx.name] = fx.category
        if fx.unscored:
            unscored[fx.name] = fx.unscored
        else:
            results[fx.name] = passes(fx, run)
    return results, unscored, category


def listed(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def table(results: dict[str, bool], unscored: dict[str, str], category: dict[str, str]) -> str:
    rows: dict[str, list[int]] = {}
    for name, ok in results.items():
        row = rows.setdefault(category[name], [0, 0])
        row[0] += ok
        row[1] += 1
    out = [f"{'category':<14} {'pass':>5} {'of':>5} {'%':>6}"]
    for cat in sorted(rows):
        p, n = rows[cat]
        out.append(f"{cat:<14} {p:>5} {n:>5} {100 * p / n:>6.1f}")
    reasons = Counter(unscored.values())
    for reason, n in sorted(reasons.items()):
        out.append(f"not scored: {n} ({reason})")
    p, n = sum(results.values()), len(results)
    out.append(f"csl test suite: {p} of {n} scored fixtures pass ({100 * p / max(n, 1):.1f} %)")
    return "\n".join(out)


def _write(path: Path, names: set[str], engine: str) -> None:
    head = f"# fixtures of tests/data/csl-suite that pass through {engine}; one a line\n"
    path.write_text(head + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Run the CSL processor test suite.")
    ap.add_argument("--engine", choices=sorted(ENGINES), default="refs")
    ap.add_argument("--write", action="store_true", help="write the list of passes")
    ap.add_argument("--show", action="append", default=[], help="print a fixture's outputs")
    args = ap.parse_args(argv)
    if args.show:
        for name in args.show:
            fx = read(SUITE / f"{name}.txt")
            try:
                out = ENGINES[args.engine](fx)
            except Exception as exc:
                out = f"CRASH {type(exc).__name__}: {exc}"
            print(f"== {name}\n-- expected\n{fx.result}\n-- {args.engine}\n{out}")
        return 0
    results, unscored, category = score(args.engine)
    if args.write:
        _write(
            PLAIN if args.engine == "plain" else KNOWN,
            {n for n, ok in results.items() if ok},
            args.engine,
        )
    print(table(results, unscored, category))
    return 0


if __name__ == "__main__":
    sys.exit(main())
