"""Running the programs people feed our exports to: LaTeX with BibTeX (plain and the
natbib styles) or biblatex/biber, pandoc 3 with ``--citeproc``, and citation.js under
node. Each returns what the program said or made; the tests judge it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT

NODE_MODULES = ROOT / ".ci" / "node" / "node_modules"
CITATION_JS = ROOT / "tests" / "consumers" / "citation_js.js"


def need(tool: str, present: bool) -> None:
    """Skip where a consumer is missing, except in CI, where that fails."""
    if present:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is missing in CI: .ci/install-consumers must install it")
    pytest.skip(f"{tool} not installed (bash .ci/install-consumers)")


def pandoc_path() -> str | None:
    """pandoc 3 from the pypandoc-binary wheel (Debian's is 2.17), else one on PATH."""
    try:
        import pypandoc  # type: ignore[import-untyped]

        path: str = pypandoc.get_pandoc_path()
        return path
    except (ImportError, OSError):
        return shutil.which("pandoc")


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    proc = subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, timeout=180, check=False, env=env
    )
    return proc.returncode, proc.stdout + proc.stderr


LATEX_DOC = r"""\documentclass{article}
%(packages)s
\begin{document}
\nocite{*}
%(bibliography)s
\end{document}
"""


def bibtex_run(bib: str, style: str, folder: Path) -> tuple[str, str, str]:
    """(BibTeX's log, the .bbl, LaTeX's log of the second run) for ``bib`` in ``style``.
    LuaLaTeX reads UTF-8 titles in any script (a missing glyph is no error)."""
    natbib = r"\usepackage{natbib}" if style.endswith("nat") else ""
    tex = LATEX_DOC % {
        "packages": natbib,
        "bibliography": f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}",
    }
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    (folder / "doc.tex").write_text(tex, encoding="utf-8")
    latex = ["lualatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    _run(latex, folder)  # writes the .aux that BibTeX reads
    code, out = _run(["bibtex", "doc"], folder)
    assert code in (0, 1), out  # 1: warnings, which the tests count
    _, log = _run(latex, folder)  # reads the .bbl: natbib's errors would be here
    blg = (folder / "doc.blg").read_text(encoding="utf-8", errors="replace")
    bbl = (folder / "doc.bbl").read_text(encoding="utf-8", errors="replace")
    return blg, bbl, log


def biber_run(bib: str, folder: Path, validate: bool) -> tuple[int, str]:
    """biber over ``bib`` (the control file written by LuaLaTeX with biblatex)."""
    tex = LATEX_DOC % {
        "packages": "\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refs.bib}",
        "bibliography": "\\printbibliography",
    }
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    (folder / "doc.tex").write_text(tex, encoding="utf-8")
    _run(["lualatex", "-interaction=nonstopmode", "doc.tex"], folder)
    cmd = ["biber", *(["--validate-datamodel"] if validate else []), "doc"]
    return _run(cmd, folder)


def pandoc_bibliography(bib_file: Path, csl: Path, folder: Path) -> dict[str, str]:
    """pandoc --citeproc's bibliography of every entry, as HTML per key."""
    from lxml import html as lhtml

    pandoc = pandoc_path()
    assert pandoc is not None
    doc = folder / "doc.md"
    doc.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    cmd = [pandoc, str(doc), "--citeproc", "--bibliography", str(bib_file)]
    code, out = _run([*cmd, "--csl", str(csl), "-t", "html"], folder)
    assert code == 0, out
    tree = lhtml.fragment_fromstring(out, create_parent="div")
    entries: dict[str, str] = {}
    for div in tree.iter("div"):
        if "csl-entry" in (div.get("class") or ""):
            key = (div.get("id") or "").removeprefix("ref-")
            inner = (div.text or "") + "".join(
                lhtml.tostring(child, encoding="unicode") for child in div
            )
            entries[key] = inner
    return entries


def citation_js_read(path: Path, fmt: str) -> list[dict[str, Any]]:
    """The CSL items citation.js makes of a file in ``fmt``."""
    env = dict(os.environ, NODE_PATH=str(NODE_MODULES))
    proc = subprocess.run(
        ["node", str(CITATION_JS), str(path), fmt],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    items: list[dict[str, Any]] = json.loads(proc.stdout)
    return items


def node_ready() -> bool:
    return shutil.which("node") is not None and (NODE_MODULES / "@citation-js" / "core").is_dir()
