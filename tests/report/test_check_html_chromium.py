"""The HTML coverage report opened in headless Chromium: the highlights are in the DOM
and rendered (green and red pixels in a screenshot kept under pytest's tmp folder), and
every in-page link lands on the one claim or source it names."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from refs.check.coverage import Checked, check_article
from refs.check.review import apply_review
from refs.pipeline import ParsedArticle, parse_paths
from refs.report.check_html import check_html
from tests.helpers.chromium import chromium, pixels, run_chromium

ROOT = Path(__file__).resolve().parents[2]


def _pairs() -> list[tuple[ParsedArticle, Checked]]:
    """The seeds and one real page twice (two layouts of one article: the same claim ids),
    with one link confirmed and one rejected."""
    pages = ROOT / "tests" / "data" / "realpages" / "pages"
    result = parse_paths([ROOT / "seeds", pages / "110.txt", pages / "111.txt"])
    pairs = [(p, check_article(p.article, p.references)) for p in result.articles]
    parsed, checked = pairs[0]
    first, second = checked.links[0], checked.links[-1]
    review = {(first.claim_id, first.key): "confirmed", (second.claim_id, second.key): "rejected"}
    pairs[0] = (parsed, apply_review(checked, parsed.references, review))
    return pairs


# Injected into a copy of the page (the report itself runs no script): every in-page
# link must land on exactly one element, and on the claim or source it names.
_PROBE = """<script>
const bad = [], ids = {};
for (const el of document.querySelectorAll('[id]')) ids[el.id] = (ids[el.id] || 0) + 1;
const links = document.querySelectorAll('a[href^="#"]');
for (const a of links) {
  const id = a.getAttribute('href').slice(1), t = document.getElementById(id);
  if (!t) { bad.push('missing ' + id); continue; }
  if (ids[id] !== 1) bad.push('not unique ' + id);
  if (a.dataset.claim && t.dataset.claim !== a.dataset.claim) bad.push('claim ' + id);
  if (a.dataset.ref && t.dataset.ref !== a.dataset.ref) bad.push('source ' + id);
  const home = a.closest('section');
  if (home && t.closest('section') !== home) bad.push('article ' + id);
}
const dup = Object.keys(ids).filter(k => ids[k] > 1);
const out = document.createElement('pre'); out.id = 'probe';
out.textContent = JSON.stringify({links: links.length, bad: bad, dup: dup});
document.body.appendChild(out);
</script>"""


def test_every_in_page_link_lands_on_its_claim(tmp_path: Path) -> None:
    binary = chromium()
    html = check_html(_pairs())
    probe = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    page = tmp_path / "probe.html"
    page.write_text(probe.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    dom = run_chromium(binary, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.S)
    assert found, dom.stdout[-2000:]
    result = json.loads(unescape(found.group(1)))
    claims = sum(len(c.claims) for _, c in _pairs())
    assert result["links"] > 2 * claims  # text -> entry, entry -> text, sources both ways
    assert result["bad"] == [] and result["dup"] == []


def test_report_highlights_in_headless_chromium(tmp_path: Path) -> None:
    binary = chromium()
    pairs = _pairs()
    page = tmp_path / "coverage.html"
    page.write_text(check_html(pairs), encoding="utf-8")

    dom = run_chromium(binary, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    marks = re.findall(
        r'<mark class="claim (supported|unsupported)" id="a(\d+)-(c[0-9a-f-]+)"', dom.stdout
    )
    assert len(marks) == sum(len(c.claims) for _, c in pairs)
    for n, (_, checked) in enumerate(pairs, start=1):
        got = {m[2]: m[0] for m in marks if m[1] == str(n)}
        assert got == {c.id: checked.status(c.id) for c in checked.claims}
    assert dom.stdout.count('class="source link-confirmed"') == 1
    assert dom.stdout.count('class="source link-rejected"') == 1
    assert dom.stdout.count('<ol class="articles"><li>') == 1
    assert len(re.findall(r'<li><a href="#a\d+">', dom.stdout)) == len(pairs)

    shot = tmp_path / "coverage.png"
    done = run_chromium(
        binary, tmp_path / "profile2", "--window-size=1280,1400", f"--screenshot={shot}",
        page.as_uri(),
    )  # fmt: skip
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    colours = pixels(shot.read_bytes())
    assert (0xD8, 0xF5, 0xD0) in colours  # supported highlight rendered
    assert (0xFB, 0xD5, 0xD5) in colours  # unsupported highlight rendered
