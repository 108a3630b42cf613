"""Import readers: BibTeX, CSL-JSON, RIS; every problem reported with its line."""

from __future__ import annotations

import json
from pathlib import Path

from refs.formats import registry
from refs.formats.bibtex_read import parse_bibtex
from refs.formats.csljson_read import parse_csljson
from refs.formats.detect import detect_format, parse_text, read_import
from refs.formats.ris_read import parse_ris
from refs.models import PartialDate
from tests.helpers.export_data import sample_refs


def codes(result: object) -> list[tuple[str, int | None]]:
    return [(d.code, d.line) for d in result.diagnostics]  # type: ignore[attr-defined]


BROKEN_BIB = """@misc{good1,
  title = {First}
}

@misc{bad,
  title = {unbalanced {brace},
  year = {1999}
}

@misc{good2,
  title = {Second},
  year = {1998}, month = feb
}

@misc{good1,
  title = {Same key again}
}

@misc{twice,
  title = {One},
  title = {Two}
}
"""


def test_bibtex_failed_blocks_are_reported_with_lines() -> None:
    result = parse_bibtex(BROKEN_BIB, "lib.bib")
    # an entry that repeats a field is kept with its first value (and named)
    assert [r.key for r in result.references] == ["good1", "good2", "twice"]
    assert result.references[1].issued == PartialDate(year=1998, month=2)
    assert result.references[2].title == "One"
    found = codes(result)
    assert ("I003", 5) in found  # the unbalanced entry, recovered after
    assert ("I004", 15) in found  # duplicate key
    assert ("I005", 19) in found  # duplicate field
    assert all(d.file == "lib.bib" for d in result.diagnostics)


def test_bibtex_silent_cases_are_not_silent() -> None:
    text = """@misc{a,
  title = {Lost comma} year = {2000},
  month = sometime,
  author = {Someone}
}
@misc{b, title = {ok}}
stray } = text
@misc{c, year = {2000}}
@misc{d, note = {nothing else}}
"""
    result = parse_bibtex(text, "x.bib")
    assert codes(result) == [  # author is imported now: no I008
        ("I009", 1),  # month = sometime (dates: the entry line)
        ("I012", 2),  # the lost comma
        ("I006", 7),  # the stray text
        ("I011", 8),  # no title: kept untitled (it has a year)
        ("I011", 9),  # no title, outlet or date: skipped
    ]
    assert [(d.code, d.severity.value) for d in result.diagnostics if d.code == "I011"] == [
        ("I011", "warning"),
        ("I011", "error"),
    ]
    macro = parse_bibtex(
        '@string{zt = {Zeit}}\n@misc{k, title = {t}, howpublished = zt # " am" # 2}'
    )
    assert codes(macro) == []
    assert macro.references[0].container_title == "Zeit am2"
    undefined = parse_bibtex("@misc{k, title = {t}, howpublished = nope}")
    assert codes(undefined) == [("I007", 1)]
    assert [(r.key, r.title) for r in result.references] == [
        ("a", "Lost comma year = 2000"),
        ("b", "ok"),
        ("c", ""),
    ]


def test_bibtex_unescapes_foreign_latex() -> None:
    text = r"""@article{k, title = {{\"U}ber {NATO} \& the {\'e}lite}, journal = {Die Zeit},
  year = 2001, month = {10}, day = {3}}"""
    (ref,) = parse_bibtex(text).references
    assert ref.title == "Über NATO & the élite"
    assert ref.container_title == "Die Zeit" and ref.type == "article-journal"
    assert ref.issued == PartialDate(year=2001, month=10, day=3)


def test_bibtex_bad_dates_are_reported_not_invented() -> None:
    text = "@misc{k, title = {t}, year = {2000}, month = {13}}\n@misc{j, title={u}, date={x}}"
    result = parse_bibtex(text)
    assert [r.issued for r in result.references] == [None, None]
    assert [c for c, _ in codes(result)] == ["I009", "I009"]


def test_bibtex_year_in_words_is_a_date_without_a_year() -> None:
    text = """@article{a, title = {t}, year = {March 5}}
@article{b, title = {u}, year = {March}}
@article{c, title = {v}, issued = {--03-05}}
@article{d, title = {w}, year = {forthcoming}}"""
    result = parse_bibtex(text)
    assert [r.issued for r in result.references] == [
        PartialDate(month=3, day=5),
        PartialDate(month=3),
        PartialDate(month=3, day=5),  # as refs wrote it before
        None,
    ]
    assert codes(result) == [("I009", 4)]  # words that are no date: named, left out


def test_csljson_items_and_errors_with_lines() -> None:
    text = """[
  {"id": "a", "type": "speech", "title": "Remarks", "publisher": "Office",
   "issued": {"date-parts": [["2000", "7"]]}, "URL": "http://example.org"},
  {"id": "b", "title": ""},
  "not an item",
  {"id": "a", "type": "document", "title": "again"},
  {"type": "document", "title": "no id", "issued": {"raw": "sometime"}}
]"""
    result = parse_csljson(text, "x.json")
    refs = result.references
    assert [r.title for r in refs] == ["Remarks", "no id"]
    assert refs[0].issued == PartialDate(year=2000, month=7) and refs[0].publisher == "Office"
    assert refs[1].key  # one was made
    assert set(codes(result)) >= {("I011", 4), ("I003", 5), ("I004", 6), ("I013", 7), ("I009", 7)}
    # every CSL variable is imported now: nothing is reported as not imported
    assert refs[0].url == "http://example.org" and "I008" not in {c for c, _ in codes(result)}
    assert refs[1].extra_fields == (("issued", '{"raw": "sometime"}'),)  # kept verbatim


def test_csljson_invalid_json() -> None:
    result = parse_csljson('[{"id": "a", "title": "x"},\n {"id": ', "x.json")
    assert [r.key for r in result.references] == ["a"]
    assert codes(result)[0][0] == "I003"


def test_ris_lf_crlf_and_problems() -> None:
    text = (
        "TY  - NEWS\r\nID  - n1\r\nT1  - Old-style title\r\nJF  - Daily\r\n"
        "Y1  - 1997/05/06/\r\nUR  - http://example.org\r\nER  - \r\n"
        "stray line\n"
        "TY  - GEN\nTI  - no end record\nPY  - 1997\n"
    )
    result = parse_ris(text, "x.ris")
    first, second = result.references
    assert (first.key, first.title, first.container_title) == ("n1", "Old-style title", "Daily")
    assert first.issued == PartialDate(year=1997, month=5, day=6)
    assert first.type == "article-newspaper"
    assert second.type == "document" and second.issued == PartialDate(year=1997)
    assert set(codes(result)) >= {("I006", 8), ("I003", 9)}
    assert first.url == "http://example.org"  # imported now, so no I008


def test_detect_format() -> None:
    assert detect_format("\ufeff[\n]") == "csljson"
    assert detect_format("\nTY  - JOUR\r\n") == "ris"
    assert detect_format("% comment\n@misc{a, title={b}}") == "bibtex"
    assert detect_format("nothing here", "x.ris") == "ris"
    assert detect_format("nothing here", "x.txt") is None
    result = parse_text("nothing here", "x.txt")
    assert codes(result) == [("I001", None)] and result.references == ()


def test_read_import_latin1_fallback_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "old.bib"
    path.write_bytes("@misc{k, title = {Caf\u00e9 talks}}\n".encode("latin-1"))
    result = read_import(path)
    assert result.references[0].title == "Café talks"
    assert codes(result) == [("I002", 1)]
    missing = read_import(tmp_path / "nope.bib")
    assert codes(missing) == [("I001", None)]
    folder = read_import(tmp_path)
    assert codes(folder) == [("I001", None)]


def test_read_import_every_export(tmp_path: Path) -> None:
    for name, ext in (("bibtex", ".bib"), ("csljson", ".json"), ("ris", ".ris")):
        path = tmp_path / f"lib{ext}"
        path.write_text(registry.export(name, sample_refs()), encoding="utf-8", newline="")
        result = read_import(path)
        assert result.format == name and result.diagnostics == ()
        assert sorted(r.key for r in result.references) == sorted(r.key for r in sample_refs())


def test_csljson_export_is_valid_json_for_any_import() -> None:
    result = parse_ris("TY  - SLIDE\nTI  - Talk\nPB  - Hall\nDA  - 2003/04\nER  - \n")
    items = json.loads(registry.export("csljson", result.references))
    assert items[0]["type"] == "speech" and items[0]["issued"] == {"date-parts": [[2003, 4]]}


def test_bibtexparser_log_does_not_reach_the_user(tmp_path: Path) -> None:
    """Failed blocks are reported once, as our diagnostics with their line; bibtexparser's
    own log lines (with another line number) stay out of stderr."""
    import subprocess
    import sys

    bib = tmp_path / "broken.bib"
    bib.write_text("@misc{a, title = {ok}}\n\n@misc{b, title = {broken}\n@misc{c, title={x}}\n")
    proc = subprocess.run(
        [sys.executable, "-m", "refs", "import", str(bib), "--library", str(tmp_path / "l.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = proc.stderr.splitlines()
    assert f"{bib}:3: I003 error: block not read: @misc{{b, title = {{broken}}" in lines
    assert all(line.startswith((str(bib), "refs: ")) for line in lines), lines


def test_imported_items_equal_their_validated_twins() -> None:
    # the readers build the models without validation: each value is of its field's type
    # (tuples, not lists; text, not numbers), as pydantic would make it from the same values
    from refs.models.dump import dumped
    from refs.models.valid import validated
    from tests.helpers import DATA

    files = sorted((DATA / "full_items").glob("*.*")) + sorted((DATA / "fuzz_corpus").glob("*.*"))
    seen = 0
    for path in files:
        if path.suffix == ".md":
            continue
        for ref in read_import(path).references:
            assert validated(type(ref), dumped(ref)) == ref, (path.name, ref.key)
            seen += 1
    assert seen > 20
