"""The exports of a library of complete items (seeds, then CSL-JSON and JabRef files
with names, pages, URLs, access dates) fed to BibTeX (plain.bst) and to biber with
biblatex authoryear: no warnings, and an author-less wire story is cited by its outlet
(``Associated Press 2000a``), as CSL styles cite it."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.formats.test_export_consumers import need, run_bibtex
from tests.helpers import DATA, SEEDS
from tests.helpers.cli_run import run


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> str:
    lib = str(tmp_path_factory.mktemp("full") / "refs.db")
    assert run("add", str(SEEDS), "--library", lib)[0] == 0
    for name in ("render_items_full.json", "full_items/jabref.bib"):
        code, _, err = run("import", str(DATA / name), "--library", lib)
        assert code == 0, err
    return lib


def _export(fmt: str, lib: str) -> str:
    code, out, _ = run("export", "--format", fmt, "--library", lib)
    assert code == 0
    return out


def test_bibtex_plain_bst_reads_complete_items_without_warning(
    library: str, tmp_path: Path
) -> None:
    need("bibtex", shutil.which("bibtex") is not None)
    blg, bbl = run_bibtex(_export("bibtex", library), tmp_path)
    assert "Warning" not in blg and "error message" not in blg, blg
    assert "Gordon" in bbl and "Late edition" in bbl  # author and note printed


def _pdf_text(pdf: Path) -> str:
    """The text drawn in a PDF that pdflatex wrote (its compressed content streams)."""
    chunks = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf.read_bytes(), re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    shown = b"".join(b"".join(re.findall(rb"\((.*?)\)", c)) for c in chunks)
    return shown.decode("latin-1")


def test_biber_reads_complete_items_and_authoryear_cites_the_outlet(
    library: str, tmp_path: Path
) -> None:
    need("biber", shutil.which("biber") is not None)
    need("pdflatex", shutil.which("pdflatex") is not None)
    (tmp_path / "refs.bib").write_text(_export("biblatex", library), encoding="utf-8")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\\usepackage[utf8]{inputenc}\n"
        "\\usepackage[backend=biber,style=authoryear]{biblatex}\n"
        "\\addbibresource{refs.bib}\n"
        "\\begin{document}\\autocite{ap2000clinton} \\autocite{ap2000cohen}\n"
        "\\autocite{gordon2000allies}\\nocite{*}\\printbibliography\\end{document}\n",
        encoding="utf-8",
    )

    def latex() -> None:
        subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "doc.tex"],
            cwd=tmp_path,
            capture_output=True,
            timeout=120,
            check=False,
        )

    latex()
    biber = subprocess.run(
        ["biber", "doc"], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert biber.returncode == 0, biber.stdout
    assert "WARN" not in biber.stdout and "ERROR" not in biber.stdout, biber.stdout
    latex()
    text = _pdf_text(tmp_path / "doc.pdf")
    assert "AssociatedPress2000a" in text.replace(" ", ""), text[:400]
    assert "AssociatedPress2000b" in text.replace(" ", "")
    assert "Gordon" in text
