from __future__ import annotations

from pathlib import Path

from refs.models import PartialDate
from refs.parse.article import read_article
from refs.parse.list_bounds import find_label
from refs.pipeline import parse_text
from tests.helpers import DATA, SEEDS

ARTICLES = DATA / "articles"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_seed_text_layout() -> None:
    text = read(SEEDS / "000_ef633acc338f5415.txt")
    article, notes = read_article(text, "s.txt")
    assert article.layout == "text"
    assert (article.publication, article.issue) == ("Disarmament Diplomacy", "52")
    assert article.issue_date == PartialDate(year=2000, month=11)
    assert article.title == "US-North Korea Talks Remain on Verge of Breakthrough"
    assert article.title_span is not None and article.title_span.line == 11
    assert notes == []
    first = article.paragraphs[0]
    assert first.text.startswith("Hopes seem high") and first.span.line == 13
    assert text[first.span.start : first.span.end] == first.text
    assert all(text[p.span.start : p.span.end] == p.text for p in article.paragraphs)
    assert article.paragraphs[-1].text.startswith('"As a general matter')
    assert article.source_list is not None and article.source_list.label == "Reports"
    assert article.source_list.text.startswith("START/ABM Issues")
    assert article.source_list.text.endswith("November 16.")


def test_flattened_layout() -> None:
    text = read(ARTICLES / "flattened_issue15.txt")
    assert "\n" not in text
    article, raws, notes = parse_text(text, "f.txt")
    assert article.layout == "flattened"
    assert (article.publication, article.issue) == ("Disarmament Diplomacy", "15")
    assert article.issue_date == PartialDate(year=1997, month=5)
    assert article.title == "US Ponders New Latin America Arms Sales Policy"
    assert article.paragraphs[0].text.startswith("Speaking in Washington on April 28")
    assert article.paragraphs[-1].text.endswith('"That would be a mistake, of course."')
    assert [r.outlet for r in raws] == [
        "Reuter News Reports",
        "Agence France-Presse International News",
        "AP Datastream Washington News Wire",
    ]
    assert raws[-1].date_text == "May 6"  # the list ran into the copyright line
    assert not [n for n in notes if n.severity.value != "info"]


def test_headless_page_says_so_and_invents_no_year() -> None:
    article, raws, notes = parse_text(read(ARTICLES / "headless_fragment.txt"), "h.txt")
    assert article.layout == "headless" and article.issue is None and article.title is None
    assert [n.code for n in notes] == ["A001"]
    assert article.source_list is not None and article.source_list.label == "Report"
    assert len(raws) == 1 and raws[0].date_text == "March 5"
    assert article.paragraphs[0].text.startswith("the delegations met")


def test_issue_range_and_list_without_final_period() -> None:
    article, raws, _ = parse_text(read(ARTICLES / "range_issue.txt"), "r.txt")
    assert article.issue_date_iso() == "1997-02/1997-03"
    assert len(raws) == 6 and raws[-1].date_text == "February 1997"


def test_no_source_list_is_an_error_with_file() -> None:
    article, notes = read_article(
        "Disarmament Diplomacy\n\nIssue No. 3, May 1996\n\nTitle\n\nBody.\n", "n.txt"
    )
    assert article.source_list is None
    assert [(n.code, n.severity.value, n.file) for n in notes] == [("A002", "error", "n.txt")]


def test_label_forms() -> None:
    assert find_label('of course."Reports: a, b, May 3') is not None
    assert find_label("the IAEAReports: x") is None
    assert find_label("Text only | ACRONYM Reports\nBody") is None
    text = "said so.\nReports: A, Reuters, May 3; B, AP, May 4\n© 2000 The Acronym Institute."
    _, raws, _ = parse_text(text, "t.txt")
    assert [r.title for r in raws] == ["A", "B"]
    _, raws, _ = parse_text("Body.\n\nReports:\n\nA, Reuters, May 3\n\nReturn to top", "t.txt")
    assert [r.raw for r in raws] == ["A, Reuters, May 3"]
    _, raws, _ = parse_text("Body.\nReports: Copyright row, AP, May 3\nCopyright 2000 X", "t.txt")
    assert [r.title for r in raws] == ["Copyright row"]


def test_lines_are_one_based_and_list_spans_exact() -> None:
    text = read(SEEDS / "001_71ef8663aa33fb13.txt")
    article, raws, _ = parse_text(text, "s.txt")
    assert article.source_list is not None
    line = article.source_list.span.line
    assert text.splitlines()[line - 1].startswith("Reports:")
    for raw in raws:
        assert " ".join(text[raw.span.start : raw.span.end].split()) == raw.raw
        assert raw.span.line == line


def test_text_glued_across_lines() -> None:
    text = (
        "Disarmament Diplomacy\n\nIssue No. 40, September 1999\n\nTitle here\n\nBody text.\n\n"
        "Reports: Talks resume, Reuters,\nAugust 30; Envoy\narrives, AP, 31 August.\n"
    )
    _, raws, _ = parse_text(text, "g.txt")
    assert [(r.title, r.outlet, r.date_text) for r in raws] == [
        ("Talks resume", "Reuters", "August 30"),
        ("Envoy arrives", "AP", "31 August"),
    ]
    assert raws[1].span.line == 10
