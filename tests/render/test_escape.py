"""Field values are text in every output format."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lhtml

from refs.render import load_style, render
from refs.render.escape import release

ALLOWED = {"div", "i", "b", "sup", "sub", "span"}
ATTRS = {"class", "style"}

fields = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=40
)


def item(title: str, outlet: str) -> dict[str, object]:
    return {
        "id": "x",
        "type": "article-newspaper",
        "title": title or "t",
        "container-title": outlet or "o",
        "issued": {"date-parts": [[2000, 10, 24]]},
    }


def tags(fragment: str) -> list[tuple[str, set[str]]]:
    root = lhtml.fragment_fromstring(fragment, create_parent="div")
    return [(el.tag, set(el.attrib)) for el in root.iter() if isinstance(el.tag, str)]


@given(title=fields, outlet=fields)
def test_html_output_holds_only_allowed_tags(title: str, outlet: str) -> None:
    style = load_style("chicago")
    out = render([item(title, outlet)], style, "html", citations=True)
    for text in [e.text for e in out.entries] + [c.text for c in out.citations]:
        for tag, attrs in tags(text)[1:]:
            assert tag in ALLOWED, (tag, text)
            assert attrs <= ATTRS, (attrs, text)
        assert "<script" not in text.lower()


def test_script_in_title_comes_out_as_text() -> None:
    out = render(
        [item("<script>alert(1)</script> & co", '"><img src=x onerror=alert(1)>')],
        load_style("apa"),
        "html",
    )
    text = out.entries[0].text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in text
    assert "<img" not in text and "<script" not in text


def test_text_output_keeps_characters() -> None:
    out = render([item("A <b> & *c*", "X_Y")], load_style("chicago"), "text")
    assert "A <b> & *c*" in out.entries[0].text
    assert "X_Y" in out.entries[0].text


def test_markdown_escapes_its_specials() -> None:
    out = render(
        [item("Stars *here* and [link](x)", "Under_score")], load_style("chicago"), "markdown"
    )
    text = out.entries[0].text
    assert r"\*Here\*" in text and r"\[Link\]" in text and r"Under\_score" in text
    assert re.search(r"(?<!\\)\*Under", text)  # the style's italics stay markup


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_line_break_in_a_field_keeps_the_entry_on_one_line(fmt: str) -> None:
    title = "First line\n- not a list\n\n    not a code block\u2028end"
    out = render([item(title, "Reuters\nGeneva")], load_style("chicago"), fmt)
    text = out.entries[0].text
    assert "\n" not in text and "\u2028" not in text
    assert "line - not a list not a code block end" in text.lower()


def test_superscript_characters_are_html_superscripts() -> None:
    assert release("1\u02b3\u1d49 \u00e9d. n\u00ba 2\u2122", "html") == (
        "1<sup>r</sup><sup>e</sup> \u00e9d. n<sup>o</sup> 2<sup>TM</sup>"
    )
    assert release("1\u02b3\u1d49", "text") == "1\u02b3\u1d49"
