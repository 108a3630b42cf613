"""Each defect class of citeproc-py 0.11.1 that the conformance layer fixes, in
isolation (no node needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from refs.render import load_style, render
from refs.render.casing import title_case
from refs.render.escape import protect, release
from refs.render.typography import Quotes, finish

CSL_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" '
CSL_INFO = "<info><title>t</title><id>t</id><updated>2026-01-01T00:00:00+00:00</updated></info>"


def tiny_style(tmp_path: Path, bibliography: str, attrs: str = "") -> Any:
    path = tmp_path / "tiny.csl"
    path.write_text(
        CSL_HEAD
        + f'class="in-text" version="1.0" {attrs}>{CSL_INFO}'
        + '<citation><layout><text variable="title"/></layout></citation>'
        + f"<bibliography><layout>{bibliography}</layout></bibliography></style>",
        encoding="utf-8",
    )
    return load_style(str(path))


@pytest.mark.parametrize(
    ("raw", "cased"),
    [
        (
            "oslo talks open on a total ban of anti-personnel mines",
            "Oslo Talks Open on a Total Ban of Anti-Personnel Mines",
        ),
        ("chemical stockpiles: who declared what", "Chemical Stockpiles: Who Declared What"),
        ("fact sheet - the treaty at a glance", "Fact Sheet - the Treaty at a Glance"),
        ("russia and U.S. near deal", "Russia and U.S. near Deal"),
        ("reply by [the] spokesman to [an] agency", "Reply by [the] Spokesman to [an] Agency"),
        ("the 'minimum deterrent' doctrine", "The 'minimum Deterrent' Doctrine"),
        ('the "minimum deterrent" doctrine', 'The "Minimum Deterrent" Doctrine'),
        ("employee pro-environmental behavior", "Employee Pro-Environmental Behavior"),
        ("a step-by-step guide", "A Step-by-Step Guide"),
        ("traits\u2014self-esteem of the cat/mouse", "Traits\u2014Self-Esteem of the Cat/Mouse"),
        ("the scientist\u2013practitioner gap", "The Scientist\u2013Practitioner Gap"),
    ],
)
def test_title_case(raw: str, cased: str) -> None:
    assert title_case(raw) == cased


def test_punctuation_moves_inside_quotes_and_collapses() -> None:
    us = Quotes()
    assert finish("“Title”.", us) == "“Title.”"
    assert finish("“A ‘b’”, c", us) == "“A ‘b,’” c"
    assert finish("“What next?”.", us) == "“What next?”"
    gb = Quotes("‘", "’", "“", "”", punctuation_in_quote=False)
    assert finish("‘Title’.", gb) == "‘Title’."
    assert finish("What next?.", gb) == "What next?"
    assert finish("<b>Doe Co.</b>. 1965", gb) == "<b>Doe Co.</b> 1965"
    assert finish("<i>Wait...</i>.", gb) == "<i>Wait...</i>."


def test_straight_quotes_become_typographic_by_nesting() -> None:
    us = Quotes()
    field = protect  # quotes of field text are held as stand-ins until finish
    assert finish("“" + field('Says "no" to Baghdad\'s plan') + "”", us) == (
        "“Says ‘no’ to Baghdad’s plan”"
    )
    assert finish(field('Says "no"'), us) == "Says “no”"
    assert finish("<i>" + field('"x"') + "</i>", us) == "<i>“x”</i>"
    assert finish('<span style="font-variant:small-caps;">a</span>', us).count('"') == 2


def test_quotes_the_style_writes_in_affixes_stay_straight() -> None:
    assert finish('A. "hello" ' + protect('"x"'), Quotes()) == 'A. "hello" “x”'


def test_field_markup_is_kept_and_everything_else_escaped() -> None:
    text = protect('<i>Homo</i> <b>x</b> <sc>y</sc> <span class="nocase">iPod</span> <script>')
    html = release(text, "html")
    assert html.startswith('<i>Homo</i> <b>x</b> <span style="font-variant:small-caps;">y')
    assert "iPod" in html and "nocase" not in html and "&lt;script&gt;" in html
    assert release(text, "text") == "Homo x y iPod <script>"
    assert release(protect("<i>open only"), "html") == "&lt;i&gt;open only"
    assert release(protect("<i>a <i>b</i></i>"), "html") == (
        '<i>a <span style="font-style:normal;">b</span></i>'
    )


def test_nocase_span_kept_for_citeproc_only_where_asked() -> None:
    assert '<span class="nocase">' in protect('<span class="nocase">x</span>', nocase=True)
    assert "<" not in protect('<span class="nocase">x</span>')
    assert "<" not in protect('<span class="nocase">x', nocase=True)


def test_initialize_false_keeps_given_names(tmp_path: Path) -> None:
    layout = '<names variable="author"><name initialize="false" initialize-with=". "/></names>'
    style = tiny_style(tmp_path, layout)
    item = {
        "id": "a",
        "type": "book",
        "title": "T",
        "author": [{"family": "Smith", "given": "R Jeffrey"}],
    }
    assert render([item], style, "text").entries[0].text == "R. Jeffrey Smith"
    plain = tiny_style(tmp_path, '<names variable="author"><name initialize-with=". "/></names>')
    assert render([item], plain, "text").entries[0].text == "R. J. Smith"


@pytest.mark.parametrize(
    ("parts", "text"),
    [
        ([[2008, 5, 1], [2008, 5, 3]], "May 1–3, 2008"),
        ([[2008, 5], [2008, 6]], "May–June 2008"),
        ([[2008, 5], [2009, 6]], "May 2008–June 2009"),
        ([[2008, 5, 1], [2008, 5, 1]], "May 1, 2008"),
        ([[2008, 21], [2009, 22]], "Spring 2008–Summer 2009"),
        ([[2008, 14]], "Summer 2008"),
        ([[2008, 60, 3]], ", 2008"),  # the month out of range goes with its day
        ([[2008, 5, 0]], "May, 2008"),
    ],
)
def test_date_ranges(tmp_path: Path, parts: list[list[int]], text: str) -> None:
    layout = (
        '<date variable="issued"><date-part name="month"/><date-part name="day" prefix=" "/>'
        '<date-part name="year" prefix=", "/></date>'
    )
    if len(parts[0]) == 2:
        layout = layout.replace('prefix=", "', 'prefix=" "')
    style = tiny_style(tmp_path, layout)
    item = {"id": "a", "type": "book", "title": "T", "issued": {"date-parts": parts}}
    assert render([item], style, "text").entries[0].text == text


def test_literal_date_printed_once() -> None:
    item = {
        "id": "a",
        "type": "article-newspaper",
        "title": "T",
        "container-title": "AP",
        "issued": {"literal": "early November 2000"},
    }
    for short in ("chicago", "apa", "harvard", "mla"):
        text = render([item], load_style(short), "text").entries[0].text
        assert text.count("early November 2000") <= 1


def test_sort_keys_from_plain_text_names_before_titles() -> None:
    items: list[dict[str, Any]] = [
        {
            "id": "t",
            "type": "article-newspaper",
            "title": 'Ivanov says "cornerstone"',
            "container-title": "Itar-Tass",
            "issued": {"date-parts": [[2000, 5, 5]]},
        },
        {
            "id": "n",
            "type": "interview",
            "title": "Interview",
            "container-title": "Izvestia",
            "author": [{"family": "Ivanov", "given": "Igor"}],
            "issued": {"date-parts": [[2000, 6, 1]]},
        },
    ]
    assert [e.key for e in render(items, load_style("apa"), "text").entries] == ["n", "t"]


def test_second_field_align_in_text_and_html() -> None:
    item = {
        "id": "a",
        "type": "article-newspaper",
        "title": "T",
        "container-title": "AP",
        "issued": {"date-parts": [[2000]]},
    }
    assert render([item], load_style("ieee"), "text").entries[0].text.startswith("[1] ")
    html = render([item], load_style("ieee"), "html").entries[0].text
    assert '<div class="csl-left-margin">[1]</div><div class="csl-right-inline">' in html


def test_parsed_styles_are_cached() -> None:
    assert load_style("chicago") is load_style("chicago-author-date")


@pytest.mark.parametrize(
    ("fmt", "page", "printed"),
    [
        ("minimal-two", "7-44", "7–44"),
        ("minimal", "7-44", "7–44"),
        ("minimal-two", "321-328", "321–28"),
    ],
)
def test_page_ranges_keep_a_last_page_longer_than_the_first(
    tmp_path: Path, fmt: str, page: str, printed: str
) -> None:
    style = tiny_style(tmp_path, '<text variable="page"/>', f'page-range-format="{fmt}"')
    out = render([{"id": "a", "type": "book", "page": page}], style, "text")
    assert out.entries[0].text == printed
