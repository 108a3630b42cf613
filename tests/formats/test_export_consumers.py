"""Exports fed to real consumers: BibTeX with plain.bst, citeproc-js with CSL-JSON.

Without the consumer installed these tests skip, except in CI (env CI set), where
they fail: `.ci/install-consumers` installs both."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from refs.formats import registry
from refs.models import Reference
from refs.pipeline import parse_paths
from tests.helpers import ROOT, SEEDS
from tests.helpers.export_data import sample_refs
from tests.helpers.render_oracle import run_js

NODE_DIR = ROOT / ".ci" / "node"


def need(tool: str, present: bool) -> None:
    if present:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is missing in CI: .ci/install-consumers must install it")
    pytest.skip(f"{tool} not installed (bash .ci/install-consumers)")


def seed_refs() -> list[Reference]:
    result = parse_paths([SEEDS])
    refs = [r for parsed in result.articles for r in parsed.references]
    assert len(refs) >= 20
    return refs


def run_bibtex(bib: str, folder: Path) -> tuple[str, str]:
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    (folder / "doc.aux").write_text("\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n")
    proc = subprocess.run(
        ["bibtex", "doc"], cwd=folder, capture_output=True, text=True, timeout=60, check=False
    )
    blg = (folder / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert proc.returncode == 0, proc.stdout + blg
    return blg, (folder / "doc.bbl").read_text(encoding="utf-8", errors="replace")


def test_bibtex_plain_bst_reads_the_seeds_without_warning(tmp_path: Path) -> None:
    need("bibtex", shutil.which("bibtex") is not None)
    refs = seed_refs()
    blg, bbl = run_bibtex(registry.export("bibtex", refs), tmp_path)
    assert "Warning" not in blg and "error message" not in blg, blg
    assert bbl.count("\\bibitem{") == len({r.key for r in refs})
    assert "Kim indicates he would halt missiles" in bbl
    assert "{Associated Press}.\n\\newblock Kim indicates he would halt missiles" in bbl


def test_bibtex_plain_bst_keeps_attacks_as_text(tmp_path: Path) -> None:
    need("bibtex", shutil.which("bibtex") is not None)
    attack = Reference(
        key="evil",
        raw="",
        title="x}, author = {Mallory} \\input{/etc/passwd} \\write18{id} 100% & $ # _ ^ ~ {",
        outlet="Wire",
    )
    blg, bbl = run_bibtex(registry.export("bibtex", [*sample_refs(), attack]), tmp_path)
    assert "Warning" not in blg and "error message" not in blg, blg
    assert "Mallory" in bbl and "\\input{" not in bbl and "\\write18{" not in bbl
    assert bbl.count("\\bibitem{") == len(sample_refs()) + 1


def test_citeproc_js_renders_every_item(tmp_path: Path) -> None:
    need("node", shutil.which("node") is not None)
    need("npm citeproc in .ci/node", (NODE_DIR / "node_modules" / "citeproc").is_dir())
    refs = [*seed_refs(), *sample_refs()]
    items = tmp_path / "items.json"
    items.write_text(registry.export("csljson", refs), encoding="utf-8")
    out = run_js("apa", items)  # the differential tests' citeproc-js harness
    ids = sorted(i for i, _ in out["bibliography"])
    assert ids == sorted({r.key for r in refs})
    assert all(html.strip() for _, html in out["bibliography"])
    assert set(out["citations"]) == set(ids)
    rendered = dict(out["bibliography"])
    assert "kim indicates he would halt missiles" in rendered["ap2000kim"].lower()
