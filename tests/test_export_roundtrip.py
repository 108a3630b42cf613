"""export -> import -> export gives the same file, for every format, over the seeds'
references and invented ones."""

from __future__ import annotations

import pytest

from refs.export import registry
from refs.imports.detect import parse_text
from refs.pipeline import parse_paths
from tests.conftest import SEEDS
from tests.export_data import sample_refs


def seed_refs() -> list[object]:
    result = parse_paths([SEEDS])
    return [r for parsed in result.articles for r in parsed.references]


@pytest.mark.parametrize("name", ["bibtex", "biblatex", "csljson", "ris"])
@pytest.mark.parametrize("source", ["seeds", "invented"])
def test_export_import_export_is_identical(name: str, source: str) -> None:
    refs = seed_refs() if source == "seeds" else sample_refs()
    first = registry.export(name, refs)  # type: ignore[arg-type]
    result = parse_text(first, f"x.{name}", name)
    assert result.diagnostics == ()
    assert len(result.references) == len(refs)
    assert registry.export(name, result.references) == first


@pytest.mark.parametrize("name", ["bibtex", "biblatex", "ris"])
def test_seed_fields_survive(name: str) -> None:
    refs = {r.key: r for r in seed_refs()}  # type: ignore[attr-defined]
    back = parse_text(registry.export(name, list(refs.values())), "x", name).references
    assert {r.key for r in back} == set(refs)
    for ref in back:
        orig = refs[ref.key]
        assert (ref.title, ref.type) == (orig.title, orig.type)
        # the date at the same precision (that the year was inferred is not exported)
        assert ref.issued is not None and ref.issued.iso() == orig.issued.iso()
        assert ref.publisher == orig.publisher
        expected = orig.container_title or (None if orig.publisher else orig.outlet)
        assert ref.container_title == expected
