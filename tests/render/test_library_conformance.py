"""End to end against citeproc-js: items with authors, editors, interviewers, pages, URLs
and access dates go through `refs import` into a library, and what `refs render
--library` renders from it (every field, each item under the key it had in the file)
agrees with citeproc-js rendering the file itself, in all eight short-name styles."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from refs.library.store import Library
from refs.render.document import render_references
from refs.render.engine import Rendered
from refs.render.loader import Style
from tests.helpers import DATA
from tests.helpers import render_oracle as oracle
from tests.helpers.cli_run import run

ITEMS = DATA / "render_items_full.json"
MIN_AGREEMENT = 0.98


def _require_node() -> None:
    if oracle.node_ready():
        return
    if os.environ.get("CI"):
        pytest.fail("node and npm citeproc are required in CI (.ci/install-consumers)")
    pytest.skip("node or npm citeproc missing (run .ci/install-consumers)")


@pytest.fixture(scope="module")
def results(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[int, list[oracle.Difference]]]:
    _require_node()
    library = tmp_path_factory.mktemp("lib") / "refs.db"
    code, _, err = run("import", str(ITEMS), "--library", str(library))
    assert code == 0, err
    with Library(library, create=False) as lib:
        refs = lib.references()

    def ours(style: Style) -> Rendered:  # what `refs render --library` renders
        return render_references(refs, style, "html", citations=True)

    return {s: oracle.compare(s, ITEMS, ours) for s in oracle.STYLES}


def test_items_use_the_fields_that_imports_lost() -> None:
    items = json.loads(ITEMS.read_text(encoding="utf-8"))
    for variable in ("author", "editor", "interviewer", "translator", "page", "URL", "accessed"):
        assert any(variable in item for item in items), variable
    names = [n for item in items for n in item.get("author", [])]
    assert any("non-dropping-particle" in n for n in names)
    assert any("dropping-particle" in n for n in names)
    assert any("suffix" in n for n in names) and any("literal" in n for n in names)
    assert any(not n.get("family", "a").isascii() for n in names)


def test_library_render_agrees_with_citeproc_js(
    results: dict[str, tuple[int, list[oracle.Difference]]], tmp_path: Path
) -> None:
    total = sum(n for n, _ in results.values())
    diffs = [d for _, ds in results.values() for d in ds]
    shown = "\n".join(
        f"{d.style} {d.part} {d.id}\n  refs: {d.ours}\n  js:   {d.theirs}" for d in diffs
    )
    assert total >= 8 * 2 * 20
    assert (total - len(diffs)) / total >= MIN_AGREEMENT, shown
