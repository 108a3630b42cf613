"""``display`` in HTML bibliographies and macros as groups (refs/render/elements/text.py)."""

from __future__ import annotations

from refs.render.engine import render
from refs.render.loader import Style

STYLE = b"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>
    <text variable="citation-number" prefix="[" suffix="]" display="left-margin"/>
    <group display="right-inline"><text variable="title"/></group>
    <text variable="abstract" display="indent"/>
  </layout></bibliography>
</style>"""


def test_display_divs_in_html_and_plain_text_elsewhere() -> None:
    items = [{"id": "a", "type": "book", "title": "A", "abstract": "About A."}]
    html = render(items, Style(STYLE, "t"), "html").entries[0].text
    assert html == (
        '<div class="csl-entry"><div class="csl-left-margin">[1]</div>'
        '<div class="csl-right-inline">A</div><div class="csl-indent">About A.</div></div>'
    )
    assert render(items, Style(STYLE, "t"), "text").entries[0].text == "[1]AAbout A."


MACRO_STYLE = b"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>t</id><title>t</title></info>
  <macro name="container">
    <text term="in" suffix=" "/><text variable="container-title"/>
  </macro>
  <macro name="date">
    <choose><if variable="issued"><date variable="issued"><date-part name="year"/></date></if>
    <else><text term="no date" form="short"/><text variable="year-suffix"/></else></choose>
  </macro>
  <citation><layout><group delimiter=", ">
    <text variable="title"/><text macro="container"/><text macro="date"/>
  </group></layout></citation>
</style>"""


def test_a_macro_is_not_a_group_a_term_after_an_empty_variable_prints() -> None:
    # citeproc-js prints "n.d." for an undated item in chicago-notes, whose date macro
    # prints the term beside an empty year-suffix; treating the macro as a group lost it
    items = [{"id": "a", "type": "chapter", "title": "A"}]
    out = render(items, Style(MACRO_STYLE, "t"), "text", citations=True)
    assert out.citations[0].text.endswith(", n.d.")
    items[0]["container-title"] = "B"
    out = render(items, Style(MACRO_STYLE, "t"), "text", citations=True)
    assert out.citations[0].text == "A, in B, n.d."
