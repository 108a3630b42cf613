"""No control character from a title reaches a terminal (`refs list`, `show`, `dedupe`,
`parse --format table`, `check`), nor a diagnostic line; a file name that is not UTF-8
does not stop `refs check -o`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refs.diagnostics import warning
from refs.report.table import table
from refs.text import encodable, visible
from tests.helpers import SEEDS
from tests.helpers.cli_run import run

SEED = SEEDS / "000_ef633acc338f5415.txt"
ESC = "\x1b[2J\x1b]0;owned\x07"
UNSAFE = {chr(c) for c in [*range(0, 32), *range(0x7F, 0xA0), 0x2028, 0x2029]}


def _clean(text: str, allowed: str = "\n") -> bool:
    return not any(ch in UNSAFE and ch not in allowed for ch in text)


@given(st.text())
def test_visible_text_holds_no_control_character(text: str) -> None:
    shown = visible(text)
    assert _clean(shown, "") and encodable(shown) == shown
    assert all(ch not in shown for ch in "\n\r\x1b\x00")


def test_table_cells_are_escaped() -> None:
    out = table(["a", "b"], [["x\ny", f"t{ESC}"]])
    assert _clean(out) and "x\\ny" in out and "\\x1b[2J" in out


def test_diagnostics_are_one_line() -> None:
    line = warning("I008", "f.bib", 1, "fields not imported: \nty  - (1)").format()
    assert "\n" not in line and "\\n" in line


@pytest.fixture
def library(tmp_path: Path) -> str:
    items = [
        {
            "id": "evil",
            "type": "article-newspaper",
            "title": f"Title{ESC}\nsecond line",
            "container-title": f"Outlet{ESC}",
            "issued": {"date-parts": [[2000, 10, 2]]},
        }
    ]
    source = tmp_path / "evil.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    lib = str(tmp_path / "t.db")
    code, _, err = run("import", str(source), "--library", lib)
    assert code in (0, 1), err
    return lib


@pytest.mark.parametrize("command", [["list"], ["show"], ["dedupe"]])
def test_library_views_escape_control_characters(library: str, command: list[str]) -> None:
    if command == ["show"]:
        _, listed, _ = run("list", "--format", "json", "--library", library)
        command = ["show", json.loads(listed)[0]["key"]]
    code, out, err = run(*command, "--library", library)
    assert code == 0, err
    assert _clean(out), out
    if command != ["dedupe"]:
        assert "\\x1b[2J" in out


def _seed_with(tmp_path: Path, old: str, new: str) -> Path:
    """The first seed with its first ``old`` replaced by ``new``, as a file."""
    article = tmp_path / "a.txt"
    article.write_text(SEED.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return article


def test_parse_table_escapes_control_characters(tmp_path: Path) -> None:
    article = _seed_with(tmp_path, "Reports:", f"Reports: Evil{ESC} title, Reuters, October 2;")
    _, out, err = run("parse", str(article), "--format", "table")
    assert _clean(out) and _clean(err)
    assert "\\x1b[2J" in out


def test_the_heading_of_an_article_escapes_its_publication(tmp_path: Path) -> None:
    """The heading's publication (and issue) is escaped as its file name and title are."""
    article = _seed_with(
        tmp_path, "Disarmament Diplomacy\n\nIssue No.", f"Disarmament{ESC} Digest\n\nIssue No."
    )
    _, out, err = run("parse", str(article), "--format", "table")
    assert _clean(out) and _clean(err)
    assert "Disarmament\\x1b[2J" in out  # (not a known publication: shown as written)
    _, out, err = run("check", str(article))
    assert _clean(out) and _clean(err)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_check_output_with_a_file_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(SEED.read_bytes())
    out = tmp_path / f"out.{fmt}"
    code, _, err = run("check", os.fsdecode(name), "--format", fmt, "-o", str(out))
    assert code in (0, 1), err
    written = out.read_text(encoding="utf-8")
    assert "caf\ufffd" in written or "caf\\udce9" in written
