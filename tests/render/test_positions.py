"""Cite positions from citations in notes (refs.render.positions)."""

from __future__ import annotations

from refs.render.engine import CiteSpec, render_clusters
from refs.render.loader import Style
from refs.render.positions import Position, positions

TESTS = ("first", "ibid-with-locator", "ibid", "subsequent")


def _names(rows: list[list[Position]]) -> list[list[str]]:
    return [[next(t for t in TESTS if p.test(t)) for p in row] for row in rows]


def test_ibid_follows_the_same_item_and_its_locator() -> None:
    cites = [None, None, "page 3", None, "page 3", "page 3", "book 3"]
    rows = positions([[("a", c)] for c in cites], [1, 2, 3, 4, 5, 6, 7])
    assert _names(rows) == [
        ["first"],
        ["ibid"],
        ["ibid-with-locator"],
        ["subsequent"],
        ["ibid-with-locator"],
        ["ibid"],
        ["ibid-with-locator"],
    ]
    assert rows[5][0].test("subsequent") and not rows[5][0].test("ibid-with-locator")


def test_the_previous_note_is_read_whole() -> None:
    # note 1 holds two citations (a, then b); b in note 2 is not ibid
    rows = positions([[("a", None)], [("b", None)], [("b", None)], [("b", None)]], [1, 1, 2, 3])
    assert _names(rows) == [["first"], ["first"], ["subsequent"], ["ibid"]]


def test_citations_in_the_text_are_a_stream_of_their_own() -> None:
    rows = positions([[("a", None)], [("b", None)], [("a", None)]], [0, 1, 0])
    assert _names(rows) == [["first"], ["first"], ["ibid"]]


def test_first_reference_note_number_and_near_note() -> None:
    rows = positions([[("a", None)], [("b", None)], [("a", None)]], [2, 3, 9], 5)
    assert rows[2][0].first_note == 2
    assert rows[0][0].first_note == 0
    assert not rows[2][0].near_note
    near = positions([[("a", None)], [("b", None)], [("a", None)]], [2, 3, 7], 5)
    assert near[2][0].near_note


NOTE_STYLE = b"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id>t</id><title>t</title></info>
  <citation><layout delimiter="; " suffix=".">
    <choose>
      <if position="ibid-with-locator"><group delimiter=" ">
        <text term="ibid"/><text variable="locator"/></group></if>
      <else-if position="ibid"><text term="ibid"/></else-if>
      <else-if position="subsequent"><group delimiter=" ">
        <text variable="title"/><text value="n"/>
        <text variable="first-reference-note-number"/></group></else-if>
      <else><text variable="title"/></else>
    </choose>
  </layout></citation>
</style>"""


def test_note_style_citations_through_the_engine() -> None:
    items = [{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "book", "title": "B"}]
    clusters = [
        [CiteSpec("a")],
        [CiteSpec("a", locator="4")],
        [CiteSpec("b"), CiteSpec("b")],
        [CiteSpec("a", prefix="As was said. ")],
        [CiteSpec("b", prefix="See ")],
        [CiteSpec("b", prefix="It is so. ")],
        [CiteSpec("b", prefix="So. ")],
    ]
    notes = [1, 2, 3, 7, 8, 9, 10]
    out = render_clusters(items, Style(NOTE_STYLE, "t"), clusters, notes=notes)
    assert [c.text for c in out.citations] == [
        "A.",
        "Ibid. 4.",
        "B; ibid.",
        "As was said. A n 1.",
        "See B n 3.",
        "It is so. Ibid.",
        "So. ibid.",
    ]
