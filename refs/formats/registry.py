"""Export formats by name: ``bibtex``, ``biblatex``, ``csljson``, ``ris``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from refs.formats import biblatex_write as biblatex
from refs.formats import bibtex_write as bibtex
from refs.formats import csljson_write as csljson
from refs.formats import ris_write as ris
from refs.formats.bib_fields import BIBLATEX, BIBTEX, uncarried
from refs.formats.ris_fields import ris_uncarried
from refs.models import Keyed

Exporter = Callable[[Sequence[Keyed]], str]


def _carries_all(ref: Keyed) -> list[str]:
    return []


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    export: Exporter
    extension: str  # the usual file extension, with its dot
    media_type: str
    # the set fields of a reference that the format has no place for
    uncarried: Callable[[Keyed], list[str]] = _carries_all


def _bibtex_uncarried(ref: Keyed) -> list[str]:
    return uncarried(ref, BIBTEX, biblatex=False)


def _biblatex_uncarried(ref: Keyed) -> list[str]:
    return uncarried(ref, BIBLATEX, biblatex=True)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("bibtex", bibtex.export, ".bib", "application/x-bibtex", _bibtex_uncarried),
        ExportFormat(
            "biblatex", biblatex.export, ".bib", "application/x-bibtex", _biblatex_uncarried
        ),
        ExportFormat("csljson", csljson.export, ".json", "application/vnd.citationstyles.csl+json"),
        ExportFormat(
            "ris", ris.export, ".ris", "application/x-research-info-systems", ris_uncarried
        ),
    )
}


def names() -> list[str]:
    return sorted(FORMATS)


def get(name: str) -> ExportFormat:
    """The format called ``name``; KeyError for an unknown one."""
    return FORMATS[name]


def export(name: str, refs: Sequence[Keyed]) -> str:
    return FORMATS[name].export(refs)
