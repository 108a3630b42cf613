"""``display`` in HTML bibliographies (refs/render/elements/text.py, Displayed)."""

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
