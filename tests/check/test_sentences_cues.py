"""Sentence splitting, body dates and cues."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from refs.check import cues
from refs.check.claims import extract_claims
from refs.check.named_dates import find_dates, find_relative
from refs.check.sentences import split_sentences
from refs.models import Article, Paragraph, PartialDate, Span

ISSUE = PartialDate(year=2000, month=11)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "Mr. Smith met N. Korea's envoy on Nov. 3 in Washington. Leon S. Fuerth spoke. "
        "Gen. Lee left."
    )
    assert sentences(text) == [
        "Mr. Smith met N. Korea's envoy on Nov. 3 in Washington.",
        "Leon S. Fuerth spoke.",
        "Gen. Lee left.",
    ]


def test_quotation_over_several_sentences_stays_whole() -> None:
    text = 'He said: "We came. We saw... We left." Then he went home.'
    assert sentences(text) == ['He said: "We came. We saw... We left."', "Then he went home."]


def test_ellipses_and_brackets() -> None:
    text = "The talks stalled… Nobody knew why. [The Minister. Said so.] It ended."
    assert sentences(text) == [
        "The talks stalled…",
        "Nobody knew why.",
        "[The Minister. Said so.]",
        "It ended.",
    ]


def test_unpaired_quotes_do_not_swallow_the_paragraph() -> None:
    text = 'He said "it works. She disagreed. They left.'
    assert len(sentences(text)) == 3


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab A.?!…\"“”()[] \n'N:")), max_size=80))
def test_split_never_raises_and_spans_are_ordered(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e


def test_body_dates() -> None:
    got = {m.text: [d.iso() for d in m.dates] for m in find_dates(
        "on October 23-24, on Nov. 3, in July, mid-July, 24 October, [October 1994], "
        "August '98 and Earlier (July 24). They may go in May.", ISSUE)}  # fmt: skip
    assert got == {
        "October 23-24": ["2000-10-23", "2000-10-24"],
        "Nov. 3": ["2000-11-03"],
        "July": ["2000-07"],
        "mid-July": ["2000-07"],
        "24 October": ["2000-10-24"],
        "October 1994": ["1994-10"],
        "August '98": ["1998-08"],
        "July 24": ["2000-07-24"],
        "May": ["2000-05"],
    }


def test_month_after_issue_month_is_previous_year() -> None:
    (m,) = find_dates("on December 12", PartialDate(year=2001, month=2))
    assert m.dates[0].iso() == "2000-12-12"


def test_relative_expressions() -> None:
    found = [(r.text, r.offset_days) for r in find_relative(
        "The following day, the same day, two days later, the day before")]  # fmt: skip
    assert found == [
        ("The following day", 1),
        ("the same day", 0),
        ("two days later", 2),
        ("the day before", -1),
    ]


def test_names_quotes_verb() -> None:
    text = (
        "On November 4, Santer quoted Vice Foreign Minister Choe Su-hon as telling him in "
        'Pyongyang: "We have to import our rice."'
    )
    found = cues.names(text, {"on", "as"}, ())
    assert "Choe Su-hon" in found.people
    assert "Pyongyang" in found.places
    assert cues.quotes(text) == ("We have to import our rice.",)
    assert cues.reporting_verb(text) == "quoted"
    assert cues.names("The Russian Foreign Ministry said.", {"said"}, ()).organisations == (
        "Russian Foreign Ministry",
    )


def _article(body: str) -> Article:
    paras = []
    pos = 0
    for chunk in body.split("\n\n"):
        start = body.index(chunk, pos)
        paras.append(
            Paragraph(
                text=chunk,
                span=Span(start=start, end=start + len(chunk), line=body.count("\n", 0, start) + 1),
            )
        )
        pos = start + len(chunk)
    return Article(source="x.txt", text=body, layout="text", issue_date=ISSUE,
                   paragraphs=tuple(paras))  # fmt: skip


def test_relative_dates_resolve_against_claims_before() -> None:
    body = (
        "On November 3, the envoy told the Associated Press the talks had ended.\n\n"
        "The following day, the minister replied to the envoy at length:\n\n"
        '"We do not agree. We never did."\n\nThe same day, protesters gathered outside.'
    )
    claims = extract_claims(_article(body))
    assert [c.cues.dates[0].iso() if c.cues.dates else None for c in claims] == [
        "2000-11-03",
        "2000-11-04",
        "2000-11-04",
    ]
    assert claims[0].cues.outlets == ("Associated Press",)
    assert claims[1].text.endswith('We never did."')
    assert claims[1].cues.verb == "replied"


BODY_WORDS = st.sampled_from(
    [
        "On", "November", "3,", "the", "following", "day", "Mr.", "N.", "Korea", "said:",
        '"We', "agree.", '…"', "(July", "24)", "[North]", "Reuters", "told", "the",
        "Associated", "Press", "...", "'", "''", "didn'", "\n\n", "Earlier", "interview",
        "Smith", "Jones", "June", "19", "31", "February", "30,", "“quoted”", "Notes:", "?",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(BODY_WORDS, max_size=60), st.lists(BODY_WORDS, max_size=12))
def test_check_never_raises_on_odd_text(body: list[str], entry: list[str]) -> None:
    from refs.check.coverage import check_article
    from refs.pipeline import build, parse_text

    text = (
        "Disarmament Diplomacy\n\nIssue No. 52, November 2000\n\nA Title\n\n"
        + " ".join(body)
        + "\n\nReports: "
        + " ".join(entry)
        + ", Reuters, November 3.\n"
    )
    (parsed,) = build([parse_text(text, "odd.txt")])
    checked = check_article(parsed.article, parsed.references)
    keys = {r.key for r in parsed.references}
    for claim in checked.claims:
        assert text[claim.span.start : claim.span.end] == claim.text
        for lk in checked.sources(claim.id):
            assert lk.key in keys and 0.0 < lk.score <= 1.0
    assert set(checked.report.unused_references) <= keys
    assert 0.0 <= checked.report.coverage <= 1.0


def test_dates_without_a_year_still_link() -> None:
    from refs.check.coverage import check_article
    from refs.pipeline import build, parse_text

    text = (
        "the talks went on. On October 24, envoy Hans Brandt told reporters that the talks "
        'had "reached the hard part."\n\nReports: Brandt says talks at hard part, Reuters, '
        "October 24; Unrelated fishing quotas, Reuters, May 2.\n"
    )
    (parsed,) = build([parse_text(text, "headless.txt")])
    checked = check_article(parsed.article, parsed.references)
    brandt = next(c for c in checked.claims if "Brandt" in c.text)
    assert brandt.cues.dates[0].iso() == "--10-24"
    (best, *_) = checked.sources(brandt.id)
    assert any("same day" in e for e in best.evidence)
    assert len(checked.report.unused_references) == 1


def test_weekdays_resolve_against_the_date_in_force() -> None:
    """``on Thursday`` after Monday 3 March 1997 is Thursday 6 March; ``last Friday`` is
    28 February; ``next Monday`` a week on; the weekday of the date in force is that day."""
    from refs.check.named_dates import find_weekdays, shift, weekday_offset

    base = PartialDate(year=1997, month=3, day=3)  # a Monday
    text = "On Thursday, then last Friday, next Monday and on Monday"
    got = []
    for m in find_weekdays(text):
        offset = weekday_offset(base, m)
        assert offset is not None
        moved = shift(base, offset)
        assert moved is not None
        got.append((m.text, moved.iso()))
    assert got == [
        ("On Thursday", "1997-03-06"),
        ("last Friday", "1997-02-28"),
        ("next Monday", "1997-03-10"),
        ("on Monday", "1997-03-03"),
    ]


def test_compound_day_first_dates() -> None:
    issue = PartialDate(year=1997, month=12)
    got = [[d.iso() for d in m.dates] for m in find_dates(
        "On 3 and 4 December, on 5th November, on 7th of September, December 3 and 4, 1997",
        issue)]  # fmt: skip
    assert got == [
        ["1997-12-03", "1997-12-04"], ["1997-11-05"], ["1997-09-07"],
        ["1997-12-03", "1997-12-04"],
    ]  # fmt: skip


def test_the_date_in_force_carries_across_paragraphs() -> None:
    """A paragraph with no date of its own is in the date given before it, until a new
    date; a weekday is resolved against it."""
    body = (
        "On November 3, the envoy told the Associated Press the talks had ended.\n\n"
        "The minister replied to the envoy at length in a long statement.\n\n"
        "On Sunday, protesters gathered outside the ministry building.\n\n"
        "On November 9, the talks resumed in the capital once more."
    )
    claims = extract_claims(_article(body))
    in_force = [c.cues.context_dates[0].iso() if c.cues.context_dates else None for c in claims]
    own = [c.cues.dates[0].iso() if c.cues.dates else None for c in claims]
    assert in_force == [None, "2000-11-03", None, None]
    assert own == ["2000-11-03", None, "2000-11-05", "2000-11-09"]  # 3 November 2000: a Friday


MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip
DATE_FORMS = ["{a} and {b} {m}", "{a}-{b} {m}", "{m} {a} and {b}", "{m} {a}-{b}", "{a} {m}"]


@given(
    st.integers(1, 12),
    st.integers(1, 25),  # with the span, a day every month has (February 28)
    st.integers(1, 3),
    st.sampled_from(DATE_FORMS),
    st.sampled_from(["On ", "By ", "Between ", ""]),
)
@settings(max_examples=200, deadline=None)
def test_day_and_month_forms_read_back(
    month: int, day: int, span: int, form: str, lead: str
) -> None:
    """Every day-first or month-first form, single days, ranges and ``3 and 4``, reads
    back as the days written, with the issue's year (months after the issue month belong
    to the year before)."""
    issue = PartialDate(year=1998, month=6)
    text = lead + form.format(a=day, b=day + span, m=MONTH_NAMES[month - 1]) + ", it said."
    (found,) = find_dates(text, issue)
    year = 1998 if month <= 6 else 1997
    want = [f"{year}-{month:02d}-{day:02d}"]
    if "{b}" in form:
        want.append(f"{year}-{month:02d}-{day + span:02d}")
    assert [d.iso() for d in found.dates] == want
