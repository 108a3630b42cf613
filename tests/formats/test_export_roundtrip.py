"""export -> import -> export gives the same file, for every format, over the seeds'
references and invented ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from refs.cli.commands import app
from refs.formats import registry
from refs.formats.detect import parse_text
from refs.models import Reference
from refs.pipeline import parse_paths
from tests.helpers import SEEDS
from tests.helpers.export_data import sample_refs
from tests.helpers.varied_library import varied_refs


def seed_refs() -> list[Reference]:
    result = parse_paths([SEEDS])
    return [r for parsed in result.articles for r in parsed.references]


@pytest.mark.parametrize("name", ["bibtex", "biblatex", "csljson", "ris"])
@pytest.mark.parametrize("source", ["seeds", "invented"])
def test_export_import_export_is_identical(name: str, source: str) -> None:
    refs = seed_refs() if source == "seeds" else sample_refs()
    first = registry.export(name, refs)
    result = parse_text(first, f"x.{name}", name)
    assert result.diagnostics == ()
    assert len(result.references) == len(refs)
    assert registry.export(name, result.references) == first


@pytest.mark.parametrize("name", ["bibtex", "biblatex", "ris"])
def test_seed_fields_survive(name: str) -> None:
    refs = {r.key: r for r in seed_refs()}
    back = parse_text(registry.export(name, list(refs.values())), "x", name).references
    assert {r.key for r in back} == set(refs)
    for ref in back:
        orig = refs[ref.key]
        assert (ref.title, ref.type) == (orig.title, orig.type)
        # the date at the same precision (that the year was inferred is not exported)
        assert ref.issued is not None and orig.issued is not None
        assert ref.issued.iso() == orig.issued.iso()
        assert ref.publisher == orig.publisher
        expected = orig.container_title or (None if orig.publisher else orig.outlet)
        assert ref.container_title == expected


@pytest.mark.parametrize("name", ["bibtex", "biblatex", "csljson", "ris"])
def test_library_round_trip_through_every_format(name: str, tmp_path: Path) -> None:
    """A library of the seeds and of our other article shapes (partial dates, untitled
    entries, outlets with places) goes out and comes back: into the same library it matches
    every reference; into an empty one it exports the same file again."""
    from tests.helpers import DATA

    runner = CliRunner()
    lib, empty = str(tmp_path / "lib.db"), str(tmp_path / "empty.db")
    out, again = tmp_path / f"out.{name}", tmp_path / f"again.{name}"
    paths = [str(SEEDS), str(DATA / "articles")]
    assert runner.invoke(app, ["add", *paths, "--library", lib]).exit_code in (0, 1)
    before = runner.invoke(app, ["list", "--library", lib, "--format", "json"]).stdout
    assert (
        runner.invoke(app, ["export", "--library", lib, "-f", name, "-o", str(out)]).exit_code == 0
    )
    result = runner.invoke(app, ["import", str(out), "--library", lib])
    assert result.exit_code == 0, result.stderr
    assert "new reference" not in result.stderr
    listed = json.loads(runner.invoke(app, ["list", "--library", lib, "--format", "json"]).stdout)
    assert [r["key"] for r in listed] == [r["key"] for r in json.loads(before)]
    assert runner.invoke(app, ["import", str(out), "--library", empty]).exit_code == 0
    exported = runner.invoke(app, ["export", "--library", empty, "-f", name, "-o", str(again)])
    assert exported.exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_biblatex_speech_and_web_page_keep_issuer_and_site() -> None:
    """@unpublished carries a document's issuer in howpublished, @online the site and
    @performance (a speech) the outlet in journaltitle; all come back as publisher and
    container, and the varied library round-trips."""
    refs = {r.key: r for r in varied_refs()}
    text = registry.export("biblatex", list(refs.values()))
    assert "@performance{cohen2000remarks," in text and "@unpublished{dsc2000statement," in text
    assert "journaltitle = {Nuclear Threat Initiative}" in text
    assert "journaltitle = {Washington File}" in text  # the briefing, a speech
    back = {r.key: r for r in parse_text(text, "x.bib", "biblatex").references}
    for key in ("cohen2000remarks", "state2000briefing", "dsc2000statement", "nti2000page"):
        assert back[key].type == refs[key].type
        assert back[key].publisher == refs[key].publisher
        assert back[key].container_title == refs[key].container_title
    assert registry.export("biblatex", list(back.values())) == text
