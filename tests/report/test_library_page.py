"""The library page: self-contained inline SVG pictures (outlets per year, coverage per
issue, one story over time), checked as XML, through the CLI, and in headless Chromium
with a screenshot."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lhtml

from refs.models import Citation, LibraryReference, PartialDate
from refs.report.library_charts import IssueCoverage, outlet_year_grid, story_timeline
from refs.report.library_page import LibraryReport, default_story, library_html
from tests.helpers import DATA, SEEDS
from tests.helpers.chromium import chromium, pixels, run_chromium
from tests.helpers.cli_run import run

SVG = "{http://www.w3.org/2000/svg}"


def ref(key: str, outlet: str, year: int, title: str, month: int = 6) -> LibraryReference:
    cite = Citation(article="a.txt", article_id="a", index=0, raw=title)
    return LibraryReference(
        key=key,
        title=title,
        outlet=outlet,
        container_title=outlet,
        issued=PartialDate(year=year, month=month, day=1),
        citations=(cite,),
    )


REFS = (
    ref("ap1999a", "Associated Press", 1999, "Korea talks open"),
    ref("ap2000b", "Associated Press", 2000, "Korea talks stall"),
    ref("ap2000c", "Associated Press", 2000, "Missile test"),
    ref("r2000d", "Reuters", 2000, "Korea talks end", 9),
    ref("x2000e", "<script>alert(1)</script> & Co", 2000, "Injected <b>title</b>"),
)
COVERAGE = (IssueCoverage("Disarmament Diplomacy 52", 9, 15), IssueCoverage("DD 53", 2, 2))


def test_grid_has_a_cell_per_outlet_and_year() -> None:
    tree = etree.fromstring(outlet_year_grid(REFS).encode())
    cells = tree.findall(f"{SVG}rect")
    assert len(cells) == 3 * 2  # three outlets, two years
    tips = [c.findtext(f"{SVG}title") for c in cells]
    assert "Associated Press, 2000: 2 reference(s)" in tips


def test_timeline_shows_each_report_of_the_story() -> None:
    story = [r for r in REFS if "korea" in r.title.lower()]
    tree = etree.fromstring(story_timeline(story, "korea").encode())
    assert len(tree.findall(f"{SVG}circle")) == 3
    assert default_story(REFS) == "korea"


def test_page_is_self_contained_and_escaped() -> None:
    page = library_html(LibraryReport(REFS, COVERAGE, "korea"))
    doc = lhtml.document_fromstring(page)
    assert len(doc.findall(".//svg")) == 3
    assert not doc.findall(".//script") and not doc.findall(".//link")
    assert not doc.xpath("//@src | //@href")
    assert re.findall(r"https?://[^\"']+", page) == ["http://www.w3.org/2000/svg"] * 3
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "60% of 15" in page and "100% of 2" in page


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("lib") / "lib.db")
    code, _, err = run("add", str(SEEDS), str(DATA / "articles"), "--library", path)
    assert code == 0, err
    return path


def test_report_command_formats(library: str, tmp_path: Path) -> None:
    code, out, _ = run("report", "--library", library)
    assert code == 0 and "references from" in out and "Associated Press" in out
    code, out, _ = run("report", "--library", library, "-f", "json", "--story", "Korea")
    doc = json.loads(out)
    assert doc["story"]["words"] == "Korea" and doc["story"]["references"]
    assert any(c["issue"] == "Disarmament Diplomacy 52" for c in doc["coverage"])
    page = tmp_path / "library.html"
    code, _, err = run("report", "--library", library, "-f", "html", "-o", str(page))
    assert code == 0 and f"wrote {page}" in err
    assert page.read_text(encoding="utf-8").count("<svg") == 3
    code, _, err = run("report", "--library", str(tmp_path / "none.db"))
    assert code == 2 and "no library" in err


def test_library_page_in_headless_chromium(library: str, tmp_path: Path) -> None:
    binary = chromium()
    page = tmp_path / "library.html"
    assert run("report", "--library", library, "-f", "html", "-o", str(page))[0] == 0
    dom = run_chromium(binary, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.count("<svg") == 3 and "Coverage per issue" in dom.stdout
    shot = tmp_path / "library.png"
    done = run_chromium(
        binary, tmp_path / "profile2", "--window-size=1100,1500", f"--screenshot={shot}",
        page.as_uri(),
    )  # fmt: skip
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    colours = pixels(shot.read_bytes())
    assert (0x5A, 0xA4, 0x69) in colours  # the coverage bars are drawn
    assert (0x23, 0x5C, 0xAF) in colours  # the busiest outlet-year cell (deepest blue)
    assert (0x3B, 0x6F, 0xB6) in colours  # the story's reports on the timeline
