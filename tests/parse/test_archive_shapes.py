"""Shapes of the Disarmament Diplomacy archive beyond the two seeds (invented content):
double and seasonal issues, weekdays and numeric dates, HTML entities, missing
separators, outlets with sub-units and places, headers cited in the body."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from refs.dates import DateText, read_date, read_issue_date, unreadable_date
from refs.diagnostics import Diagnostic
from refs.models import Article, PartialDate, Reference, Span
from refs.outlets import resolve
from refs.parse.entries import parse_entry
from refs.parse.normalise import csl_type
from refs.parse.separators import missing_separators, split_entries
from refs.pipeline import build, parse_text
from tests.helpers import DATA

ARTICLES = DATA / "articles"
SPAN = Span(start=0, end=1, line=1)
HEADER = "Disarmament Diplomacy\n\nIssue No. 20, November 1997\n\nTitle Here\n\nBody text.\n\n"


def entry(raw: str) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    ref, _ = parse_entry(raw, 0, SPAN, "x.txt")
    return ref.title, ref.outlet, ref.date_text, ref.flags


def parsed(text: str) -> tuple[Article, tuple[Reference, ...], list[Diagnostic]]:
    article, raws, notes = parse_text(text, "a.txt")
    (result,) = build([(article, raws, notes)])
    return article, result.references, notes


def codes(notes: Iterable[Diagnostic]) -> set[str]:
    return {n.code for n in notes}


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday, October 28", DateText(None, 10, 28)),
        ("Friday October 24", DateText(None, 10, 24)),
        ("Sat., Oct. 25", DateText(None, 10, 25)),
        ("on May 5", DateText(None, 5, 5)),
        ("30 October - 1 November", DateText(None, 10, 30)),
        ("2000-05-05", DateText(2000, 5, 5)),
        ("Spring 2000", DateText(2000, None, None)),
        ("25/12/1997", DateText(1997, 12, 25)),
        ("12/25/97", DateText(1997, 12, 25)),
    ],
)
def test_more_date_forms(text: str, expected: DateText) -> None:
    assert read_date(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("February 30", "impossible day"),
        ("31 June", "impossible day"),
        ("29 February 1999", "impossible day"),
        ("12/05/97", "numeric date: day and month order unknown"),
    ],
)
def test_unreadable_dates_are_not_dates(text: str, why: str) -> None:
    assert read_date(text) is None
    assert unreadable_date(text) == why


def test_plain_text_is_neither_date_nor_unreadable_date() -> None:
    assert read_date("Sunday") is None and unreadable_date("Reuters") is None
    assert read_date("February 29 2000") == DateText(2000, 2, 29)


def test_season_issue_gives_the_year_only() -> None:
    year = PartialDate(year=2005)
    assert read_issue_date("Autumn 2005") == (year, year)


# ------------------------------------------------------------------ entries


@pytest.mark.parametrize(
    ("raw", "title", "outlet", "date"),
    [
        ("Talks, Reuters, Tuesday, October 28", "Talks", "Reuters", "Tuesday, October 28"),
        ("Talks, AP, Sat., Oct. 25", "Talks", "AP", "Sat., Oct. 25"),
        ("Talks, AFP, 30 October - 1 November", "Talks", "AFP", "30 October - 1 November"),
        (
            "Text of statement by the Spokesman, Office of the Spokesman, "
            "US State Department, May 5",
            "Text of statement by the Spokesman",
            "Office of the Spokesman, US State Department",
            "May 5",
        ),
        (
            "Press briefing, The White House, Office of the Press Secretary, July 2",
            "Press briefing",
            "The White House, Office of the Press Secretary",
            "July 2",
        ),
        (
            "Statement, Ministry of Foreign Affairs, Islamabad, October 24",
            "Statement",
            "Ministry of Foreign Affairs, Islamabad",
            "October 24",
        ),
        (
            "Text of resolution, UN General Assembly, First Committee, November 1",
            "Text of resolution",
            "UN General Assembly, First Committee",
            "November 1",
        ),
        (
            "Interview with the minister, BBC Radio 4, Today Programme, May 5",
            "Interview with the minister",
            "BBC Radio 4, Today Programme",
            "May 5",
        ),
        (
            "CTBT vote, Congressional Record, October 13, 1999, p. S12505",
            "CTBT vote",
            "Congressional Record, p. S12505",
            "October 13, 1999",
        ),
        # a headline in sentence case is no organisation: the place is the outlet
        (
            "Security Council meets, Tehran Times, May 5",
            "Security Council meets",
            "Tehran Times",
            "May 5",
        ),
        ("Missile &amp; space, Reuters, October 24", "Missile & space", "Reuters", "October 24"),
    ],
)
def test_entries_of_other_issues(raw: str, title: str, outlet: str, date: str) -> None:
    got_title, got_outlet, got_date, _ = entry(raw)
    assert (got_title, got_outlet, got_date) == (title, outlet, date)


def test_impossible_date_is_kept_as_written_and_reported() -> None:
    ref, notes = parse_entry("Talks, UPI, February 30", 0, SPAN, "x.txt")
    assert (ref.title, ref.outlet, ref.date_text) == ("Talks", "UPI", "February 30")
    assert "bad-date" in ref.flags and "no-date" not in ref.flags
    assert codes(notes) == {"S004"}


def test_a_date_alone_is_a_date_without_title_or_outlet() -> None:
    ref, notes = parse_entry("October 5", 0, SPAN, "x.txt")
    assert (ref.title, ref.outlet, ref.date_text) == ("", None, "October 5")
    assert codes(notes) == {"S002", "S006"}


@pytest.mark.parametrize(
    ("raw", "damaged"),
    [
        ("It' over, AP, May 6", True),
        ("Pyongyang' plan, AP, May 6", True),
        ("Allies' concerns, AP, May 6", False),
        ("The so-called 'rogue' states, AP, May 6", False),
    ],
)
def test_lost_letters_after_an_apostrophe(raw: str, damaged: bool) -> None:
    assert ("damaged-text" in entry(raw)[3]) is damaged


def test_html_entities_do_not_split_the_list() -> None:
    text = "A &amp; B, Reuters, May 5; Russia&#8217;s view, AP, May 6; C &#x2019; D, AFP, May 7"
    assert len(split_entries(text)) == 3
    assert len(split_entries("R&D; Talks, AP, May 6")) == 2  # "&D" is no entity


@pytest.mark.parametrize(
    "joined",
    [
        "A story, Reuters, May 5, B story, AP, May 6",
        "A story, Reuters, May 5. B story, AP, May 6",
        "A story, Tehran Times, May 5\nB story, AP, May 6",
        "A story, Tehran Times, May 5B story, AP, May 6",
    ],
)
def test_missing_separator_is_found(joined: str) -> None:
    (cut,) = missing_separators(joined)
    assert joined[cut:].startswith("B story")


def test_missing_separator_needs_evidence() -> None:
    # an unknown outlet and a comma: could be a title holding a date, so no split
    assert missing_separators("A story, Tehran Times, May 5, B story, AP, May 6") == []
    assert missing_separators("Talks, Reuters, October 24, 2000") == []


# ------------------------------------------------------------------ outlets and types


def test_outlets_with_places_and_parts() -> None:
    moscow = resolve("Reuters (Moscow)")
    assert (moscow.abbrev, moscow.publisher, moscow.container) == ("reuters", None, "Reuters")
    dawn = resolve("Dawn (Karachi)")
    assert (dawn.publisher, dawn.container) == (None, "Dawn (Karachi)")
    ministry = resolve("Foreign Ministry (Beijing)")
    assert (ministry.type, ministry.publisher) == ("document", "Foreign Ministry (Beijing)")
    spokesman = resolve("Office of the Spokesman, US State Department")
    assert spokesman.abbrev == "usdos" and spokesman.type == "document"
    assert spokesman.publisher == "Office of the Spokesman, US State Department"
    assert resolve("Reuters - Moscow").container == "Reuters"
    assert resolve("IAEA Press Release PR 97/21").abbrev == "iprp"  # no digits in keys


def test_news_outlets_need_a_leading_cue() -> None:
    assert csl_type("Treaty backers trade charges", "article-newspaper", news=True) == (
        "article-newspaper"
    )
    assert csl_type("Clinton remarks on Iraq", "article-newspaper", news=True) == (
        "article-newspaper"
    )
    assert csl_type("Text of joint statement", "article-newspaper", news=True) == "document"
    assert csl_type("Interview with the minister", "article-newspaper", news=True) == "interview"
    # a government outlet keeps the cue anywhere in the title
    assert csl_type("Einhorn statement on talks", "document") == "document"


# ------------------------------------------------------------------ articles


def test_flattened_double_issue_page() -> None:
    text = (ARTICLES / "flattened_double_issue.txt").read_text(encoding="utf-8")
    article, refs, notes = parsed(text)
    assert (article.layout, article.issue) == ("flattened", "28-29")
    assert article.issue_date_iso() == "1998-06/1998-07"
    assert article.title == "Senate Weighs Test Ban Treaty"
    assert article.paragraphs[0].text.startswith('"We will take it up')
    assert [r.outlet for r in refs] == [
        "Reuters",
        "AP",
        "The White House, Office of the Press Secretary",
        "Congressional Record, p. S7620",
    ]
    assert [r.issued.iso() if r.issued else None for r in refs] == [
        "1998-06-30",
        "1998-07-02",
        "1998-07-02",
        "1998-07-07",
    ]
    assert refs[1].title == "Treaty backers & critics trade charges"
    assert refs[1].type == "article-newspaper" and refs[2].type == "document"
    assert notes == []


def test_text_page_with_season_issue_and_broken_list() -> None:
    text = (ARTICLES / "text_season_issue.txt").read_text(encoding="utf-8")
    article, refs, notes = parsed(text)
    assert (article.issue, article.issue_date_iso()) == ("81", "2005")
    assert article.source_list is not None and article.source_list.label == "REPORTS"
    assert len(refs) == 6  # the blank line after ";" does not end the list
    assert [r.issued.iso() if r.issued else None for r in refs][:2] == ["2005-09-30", "2005-10-01"]
    assert refs[2].outlet == "Permanent Mission of Ruritania to the United Nations, Geneva"
    assert refs[3].type == "broadcast" and refs[3].container_title == "BBC"
    assert (refs[4].title, refs[4].outlet) == ("", None)
    assert refs[5].span is not None and refs[5].span.line == 11
    assert refs[5].container_title == "Reuters" and refs[5].publisher is None
    assert codes(notes) == {"S002", "S006"}


@pytest.mark.parametrize(
    ("issue_line", "number"),
    [
        ("Issue No. 28-29, June-July 1998", "28-29"),
        ("Issue No. 28/29, June/July 1998", "28-29"),
        ("Issues No. 28 & 29, June - July 1998", "28-29"),
    ],
)
def test_double_issues(issue_line: str, number: str) -> None:
    article, _, notes = parsed(
        f"Disarmament Diplomacy\n\n{issue_line}\n\nT\n\nB.\n\nReports: A, AP, May 5"
    )
    assert (article.issue, article.issue_date_iso()) == (number, "1998-06/1998-07")
    assert "A001" not in codes(notes)


def test_windows_line_endings_nbsp_and_tabs() -> None:
    text = (
        "Disarmament Diplomacy, Issue #42, December 1999 - January 2000\r\n\r\nTitle\r\n\r\n"
        "Body.\r\n\r\nReports:\tA,\u00a0Reuters,\u00a0December\u00a024;B, AP,\r\nJanuary 3\r\n"
    )
    article, refs, _ = parsed(text)
    assert article.publication == "Disarmament Diplomacy" and article.title == "Title"
    assert [(r.outlet, r.issued.iso() if r.issued else None) for r in refs] == [
        ("Reuters", "1999-12-24"),
        ("AP", "2000-01-03"),
    ]
    assert refs[1].span is not None and refs[1].span.line == 7


def test_label_inside_a_title_and_glued_after_a_number() -> None:
    article, refs, _ = parsed(HEADER + "Report: UN Report: Iraq complies, Reuters, May 5")
    assert [r.title for r in refs] == ["UN Report: Iraq complies"]
    flat = (
        "Disarmament DiplomacyIssue No. 15, May 1997Nuclear TalksOn May 5 the talks began "
        "on May 5Reports: One, Reuters, May 5© 1997 The Acronym Institute. |"
    )
    article, refs, notes = parsed(flat)
    assert article.title == "Nuclear Talks" and [r.outlet for r in refs] == ["Reuters"]
    assert "A002" not in codes(notes)


def test_entries_run_together_are_split_with_a_warning() -> None:
    _, refs, notes = parsed(HEADER + "Reports: A story, Reuters, May 5\nB story, AP, May 6")
    assert [(r.title, r.outlet) for r in refs] == [("A story", "Reuters"), ("B story", "AP")]
    assert refs[1].span is not None and refs[1].span.line == 10
    assert "S007" in codes(notes)


def test_issue_cited_in_the_body_is_not_the_header() -> None:
    text = (
        "the ministers agreed. As reported in Disarmament Diplomacy Issue No. 40, October 1999, "
        "the talks had stalled.\n\nReports: A, Reuters, May 5"
    )
    article, refs, notes = parsed(text)
    assert article.issue is None and article.layout == "headless"
    assert refs[0].issued is not None and refs[0].issued.iso() == "--05-05"
    assert {"A001", "A004"} <= codes(notes)


def test_long_first_paragraph_is_no_title() -> None:
    body = "On October 5 the talks began in Geneva, and " + "the delegations met again " * 10 + "."
    article, _, notes = parsed(
        f"Disarmament Diplomacy\n\nIssue No. 20, November 1997\n\n{body}\n\nReports: A, AP, May 5"
    )
    assert article.title is None and article.paragraphs[0].text == body
    assert "A005" in codes(notes)


def test_text_after_the_list_is_reported() -> None:
    _, refs, notes = parsed(
        HEADER + "Reports: A, Reuters, May 5\n\nNotes: a second article.\n\n© 1997 X."
    )
    assert len(refs) == 1
    (note,) = [n for n in notes if n.code == "A006"]
    assert note.line == 11


def test_reports_in_a_body_sentence_is_no_list() -> None:
    text = HEADER.replace("Body text.", "Press reports: the test was a success, they said.")
    article, refs, notes = parsed(text)
    assert article.source_list is None and refs == ()
    assert "A002" in codes(notes)


@pytest.mark.parametrize(
    ("raw", "title", "damaged"),
    [
        ("\u201cUS and China agree,\u201d Reuters, May 5", "US and China agree", False),
        ('"US and China agree," Reuters, May 5', "US and China agree", False),
        (
            "\u2018Rogue\u2019 states warned, Reuters, May 5",
            "\u2018Rogue\u2019 states warned",
            False,
        ),
        ("Russia\u2019 plan, AP, May 6", "Russia\u2019 plan", True),
        ("We didn\u2019 know, AFP, May 7", "We didn\u2019 know", True),
    ],
)
def test_curly_and_enclosing_quotes(raw: str, title: str, damaged: bool) -> None:
    got_title, outlet, _, flags = entry(raw)
    assert got_title == title and outlet is not None
    assert ("damaged-text" in flags) is damaged


@pytest.mark.parametrize(
    "issue_line",
    [
        "Issue No. 52 - November 2000",
        "Issue 52 (November 2000)",
        "Disarmament Diplomacy No. 52, November 2000",
        "Issue No. 52, November, 2000",
        "ISSUE NO. 52, NOV. 2000",
    ],
)
def test_issue_line_variants(issue_line: str) -> None:
    article, refs, _ = parsed(
        f"Disarmament Diplomacy\n\n{issue_line}\n\nTitle\n\nBody.\n\n"
        "Reports: A, Reuters, December 5"
    )
    assert (article.publication, article.issue, article.title) == (
        "Disarmament Diplomacy",
        "52",
        "Title",
    )
    # a month after the issue month: an issue that came out late, the issue's year
    assert refs[0].issued is not None and refs[0].issued.iso() == "2000-12-05"


def test_number_without_issue_word_needs_the_publication() -> None:
    article, _, notes = parsed(
        "OMRI Daily Digest No. 221, May 1997 was cited.\n\nReports: A, AP, May 5"
    )
    assert article.issue is None and "A001" in codes(notes)
