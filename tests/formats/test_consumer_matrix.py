"""The exports of a varied library (wire stories, magazine and journal items, speeches,
interviews, broadcasts, documents, reports, web pages, corporate names holding "and",
non-Latin titles and outlets, year-less dates, LaTeX specials) fed to the programs
people use: biber (default and ``--validate-datamodel``), BibTeX with plain, plainnat,
unsrtnat and abbrvnat under LuaLaTeX, pandoc 3 with ``--citeproc``, and citation.js.

Without a consumer these tests skip, except in CI, where they fail."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from refs.formats import registry
from refs.formats.bib_types import CSL_TYPES
from refs.formats.csl_item import to_csl
from refs.formats.imported import iso_date
from refs.formats.latex import unescape
from refs.render import load_style
from refs.render.document import render_references
from refs.render.styles import SHORT_NAMES, style_file
from tests.helpers.consumers import (
    biber_run,
    bibtex_run,
    citation_js_read,
    need,
    node_ready,
    pandoc_bibliography,
    pandoc_path,
)
from tests.helpers.render_oracle import node_ready as citeproc_js_ready
from tests.helpers.render_oracle import norm, run_js
from tests.helpers.varied_library import varied_refs

STYLES = [s for s in SHORT_NAMES if s != "archive"]  # the eight short-name styles


def need_tex(*tools: str) -> None:
    for tool in tools:
        need(tool, shutil.which(tool) is not None)


@pytest.mark.parametrize("style", ["plain", "plainnat", "unsrtnat", "abbrvnat"])
def test_bibtex_styles_take_the_export_without_warning(style: str, tmp_path: Path) -> None:
    need_tex("bibtex", "lualatex")
    refs = varied_refs()
    blg, bbl, log = bibtex_run(registry.export("bibtex", refs), style, tmp_path)
    assert "Warning" not in blg and "error message" not in blg, blg
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert errors == [], log[-3000:]
    assert "Citation" not in log or "undefined" not in log
    assert bbl.count("\\bibitem") == len(refs)
    for ref in refs:  # every title printed once
        opening = " ".join(ref.title.split()[:3])
        body = bbl.split(f"{{{ref.key}}}", 1)[1].split("\\bibitem", 1)[0]
        body = " ".join(unescape(body)[0].split())
        assert body.count(opening) == 1, (style, ref.key, body)
    # corporate names holding "and" stay one name; natbib labels by outlet and year
    assert "Disarmament and Security Centre" in bbl
    if style.endswith("nat"):
        assert "\\bibitem[{Associated Press}(2000)]{ap2000kim}" in bbl


@pytest.mark.parametrize("validate", [False, True], ids=["default", "validate-datamodel"])
def test_biber_reads_the_biblatex_export_without_error(validate: bool, tmp_path: Path) -> None:
    need_tex("biber", "lualatex")
    code, out = biber_run(registry.export("biblatex", varied_refs()), tmp_path, validate)
    assert code == 0, out
    assert re.findall(r"^ERROR - .*$", out, re.M) == []
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    assert bbl.count("\\entry{") == len(varied_refs())
    # one issuer, not two split on " and " (documents are @unpublished, the issuer in
    # howpublished), and no list field of two names anywhere
    assert "\\field{howpublished}{Disarmament and Security Centre}" in bbl
    assert "\\field{howpublished}{Procter and Gamble}" in bbl
    assert re.findall(r"\\list\{\w+\}\{[2-9]\}", bbl) == []


def _ours(style: str) -> dict[str, str | None]:
    refs = sorted(varied_refs(), key=lambda r: r.key)  # the order of the exported file
    rendered = render_references(refs, load_style(style), "html", citations=False)
    return {e.key: norm(e.text) for e in rendered.entries}


# Every entry that pandoc 3.9 renders otherwise than `refs render` does, with the reason
# (citeproc-js, the reference CSL processor, renders each as refs does: tested below); any
# other difference fails. The share is printed: CSL-JSON 146 of 152, BibLaTeX 122.
ALL = tuple(STYLES)
LITERAL = "pandoc prints a literal (year-less) date at every cs:date; refs, citeproc-js once"
COLON = "pandoc's BibLaTeX reader puts titles in sentence case, capitalising after a colon"
MISC = "@misc has no CSL type in pandoc (it has no interview, broadcast or document type)"
CONTAINED = MISC + ", and takes howpublished (the programme, the series) for a publisher"
MANUSCRIPT = "pandoc reads @unpublished without event fields as a manuscript"
BOTH_FORMATS: dict[str, tuple[tuple[str, ...], str]] = {
    "interfax2000march": (("chicago", "apa", "harvard"), LITERAL),
    "tass2000undated": (("chicago", "apa", "harvard"), LITERAL),
}
PANDOC_DIFFERENCES: dict[str, dict[str, tuple[tuple[str, ...], str]]] = {
    "csljson": BOTH_FORMATS,
    "biblatex": {
        **BOTH_FORMATS,
        "economist1998india": (("apa", "harvard", "ieee", "vancouver", "nature"), COLON),
        "cnn2000broadcast": (tuple(s for s in ALL if s != "mla"), f"{MISC}; {COLON}"),
        "bbc2000interview": (ALL, CONTAINED),
        "dsc2000statement": (("apa", "ieee"), MANUSCRIPT),
        "procter2000memo": (("apa", "ieee"), MANUSCRIPT),
    },
}


@pytest.mark.parametrize("fmt", ["csljson", "biblatex"])
def test_pandoc_renders_as_refs_render_does(fmt: str, tmp_path: Path) -> None:
    need("pandoc 3 (pypandoc-binary)", pandoc_path() is not None)
    suffix = ".json" if fmt == "csljson" else ".bib"
    bib = tmp_path / f"lib{suffix}"
    bib.write_text(registry.export(fmt, varied_refs()), encoding="utf-8")
    total = 0
    differences: dict[tuple[str, str], str] = {}
    for style in STYLES:
        path = style_file(style)
        assert path is not None
        theirs = {k: norm(v) for k, v in pandoc_bibliography(bib, path, tmp_path).items()}
        for key, mine in _ours(style).items():
            total += 1
            if theirs.get(key) != mine:
                differences[style, key] = f"\n  refs  : {mine}\n  pandoc: {theirs.get(key)}"
    print(f"pandoc {fmt}: {total - len(differences)}/{total}")
    known = {(s, k) for k, (styles, _) in PANDOC_DIFFERENCES[fmt].items() for s in styles}
    unexplained = [f"{s} {k}{differences[s, k]}" for s, k in differences if (s, k) not in known]
    assert unexplained == [], "\n".join(unexplained)
    assert set(differences) == known  # a difference that has gone: update the table


def test_citeproc_js_renders_as_refs_where_pandoc_differs(tmp_path: Path) -> None:
    """The reasons above hold: each entry pandoc renders otherwise, the reference CSL
    processor renders from the CSL-JSON export as `refs render` does."""
    need("node and citeproc-js in .ci/node", citeproc_js_ready())
    path = tmp_path / "lib.json"
    path.write_text(registry.export("csljson", varied_refs()), encoding="utf-8")
    listed = PANDOC_DIFFERENCES["biblatex"]  # those of the CSL-JSON too
    for style in STYLES:
        theirs = {k: norm(v) for k, v in run_js(style, path)["bibliography"]}
        ours = _ours(style)
        for key, (styles, _) in listed.items():
            if style in styles:
                assert theirs[key] == ours[key], (style, key)


def _fields(item: dict[str, Any]) -> dict[str, Any]:
    keep = ("id", "type", "title", "container-title", "publisher", "issued")
    return {k: item[k] for k in keep if k in item}


def test_citation_js_reads_every_field_of_the_csljson(tmp_path: Path) -> None:
    need("node and citation.js in .ci/node", node_ready())
    path = tmp_path / "lib.json"
    path.write_text(registry.export("csljson", varied_refs()), encoding="utf-8")
    got = {i["id"]: _fields(i) for i in citation_js_read(path, "csljson")}
    written = json.loads(path.read_text(encoding="utf-8"))
    assert got == {i["id"]: _fields(i) for i in written}


# What citation.js 0.8.2 cannot read back, by format (its BibTeX plugin types entries
# by entry type alone and keeps entrysubtype as `genre`; it reads no `howpublished`;
# its RIS plugin reads no date without a year, reads SLIDE as a motion picture without
# container, and no container of a web page). Everything else must come back.
CITATION_JS_GAPS: dict[str, set[tuple[str, str]]] = {
    "biblatex": {
        ("state2000briefing", "container-title"),
        ("bbc2000interview", "container-title"),
        ("nti2000page", "container-title"),  # citation.js reads no journaltitle of @online
    },
    "ris": {  # M3 names a speech's type (citation.js keeps it as genre)
        ("state2000briefing", "container-title"),
        ("nti2000page", "container-title"),
        ("interfax2000march", "issued"),
        ("tass2000undated", "issued"),
    },
}


def _their_type(item: dict[str, Any]) -> str:
    """The CSL type citation.js read, taking its genre where that names our kind."""
    genre = {"newspaper": "article-newspaper", "magazine": "article-magazine"}.get(
        item.get("genre", ""), item.get("genre")
    )
    if genre in CSL_TYPES:
        return str(genre)
    return str(item.get("type"))


def _their_date(item: dict[str, Any]) -> Any:
    issued = item.get("issued")
    if isinstance(issued, dict) and "raw" in issued:  # ISO 8601 read as a raw date
        date = iso_date(issued["raw"])
        return {"date-parts": [date.parts()]} if date and date.year else issued
    return issued


@pytest.mark.parametrize("fmt", ["biblatex", "ris"])
def test_citation_js_reads_every_field_and_type(fmt: str, tmp_path: Path) -> None:
    need("node and citation.js in .ci/node", node_ready())
    path = tmp_path / f"lib.{fmt}"
    path.write_text(registry.export(fmt, varied_refs()), encoding="utf-8")
    theirs = {i["id"]: i for i in citation_js_read(path, fmt)}
    lost = set()
    for ref in varied_refs():
        mine, item = to_csl(ref), theirs[ref.key]
        got = {
            "type": _their_type(item),
            "title": item.get("title"),
            "issued": _their_date(item),
            "container-title": item.get("container-title"),
            "publisher": item.get("publisher"),
        }
        for name, value in got.items():
            if mine.get(name) != value:
                lost.add((ref.key, name))
    assert lost == CITATION_JS_GAPS[fmt]
