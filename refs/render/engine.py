"""Render CSL-JSON items with citeproc-py and the conformance layer."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from citeproc import Citation
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON

from refs.diagnostics import Diagnostic, error
from refs.render import house
from refs.render.disambiguate import disambiguate
from refs.render.escape import protect, protect_affix, release
from refs.render.formats import FORMATS
from refs.render.items import prepare
from refs.render.loader import Style
from refs.render.positions import positions
from refs.render.registry import Bibliography, Cite
from refs.render.state import state_of
from refs.render.styles import HOUSE_STYLES
from refs.render.typography import Quotes, finish


@dataclass(frozen=True)
class Entry:
    key: str
    text: str


@dataclass(frozen=True)
class Rendered:
    """Bibliography entries in the style's order; citations in the items' order."""

    entries: tuple[Entry, ...]
    citations: tuple[Entry, ...]
    diagnostics: tuple[Diagnostic, ...]


def _quotes(style: Style) -> Quotes:
    root = style.root

    def term(name: str, default: str) -> str:
        value = str(root.get_single_term(name) or "")
        return value or default

    return Quotes(
        open=term("open-quote", "\u201c"),
        close=term("close-quote", "\u201d"),
        open_inner=term("open-inner-quote", "\u2018"),
        close_inner=term("close-inner-quote", "\u2019"),
        punctuation_in_quote=(style.option("punctuation-in-quote") or "").lower() == "true",
    )


@dataclass(frozen=True)
class CiteSpec:
    """One cite of a citation: the item's key, an optional locator (``label`` is a CSL
    locator term such as "page"), affixes, and the author-only / suppress-author forms."""

    key: str
    locator: str | None = None
    label: str = "page"
    prefix: str = ""
    suffix: str = ""


def _cite(spec: CiteSpec) -> Cite:
    extra: dict[str, Any] = {}
    if spec.locator:
        extra["locator"] = Locator(spec.label, protect(spec.locator))
    if spec.prefix:
        extra["prefix"] = protect_affix(spec.prefix)
    if spec.suffix:
        extra["suffix"] = protect_affix(spec.suffix)
    return Cite(spec.key.lower(), **extra)


def render(
    items: Sequence[Mapping[str, Any]],
    style: Style,
    fmt: str = "text",
    citations: bool = False,
    source: str = "<items>",
) -> Rendered:
    """The bibliography of ``items``; with ``citations``, one citation per item too."""
    keys = [str(item["id"]) for item in items if item.get("id") is not None]
    unique = {key.lower(): key for key in reversed(keys)}  # the first of duplicate ids
    clusters = [[CiteSpec(key)] for key in dict.fromkeys(unique[k.lower()] for k in keys)]
    return render_clusters(items, style, clusters, fmt, citations=citations, source=source)


def _registered(
    bib: Bibliography,
    clusters: Sequence[Sequence[CiteSpec]],
    ready: Sequence[Mapping[str, Any]],
    source: str,
    diags: list[Diagnostic],
) -> list[Citation]:
    """The citations of ``clusters`` registered (every item when none cites one), the
    bibliography sorted; an unknown key or a failed sort is said."""
    cites = [Citation([_cite(spec) for spec in cluster]) for cluster in clusters if cluster]
    unknown: list[str] = []
    for citation in cites:
        bib.register(citation, lambda cite: unknown.append(cite.key))
    for key in dict.fromkeys(unknown):
        diags.append(error("C007", source, None, f"citation of unknown key {key!r}"))
    if not bib.items:
        for item in ready:
            bib.register(Citation([Cite(item["id"])]))
    try:
        bib.sort()
    except Exception as exc:
        diags.append(error("C005", source, None, f"could not sort the bibliography: {exc}"))
    return cites


def _locator_of(cite: Cite) -> str | None:
    """A cite's locator with its label (page 12 is another locator than book 12)."""
    locator = cite.get("locator")
    return None if locator is None else f"{locator.label} {locator.identifier}"


def _place(style: Style, citations: Sequence[Citation], notes: Sequence[int]) -> None:
    """Each cite's position among the citations (in notes ``notes``, in order)."""
    distance = int(style.root.citation.get("near-note-distance") or 5)
    keyed = [[(c.key, _locator_of(c)) for c in citation.cites] for citation in citations]
    for citation, row in zip(citations, positions(keyed, notes, distance), strict=True):
        for cite, position in zip(citation.cites, row, strict=True):
            cite.__dict__["_position"] = position


def _citations(
    style: Style,
    bib: Bibliography,
    cites: Sequence[Citation],
    ids: Mapping[str, str],
    finished: Callable[[Any], str],
    source: str,
    diags: list[Diagnostic],
) -> list[Entry]:
    """Each citation rendered, labelled by the keys it cites."""
    cited: list[Entry] = []
    for citation in cites:
        label = ",".join(ids.get(c.key, c.key) for c in citation.cites)
        try:
            text = bib.cite(citation, lambda _cite: None)
        except Exception as exc:
            diags.append(error("C006", source, None, f"{label}: {exc}"))
            continue
        cited.append(Entry(label, finished(str(text))))
    return cited


def _entries(
    style: Style,
    bib: Bibliography,
    ids: Mapping[str, str],
    finished: Callable[[Any], str],
    source: str,
    diags: list[Diagnostic],
) -> list[Entry]:
    """The bibliography's entries, in its order."""
    entries: list[Entry] = []
    for ref in bib.items:
        try:
            texts = style.render_bibliography([ref])
        except Exception as exc:
            diags.append(error("C006", source, None, f"{ids[ref.key]}: {exc}"))
            continue
        if texts:
            entries.append(Entry(ids[ref.key], finished(texts[0])))
    return entries


def render_clusters(
    items: Sequence[Mapping[str, Any]],
    style: Style,
    clusters: Sequence[Sequence[CiteSpec]],
    fmt: str = "text",
    citations: bool = True,
    source: str = "<items>",
    cites_in_bibliography_order: bool = False,
    notes: Sequence[int] | None = None,
) -> Rendered:
    """Citations of ``clusters`` in order (in notes ``notes``, by default 1, 2, ...) and
    the bibliography of the items they cite (of every item when no cluster cites one).
    Without a cs:sort in cs:citation, a citation's cites keep the order given (or, with
    ``cites_in_bibliography_order``, take the bibliography's)."""
    formatter: Any = FORMATS[fmt]
    ready, ids, diags = prepare(items, source, style.root.get("page-range-format") is not None)
    is_house = style.style_id in HOUSE_STYLES or style.name in HOUSE_STYLES
    if is_house:
        ready = [house.adapt(item) for item in ready]

    def finished(text: Any) -> str:
        out = str(text)
        if not is_house:
            out = finish(out, quotes)
        return release(out, fmt)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            data = CiteProcJSON(ready)
        except Exception as exc:  # data that passed our checks and still fails
            diags.append(error("C006", source, None, f"items could not be read: {exc}"))
            return Rendered((), (), tuple(diags))
    st = state_of(style.root)
    st.begin_render()
    st.cites_in_bibliography_order = cites_in_bibliography_order
    bib = Bibliography(style, data, formatter)
    quotes = _quotes(style)  # terms are preformatted: only after the formatter is set
    cites = _registered(bib, clusters, ready, source, diags)
    numbers = range(1, len(clusters) + 1) if notes is None else notes
    _place(style, cites, [n for c, n in zip(clusters, numbers, strict=True) if c])
    disambiguate(style, bib, cites)
    cited: list[Entry] = []
    if citations or not style.has_bibliography():
        cited = _citations(style, bib, cites, ids, finished, source, diags)
    if style.has_bibliography():
        entries = _entries(style, bib, ids, lambda t: formatter.entry(finished(t)), source, diags)
    else:  # a style without a bibliography: its citations are the entries
        entries = [Entry(c.key, formatter.entry(c.text)) for c in cited]
        cited = cited if citations else []
    st.begin_render()
    return Rendered(tuple(entries), tuple(cited), tuple(diags))
