"""Hypothesis properties of the reader and the entry parser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from refs.dates import MONTH_NAMES
from refs.models import Span
from refs.parse.entries import parse_entry
from refs.pipeline import parse_text

SPAN = Span(start=0, end=0, line=1)
_EXCLUDED = (
    {m.lower() for m in MONTH_NAMES}
    | {m.lower()[:3] for m in MONTH_NAMES}
    | {"sept", "part", "vol", "volume", "issue", "section", "number", "via", "courtesy", "edition"}
)

word = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=9
).filter(lambda w: w.lower() not in _EXCLUDED and not set(w.lower()) <= set("ivxlc"))
title = st.lists(
    st.tuples(word, st.sampled_from([" ", ", ", " - ", "/"])), min_size=1, max_size=8
).map(lambda pairs: "".join(w + sep for w, sep in pairs[:-1]) + pairs[-1][0])
registered = st.sampled_from(
    [
        "Associated Press",
        "Reuters",
        "Reuter News Reports",
        "AFP",
        "Itar-Tass",
        "US State Department (Washington File)",
        "OMRI Daily Digest, No. 221, Part I",
        "The White House",
        "BBC News Online",
    ]
)
invented = st.lists(word, min_size=1, max_size=4).map(
    lambda ws: " ".join(w.capitalize() for w in ws)
)
outlet = st.one_of(registered, invented)
date = st.one_of(
    st.tuples(st.sampled_from(MONTH_NAMES), st.integers(1, 28)).map(lambda t: f"{t[0]} {t[1]}"),
    st.tuples(st.integers(1, 28), st.sampled_from(MONTH_NAMES)).map(lambda t: f"{t[0]} {t[1]}"),
    st.tuples(st.sampled_from(MONTH_NAMES), st.integers(1990, 2010)).map(
        lambda t: f"{t[0]} {t[1]}"
    ),
    st.tuples(
        st.sampled_from(["Jan.", "Feb.", "Aug.", "Oct.", "Nov.", "Dec."]), st.integers(1, 28)
    ).map(lambda t: f"{t[0]} {t[1]}"),
)


@given(st.text(max_size=400))
def test_reading_any_text_never_raises(text: str) -> None:
    article, raws, notes = parse_text(text, "any.txt")
    assert article.text == text
    for raw in raws:
        assert raw.span.start <= raw.span.end <= len(text)
    assert all(n.file == "any.txt" for n in notes)


@given(st.text(alphabet="Reports:;,.-© |\nIsue No.1997MayAPabc'\"", max_size=300))
def test_reading_list_like_noise_never_raises(text: str) -> None:
    parse_text("Reports: " + text, "noise.txt")
    parse_text("Disarmament Diplomacy\nIssue No. 5, May 1997\n" + text, "noise.txt")


@given(title, outlet, date)
def test_formatted_entry_parses_back(t: str, o: str, d: str) -> None:
    ref, _ = parse_entry(f"{t}, {o}, {d}", 0, SPAN, "gen.txt")
    assert (ref.title, ref.outlet, ref.date_text) == (t, o, d)


@given(st.lists(st.tuples(title, outlet, date), min_size=1, max_size=12), st.booleans())
def test_splitting_never_loses_an_entry(
    entries: list[tuple[str, str, str]], final_dot: bool
) -> None:
    listed = "; ".join(f"{t}, {o}, {d}" for t, o, d in entries) + ("." if final_dot else "")
    header = "Disarmament Diplomacy\n\nIssue No. 9, December 1996\n\nTitle\n\nBody.\n\n"
    text = f"{header}Reports: {listed}\n"
    _, raws, _ = parse_text(text, "gen.txt")
    assert [(r.title, r.outlet, r.date_text) for r in raws] == entries
