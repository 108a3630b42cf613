"""Which paths are bibliography files (BibTeX, BibLaTeX, CSL-JSON, RIS) by their name."""

from __future__ import annotations

from pathlib import Path

# the format a file's name suggests (detect.py looks at the content first)
BY_EXTENSION = {
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".json": "csljson",
    ".csljson": "csljson",
    ".ris": "ris",
}


def is_bibliography_file(path: Path) -> bool:
    """True for a file named as a bibliography file (an article is .txt or .html)."""
    return path.suffix.lower() in BY_EXTENSION and not path.is_dir()
