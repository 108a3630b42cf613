"""Fuzzing the import readers: never a traceback, every diagnostic formatted, exit codes
as documented; and a corpus of inputs that once crashed, kept as regression tests.
The number of examples comes from the hypothesis profile (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from refs.formats.detect import parse_text, read_import
from refs.formats.imported import ImportResult
from refs.models.dump import dumped
from refs.models.valid import validated
from tests.helpers import DATA
from tests.helpers.cli_run import run
from tests.helpers.fuzz import bibtex_text, csljson_text, ris_text

CORPUS = DATA / "fuzz_corpus"
EXPECTED = {  # the diagnostic each corpus file must give
    "import-sup.bib": "I009",
    "import-sup.ris": "I009",
    "import-big.bib": "I009",
    "import-big.ris": "I009",
    "import-huge.bib": "I009",
    "import-longdigits.json": "I009",
    "import-longint.json": "I003",
    "import-deep.json": "I003",
    "import-inf.json": "I009",
    "import-sur.json": "I015",
    "import-feb.json": "I009",
    "import-feb31.ris": "I009",
    "import-typ.json": "I016",
    "import-year0.bib": "I009",
    "import-year99999.bib": "I009",
}
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _well_formed(result: ImportResult) -> None:
    for d in result.diagnostics:
        line = d.format()
        assert "\n" not in line and "\r" not in line, line
    for ref in result.references:
        for year in (ref.issued.year if ref.issued else None,):
            assert year is None or 1 <= year <= 9999
        # built without validation: each value already of its field's type
        assert validated(type(ref), dumped(ref)) == ref


def test_every_corpus_file_is_listed() -> None:
    names = {p.name for p in CORPUS.iterdir() if p.name.startswith("import-")}
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_input_gives_its_diagnostic(name: str) -> None:
    result = read_import(CORPUS / name)
    _well_formed(result)
    assert EXPECTED[name] in {d.code for d in result.diagnostics}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_input_imports_without_a_traceback(name: str, tmp_path: Path) -> None:
    code, _, err = run("import", str(CORPUS / name), "--library", str(tmp_path / "t.db"))
    assert code in (0, 1, 2), err
    assert "Traceback" not in err
    if (tmp_path / "t.db").exists():  # what was imported goes out again
        code, out, err = run("export", "--library", str(tmp_path / "t.db"), "-f", "csljson")
        assert code == 0 and out.startswith("["), err


@FUZZ
@given(bibtex_text())
def test_bibtex_reader_never_raises(text: str) -> None:
    _well_formed(parse_text(text, "f.bib", "bibtex"))


@FUZZ
@given(csljson_text())
def test_csljson_reader_never_raises(text: str) -> None:
    _well_formed(parse_text(text, "f.json", "csljson"))


@FUZZ
@given(ris_text())
def test_ris_reader_never_raises(text: str) -> None:
    _well_formed(parse_text(text, "f.ris", "ris"))


@pytest.mark.parametrize(
    ("text", "fmt"),
    [  # found by the import -> export -> import property: kept, exported empty, refused
        ('[{"id": "%", "type": "report", "title": "", "issued": {"date-parts": [[]]}}]', "csljson"),
        ("TY  - NEWS\r\nPY  - ²⁰⁰⁰\r\n", "ris"),
        ("@misc{k, title = {}, year = {²⁰⁰⁰}}", "bibtex"),
        ("@misc{k, title = {}, year = {99999}, howpublished = {\x00}}", "bibtex"),  # no outlet
        ("TY  - NEWS\r\nT2  - \x01\r\n", "ris"),
        ("@misc{k, title = {\x00}}", "bibtex"),  # a title of control characters: none
        ("TY  - NEWS\r\nTI  - \x01\r\n", "ris"),
        ('[{"id": "k", "type": "report", "title": "\\u0000"}]', "csljson"),
    ],
)
def test_an_untitled_entry_whose_date_cannot_be_read_is_skipped(text: str, fmt: str) -> None:
    result = parse_text(text, "f", fmt)
    assert result.references == ()
    assert [d.severity for d in result.diagnostics if d.code == "I011"] == ["error"]
