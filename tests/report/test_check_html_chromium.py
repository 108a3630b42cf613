"""The HTML coverage report opened in headless Chromium: the highlights are in the DOM
and rendered (green and red pixels in a screenshot kept under pytest's tmp folder)."""

from __future__ import annotations

import re
from pathlib import Path

from refs.check.coverage import check_article
from refs.pipeline import parse_paths
from refs.report.check_html import check_html
from tests.helpers.chromium import chromium, pixels, run_chromium

ROOT = Path(__file__).resolve().parents[2]


def test_report_highlights_in_headless_chromium(tmp_path: Path) -> None:
    binary = chromium()
    result = parse_paths([ROOT / "seeds" / "000_ef633acc338f5415.txt"])
    pairs = [(p, check_article(p.article, p.references)) for p in result.articles]
    checked = pairs[0][1]
    page = tmp_path / "coverage.html"
    page.write_text(check_html(pairs), encoding="utf-8")

    dom = run_chromium(binary, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    marks = re.findall(r'<mark class="claim (supported|unsupported)" id="(c\d+)"', dom.stdout)
    assert len(marks) == len(checked.claims)
    assert {m[1]: m[0] for m in marks} == {c.id: checked.status(c.id) for c in checked.claims}
    assert 'id="e-c009"' in dom.stdout  # each claim's sources and evidence at hand

    shot = tmp_path / "coverage.png"
    done = run_chromium(
        binary, tmp_path / "profile2", "--window-size=1280,1400", f"--screenshot={shot}",
        page.as_uri(),
    )  # fmt: skip
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    colours = pixels(shot.read_bytes())
    assert (0xD8, 0xF5, 0xD0) in colours  # supported highlight rendered
    assert (0xFB, 0xD5, 0xD5) in colours  # unsupported highlight rendered
