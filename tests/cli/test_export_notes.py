"""`refs export` says which values a format cannot hold as they are (control characters
left out; line breaks written as spaces in RIS) instead of changing them silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refs.reader import looks_binary
from tests.conftest import NewLibrary
from tests.helpers.cli_run import run


@pytest.fixture
def library(tmp_path: Path) -> str:
    items = [
        {
            "id": "k",
            "type": "article-newspaper",
            "title": "Two\nlines\x00 and @Word{x, here",
            "container-title": "Reuters",
            "issued": {"date-parts": [[2000, 10, 2]]},
        }
    ]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    lib = str(tmp_path / "t.db")
    code, _, err = run("import", str(source), "--library", lib)
    assert code == 0, err
    return lib


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "ris"])
def test_export_warns_and_writes_a_text_file(
    library: str, fmt: str, tmp_path: Path, new_library: NewLibrary
) -> None:
    out = tmp_path / f"out.{fmt}"
    code, _, err = run("export", "--library", library, "-f", fmt, "-o", str(out))
    assert code == 0
    assert "control characters left out" in err
    assert not looks_binary(out.read_bytes())
    again = new_library("again.db")
    code, _, err = run("import", str(out), "--library", again)
    assert code == 0, err
    _, listed, _ = run("list", "--format", "json", "--library", again)
    (ref,) = json.loads(listed)
    expected = "Two lines and @Word{x, here" if fmt == "ris" else "Two\nlines and @Word{x, here"
    assert ref["title"] == expected


def test_ris_says_line_breaks_become_spaces(tmp_path: Path, new_library: NewLibrary) -> None:
    items = [{"id": "k", "type": "article-newspaper", "title": "Two\nlines"}]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    lib = new_library("t.db")
    assert run("import", str(source), "--library", lib)[0] == 0
    code, out, err = run("export", "--library", lib, "-f", "ris")
    assert code == 0 and "TI  - Two lines\n" in out
    assert "line breaks written as spaces" in err
    code, _, err = run("export", "--library", lib, "-f", "csljson")
    assert code == 0 and err == ""
