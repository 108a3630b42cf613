"""HTML archive pages are read into the same Article as their text page: `refs parse`
and `refs check` of page.htm and of page.txt give the same references and claims."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refs.parse.html_page import looks_like_html, page_text
from tests.helpers import SEEDS
from tests.helpers.cli_run import run
from tests.helpers.html_pages import graphics_page, text_only_page

LAYOUTS: dict[str, Callable[[str], str]] = {"graphics": graphics_page, "text-only": text_only_page}
PLACES = {"source", "line", "start", "end"}


def _strip(value: Any) -> Any:
    """A JSON document without what names the file or a place in it."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in PLACES}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _doc(command: str, path: Path) -> Any:
    code, out, _ = run(command, str(path), "--format", "json")
    assert code in (0, 1)
    doc = json.loads(out)["articles"][0]
    doc.pop("diagnostics", None)
    return _strip(doc)


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_html_page_and_text_page_agree(seed: Path, layout: str, tmp_path: Path) -> None:
    page = tmp_path / f"{seed.stem}.htm"
    page.write_text(LAYOUTS[layout](seed.read_text(encoding="utf-8")), encoding="utf-8")
    for command in ("parse", "check"):
        assert _doc(command, page) == _doc(command, seed), command
    parsed = _doc("parse", page)
    assert parsed["publication"] == "Disarmament Diplomacy" and parsed["references"]


def test_a_folder_of_htm_pages_is_read(tmp_path: Path) -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        html = graphics_page(seed.read_text(encoding="utf-8"))
        (tmp_path / f"{seed.stem}.html").write_text(html, encoding="utf-8")
    code, out, _ = run("parse", str(tmp_path), "--format", "json")
    assert code in (0, 1)
    assert len(json.loads(out)["articles"]) == len(list(SEEDS.glob("*.txt")))


def test_markup_details() -> None:
    page = (
        "<html><head><title>x</title><script>Reports: no</script></head><body>"
        "<table><tr><td><a>Home</a></td><td>|</td><td><a>Text Only</a></td></tr></table>"
        "<p>Line one<br>line&nbsp;two &amp; more&#8217;s</p><p>Next<br><br>para</p>"
        "</body></html>"
    )
    assert page_text(page) == "Home | Text Only\n\nLine one\nline two & more’s\n\nNext\n\npara\n"
    assert looks_like_html("<!DOCTYPE html><html>") and not looks_like_html("Reports: <b>")
    for empty in ("</p>", "<!-- nothing -->", "</0"):  # lxml: "Document is empty"
        assert page_text(empty) == ""


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_markup_gives_text_without_raising(markup: str) -> None:
    try:
        text = page_text(markup)
    except ValueError:  # lxml refuses some inputs (e.g. only a NUL): said, not crashed
        return
    assert "\x00" not in text and "\x01" not in text
