"""`refs render` and `refs styles` on the command line; the conformance fixes in
isolation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from refs.cli.commands import app
from refs.render import load_style, render
from refs.render.styles import SHORT_NAMES

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_styles_lists_the_short_names() -> None:
    result = runner.invoke(app, ["styles"])
    assert result.exit_code == 0
    for short in (
        "chicago",
        "chicago-notes",
        "apa",
        "mla",
        "harvard",
        "ieee",
        "vancouver",
        "nature",
    ):
        assert short in result.stdout
        assert load_style(short).style_id


def test_unknown_style_suggests_near_names() -> None:
    result = runner.invoke(app, ["render", str(ROOT / "seeds"), "--style", "chicgo"])
    assert result.exit_code == 2
    assert "unknown style" in result.stderr and "chicago" in result.stderr
    assert "Traceback" not in result.stderr


def test_style_names_are_not_paths() -> None:
    result = runner.invoke(app, ["render", str(ROOT / "seeds"), "--style", "../../etc/passwd"])
    assert result.exit_code == 2


def test_render_seeds_text_one_entry_per_line() -> None:
    result = runner.invoke(app, ["render", str(ROOT / "seeds"), "--style", "chicago"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 21
    assert lines[0].startswith("Associated Press. 2000a.")


def test_render_with_citations_and_html(tmp_path: Path) -> None:
    out = tmp_path / "bib.html"
    result = runner.invoke(
        app,
        [
            "render",
            str(ROOT / "seeds"),
            "--style",
            "ieee",
            "-f",
            "html",
            "--citations",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.count('class="csl-entry"') == 21 and text.count("<li>") == 21
    assert 'class="csl-left-margin">[1]</div>' in text


def test_csl_file_style(tmp_path: Path) -> None:
    style = tmp_path / "mine.csl"
    style.write_bytes((ROOT / "styles" / "refs-archive.csl").read_bytes())
    result = runner.invoke(app, ["render", str(ROOT / "seeds"), "--style", str(style)])
    assert result.exit_code == 0
    assert "Reuters, July 19" in result.stdout
    broken = tmp_path / "broken.csl"
    broken.write_text("<style", encoding="utf-8")
    result = runner.invoke(app, ["render", str(ROOT / "seeds"), "--style", str(broken)])
    assert result.exit_code == 2 and "not a CSL style" in result.stderr


def test_library_mode_without_library_is_a_usage_error(library_url: str) -> None:
    result = runner.invoke(app, ["render", "--library", library_url])
    assert result.exit_code == 2 and "no library at" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_items_give_diagnostics_not_crashes() -> None:
    items: list[dict[str, Any]] = [
        {"type": "article-newspaper", "title": "no id"},
        {"id": "a", "title": "no type", "issued": {"date-parts": [["x"]]}},
        {"id": "b", "type": "book", "title": "t", "issued": "2000"},
        {"id": "c", "type": "book", "title": "t", "author": "Smith", "editor": [{"x": 1}]},
    ]
    out = render(items, load_style("chicago"), "text", citations=True)
    assert [d.code for d in out.diagnostics] == ["C001", "C002", "C003", "C003", "C003", "C003"]
    assert sorted(e.key for e in out.entries) == ["a", "b", "c"]
    assert len(out.citations) == 3


def test_substituted_title_is_printed_once() -> None:
    item = {"id": "a", "type": "report", "title": "Only Once", "issued": {"date-parts": [[2000]]}}
    text = render([item], load_style("chicago"), "text").entries[0].text
    assert text.count("Only Once") == 1


def test_empty_edition_label_is_not_printed() -> None:
    item = {
        "id": "a",
        "type": "book",
        "title": "T",
        "publisher": "P",
        "issued": {"date-parts": [[2000]]},
    }
    for short in SHORT_NAMES:
        assert "Edition" not in render([item], load_style(short), "text").entries[0].text


def test_no_state_leaks_between_renders() -> None:
    style = load_style("chicago")
    same = [
        {
            "id": f"k{n}",
            "type": "article-newspaper",
            "title": t,
            "container-title": "AP",
            "issued": {"date-parts": [[2000, 1, n + 1]]},
        }
        for n, t in enumerate(["B", "A"])
    ]
    first = render(same, style, "text").entries
    alone = render(same[:1], style, "text").entries
    assert "2000a" in first[0].text and "2000a" not in alone[0].text
    assert render(same, style, "text").entries == first


def test_date_range_with_month_day_parts_does_not_crash() -> None:
    item = {
        "id": "a",
        "type": "article-newspaper",
        "title": "T",
        "container-title": "AP",
        "issued": {"date-parts": [[1998, 3, 2], [1998, 3, 4]]},
    }
    for short in SHORT_NAMES:
        assert render([item], load_style(short), "text", citations=True).entries


SEED = ROOT / "seeds" / "000_ef633acc338f5415.txt"


def test_locale_changes_terms_and_quotes() -> None:
    result = runner.invoke(app, ["render", str(SEED), "--style", "chicago", "--locale", "de-DE"])
    assert result.exit_code == 0
    assert "„" in result.stdout and "Oktober" in result.stdout


def test_unknown_locale_is_a_usage_error() -> None:
    result = runner.invoke(app, ["render", str(SEED), "--locale", "xx-YY"])
    assert result.exit_code == 2
    assert "unknown locale" in result.stderr and "Traceback" not in result.stderr


def test_cite_with_locator_prints_it() -> None:
    result = runner.invoke(
        app,
        ["render", str(SEED), "--style", "chicago", "--cite", "washfile2000start:page 12"],
    )
    assert result.exit_code == 0
    assert "2000, 12)" in result.stdout.strip().splitlines()[-1]


def test_cite_of_unknown_key_is_a_finding() -> None:
    result = runner.invoke(app, ["render", str(SEED), "--cite", "nope:3"])
    assert result.exit_code == 1
    assert "C007" in result.stderr


def test_dependent_style_renders_with_its_parent() -> None:
    result = runner.invoke(app, ["render", str(SEED), "--style", "vancouver-nlm"])
    assert result.exit_code == 0
    assert result.stdout.startswith("1. ")
