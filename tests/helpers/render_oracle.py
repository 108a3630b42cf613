"""Differential harness: the same CSL-JSON rendered by refs and by citeproc-js (node +
npm ``citeproc``, installed by .ci/install-consumers into .ci/node/), compared entry by
entry after both HTML outputs are reduced to text with light markup."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import citeproc
from lxml import html as lhtml

from refs.render import load_style, render
from refs.render.engine import Rendered
from refs.render.loader import Style
from refs.render.styles import SHORT_NAMES, style_file

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / ".ci" / "node" / "node_modules"
SCRIPT = ROOT / "tests" / "consumers" / "citeproc_js.js"
LOCALES = Path(citeproc.__file__).parent / "data" / "locales"
ITEMS = ROOT / "tests" / "data" / "render_items.json"
GAPS = ROOT / "tests" / "data" / "render_known_gaps.json"
STYLES = [s for s in SHORT_NAMES if s != "archive"]
# the wide set: items of every kind (authors, particles, editors, seasons, ...)
WIDE_ITEMS = ROOT / "tests" / "data" / "render_items_wide.json"
WIDE_GAPS = ROOT / "tests" / "data" / "render_known_gaps_wide.json"
WIDE_STYLES = [
    *STYLES,
    "american-sociological-association",
    "the-lancet",
    "elsevier-harvard",
    "american-political-science-association",
    "american-medical-association",
]


def node_ready() -> bool:
    return shutil.which("node") is not None and (NODE_MODULES / "citeproc").is_dir()


def run_js(style: str | Path, items_path: Path = ITEMS) -> dict[str, Any]:
    """citeproc-js's rendering of the items in a style (a name or a .csl file)."""
    path = style if isinstance(style, Path) else style_file(style)
    assert path is not None, style
    env = dict(os.environ, NODE_PATH=str(NODE_MODULES))
    proc = subprocess.run(
        ["node", str(SCRIPT), str(path), str(items_path), str(LOCALES)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    out: dict[str, Any] = json.loads(proc.stdout)
    if out.get("error"):
        raise RuntimeError(out["error"])
    return out


RenderOurs = Callable[[Style], Rendered]

_MARKS = {"i": "*", "em": "*", "b": "**", "strong": "**", "sup": "^", "sub": "~"}
_BLOCKS = {"div", "p", "br"}


def _walk(el: Any, acc: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    style = (el.get("style") or "").replace(" ", "")
    mark = _MARKS.get(tag, "")
    if "font-style:italic" in style:
        mark = "*"
    elif "small-caps" in style:
        mark = "^^"
    elif "font-style:normal" in style:
        mark = "*"
    if tag in _BLOCKS:
        acc.append(" ")
    acc.append(mark)
    acc.append(el.text or "")
    for child in el:
        _walk(child, acc)
        acc.append(child.tail or "")
    acc.append(mark)
    if tag in _BLOCKS:
        acc.append(" ")


def norm(fragment: str | None) -> str | None:
    """HTML -> text with light markup (*italic*, **bold**), whitespace collapsed."""
    if fragment is None:
        return None
    acc: list[str] = []
    _walk(lhtml.fragment_fromstring(fragment, create_parent="div"), acc)
    text = html.unescape("".join(acc)).replace("\u00a0", " ").replace("\u202f", " ")
    text = text.replace("**", "\x00")
    text = re.sub(r"\*(\s*)\*", r"\1", text).replace("\x00", "**")
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Difference:
    style: str
    part: str  # "bibliography", "citation" or "order"
    id: str
    ours: str | None
    theirs: str | None


def compare(
    style: str, items_path: Path = ITEMS, ours_from: RenderOurs | None = None
) -> tuple[int, list[Difference]]:
    """(outputs compared, differences) for one style: citeproc-js renders the file, refs
    the same items (or what ``ours_from`` renders for the style, e.g. from a library)."""
    items = json.loads(items_path.read_text(encoding="utf-8"))
    if ours_from is None:
        ours = render(items, load_style(style), "html", citations=True)
    else:
        ours = ours_from(load_style(style))
    theirs = run_js(style, items_path)
    js_bib = {k: v for k, v in theirs["bibliography"]}
    our_bib = {e.key: e.text for e in ours.entries}
    our_cite = {e.key: e.text for e in ours.citations}
    diffs = []
    total = 0
    for item in items:
        key = str(item["id"])
        for part, mine, other in (
            ("bibliography", our_bib.get(key), js_bib.get(key)),
            ("citation", our_cite.get(key), theirs["citations"].get(key)),
        ):
            total += 1
            a, b = norm(mine), norm(other)
            if a != b:
                diffs.append(Difference(style, part, key, a, b))
    if [e.key for e in ours.entries] != [k for k, _ in theirs["bibliography"]]:
        diffs.append(Difference(style, "order", "*", None, None))
    return total, diffs


if __name__ == "__main__":  # a developer's view of the differences
    import sys

    wide = "--wide" in sys.argv
    names = [a for a in sys.argv[1:] if a != "--wide"]
    grand = bad = 0
    for style in names or (WIDE_STYLES if wide else STYLES):
        total, diffs = compare(style, WIDE_ITEMS if wide else ITEMS)
        grand += total
        bad += len(diffs)
        print(f"== {style}: {total - len(diffs)}/{total}")
        for d in diffs:
            print(f"  [{d.part}] {d.id}\n    ours: {d.ours}\n    js  : {d.theirs}")
    print(f"agreement {grand - bad}/{grand} = {100 * (grand - bad) / max(grand, 1):.1f}%")
