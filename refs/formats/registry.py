"""Export formats by name: ``bibtex``, ``biblatex``, ``csljson``, ``ris``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from refs.formats import biblatex_write as biblatex
from refs.formats import bibtex_write as bibtex
from refs.formats import csljson_write as csljson
from refs.formats import ris_write as ris
from refs.models import Keyed

Exporter = Callable[[Sequence[Keyed]], str]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    export: Exporter
    extension: str  # the usual file extension, with its dot
    media_type: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("bibtex", bibtex.export, ".bib", "application/x-bibtex"),
        ExportFormat("biblatex", biblatex.export, ".bib", "application/x-bibtex"),
        ExportFormat("csljson", csljson.export, ".json", "application/vnd.citationstyles.csl+json"),
        ExportFormat("ris", ris.export, ".ris", "application/x-research-info-systems"),
    )
}


def names() -> list[str]:
    return sorted(FORMATS)


def get(name: str) -> ExportFormat:
    """The format called ``name``; KeyError for an unknown one."""
    return FORMATS[name]


def export(name: str, refs: Sequence[Keyed]) -> str:
    return FORMATS[name].export(refs)
