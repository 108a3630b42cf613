"""`refs check`: formats, exit codes, --min-coverage, escaping."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from refs.check.coverage import check_article
from refs.cli.commands import app
from refs.pipeline import parse_paths
from refs.report.check_html import check_html

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
runner = CliRunner()


def test_json_follows_the_contract() -> None:
    result = runner.invoke(app, ["check", str(SEEDS / "000_ef633acc338f5415.txt"), "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    (art,) = doc["articles"]
    text = (SEEDS / "000_ef633acc338f5415.txt").read_text(encoding="utf-8")
    keys = {r["key"] for r in art["references"]}
    assert art["claims"]
    for claim in art["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["status"] in ("supported", "unsupported")
        assert (claim["status"] == "supported") == bool(claim["sources"])
        for src in claim["sources"]:
            assert src["key"] in keys and 0 < src["score"] <= 1 and src["evidence"]
    assert set(art["unused_references"]) <= keys
    assert art["coverage"]["claims"] == len(art["claims"])
    assert doc["coverage"]["ratio"] == art["coverage"]["ratio"]


def test_output_is_deterministic() -> None:
    first = runner.invoke(app, ["check", str(SEEDS), "-f", "json"]).stdout
    assert first == runner.invoke(app, ["check", str(SEEDS), "-f", "json"]).stdout


def test_text_table_and_summary() -> None:
    result = runner.invoke(app, ["check", str(SEEDS)])
    assert result.exit_code == 0
    assert "unsupported" in result.stdout and "supported" in result.stdout
    assert re.search(r"summary: 2 article\(s\), \d+/\d+ claims supported", result.stdout)


def test_min_coverage_sets_exit_code() -> None:
    assert runner.invoke(app, ["check", str(SEEDS), "--min-coverage", "0.1"]).exit_code == 0
    low = runner.invoke(app, ["check", str(SEEDS), "--min-coverage", "0.99"])
    assert low.exit_code == 1
    assert "below --min-coverage" in low.stderr
    bad = runner.invoke(app, ["check", str(SEEDS), "--min-coverage", "7"])
    assert bad.exit_code == 2


def test_missing_paths_is_a_usage_error_without_traceback(library_url: str) -> None:
    # without PATHs: the library, here one that does not exist
    result = runner.invoke(app, ["check", "--library", library_url])
    assert result.exit_code == 2 and "no library at" in result.stderr
    assert "Traceback" not in result.output
    missing = runner.invoke(app, ["check", str(ROOT / "no-such-file.txt")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_html_escapes_field_text(tmp_path: Path) -> None:
    body = (SEEDS / "000_ef633acc338f5415.txt").read_text(encoding="utf-8")
    evil = body.replace(
        "Hopes seem high", 'Hopes <script>alert(1)</script> & "<img src=x onerror=y>" seem high'
    ).replace("Kim indicates he would halt missiles", "Kim <b onclick=z>halts</b> missiles")
    path = tmp_path / "evil.txt"
    path.write_text(evil, encoding="utf-8")
    parsed = parse_paths([path]).articles[0]
    page = check_html([(parsed, check_article(parsed.article, parsed.references))])
    assert "<script" not in page and "<img" not in page and "<b " not in page
    assert "&lt;script&gt;" in page
    tags = set(re.findall(r"<([a-zA-Z0-9]+)", page))
    assert tags <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p",
        "section", "article", "div", "a", "mark", "ol", "ul", "li", "span", "code", "nav",
    }  # fmt: skip
